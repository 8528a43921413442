#pragma once
// The files of a new content project: the template folder's files, with the title and the
// municipality given on the command line set in its manifest.

#include <filesystem>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "core/result.hpp"

namespace sats {

/// What `sats new` sets in the template's report.toml; an empty field keeps the template's value.
struct ProjectFields {
    std::string title;         ///< `--title`: the manifest's `title`
    std::string municipality;  ///< `--municipality`: the manifest's `municipality`
};

/// Every regular file under `template_dir`, read through `env`, by path relative to the folder
/// and sorted by it, with `fields` set in its report.toml. Errors if the folder is missing or
/// empty, a file cannot be read, or the manifest has no line for a field to set.
Result<std::vector<FileContent>> project_from_template(const Environment& env, const std::filesystem::path& template_dir,
                                                       const ProjectFields& fields);

/// `text` as a TOML basic string: in double quotes, with `"`, `\` and control characters escaped.
std::string toml_quoted(const std::string& text);

}  // namespace sats
