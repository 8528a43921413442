#pragma once
// The command line of `sats new <folder> [--title "…"] [--municipality "…"]`: its arguments,
// and the run that writes the project from the template.

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "scaffold/project_template.hpp"

namespace sats {

/// What `sats new` was asked for.
struct NewRequest {
    std::filesystem::path folder;  ///< the project folder to write
    ProjectFields fields;          ///< `--title`, `--municipality`
};

/// The arguments after `sats new`; nothing, with `error`, if they are wrong.
std::optional<NewRequest> parse_new_arguments(const std::vector<std::string>& args, std::string& error);

/// Writes the project of `request` from the template `<resources>/templates/ny`, then prints
/// what it wrote and the next step on `out`, or the errors. Returns the exit status: 0, or 1
/// (nothing written).
int run_new(const Environment& env, const NewRequest& request, std::ostream& out);

}  // namespace sats
