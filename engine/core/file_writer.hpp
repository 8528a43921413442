#pragma once
// Writing a set of output files all or none: each is written to a temporary file beside its
// target, and only when all are written are they renamed into place. Temporary files are
// named `.<name>.sats-XXXXXX` and locked while their run lives, so a later run removes only
// those a killed run left (never a user's file, never another live run's file).

#include <optional>
#include <vector>

#include "core/environment.hpp"

namespace sats {

/// Writes every one of `files` or none (see SystemEnvironment::write_files).
std::optional<WriteFailure> write_all_or_none(const std::vector<FileContent>& files);

/// The suffix pattern of a temporary file's name after `.<name>`: ".sats-" and six characters.
inline constexpr const char* kTemporaryMark = ".sats-";

}  // namespace sats
