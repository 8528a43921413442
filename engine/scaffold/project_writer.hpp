#pragma once
// Writing a new project folder all or nothing: the files go into a temporary folder beside it,
// which is renamed to the project's name only when every file is written.

#include <filesystem>
#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/environment.hpp"

namespace sats {

/// Writes `files` (paths relative to the project) as the folder `folder`. Refuses a `folder`
/// that exists and is not an empty folder. Creates missing parent folders. The files are
/// written into a temporary folder `.<name>.sats-new-XXXXXX` beside `folder`, renamed to `folder`
/// when all are written; on any failure the temporary folder and the parents it made are
/// removed, so there is either the whole project or nothing. Returns the error, if any.
std::optional<Diagnostic> write_new_project(const std::filesystem::path& folder, const std::vector<FileContent>& files);

}  // namespace sats
