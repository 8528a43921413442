#include "scaffold/project_writer.hpp"

#include <stdlib.h>
#include <sys/stat.h>

#include <system_error>

#include "core/file_writer.hpp"
#include "core/result.hpp"

namespace sats {

namespace fs = std::filesystem;

namespace {

/// Why `folder` cannot become the new project, if it cannot: it exists and is not an empty folder.
std::optional<Diagnostic> refusal(const fs::path& folder) {
    std::error_code ec;
    const auto status = fs::symlink_status(folder, ec);
    if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none)
        return std::nullopt;  // none: a parent is not a folder, which making the parents reports
    const SourceLocation where{folder.string()};
    if (status.type() != fs::file_type::directory)
        return error_at(where, "this path exists and is not a folder; 'sats new' writes a new folder",
                        "choose a name that is not taken");
    if (!fs::is_empty(folder, ec) || ec)
        return error_at(where, "this folder exists and is not empty; 'sats new' writes only into a new or empty folder",
                        "choose a new folder name; nothing was written");
    return std::nullopt;
}

/// The parent folders of `folder` that do not exist yet, deepest first.
std::vector<fs::path> missing_parents(const fs::path& folder) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (auto p = folder.parent_path(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    return missing;
}

/// Removes the temporary folder (if made) and the parents made for it (if still empty).
void undo(const fs::path& staging, const std::vector<fs::path>& made_parents) {
    std::error_code ec;
    if (!staging.empty()) fs::remove_all(staging, ec);
    for (const auto& parent : made_parents) fs::remove(parent, ec);  // only removes an empty folder
}

/// A fresh temporary folder `.<name>.sats-new-XXXXXX` beside `folder`, with the permissions a new
/// folder gets (mkdtemp makes it private); empty if it cannot be made.
fs::path make_staging_folder(const fs::path& folder) {
    std::string pattern = (folder.parent_path() / ("." + folder.filename().string() + ".sats-new-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) return {};
    const mode_t mask = umask(0);
    umask(mask);
    std::error_code ec;
    fs::permissions(pattern, static_cast<fs::perms>(0777 & ~mask), ec);
    return pattern;
}

}  // namespace

std::optional<Diagnostic> write_new_project(const fs::path& given, const std::vector<FileContent>& files) {
    auto folder = fs::absolute(given).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();
    if (auto refused = refusal(folder)) return refused;
    const SourceLocation where{given.string()};
    const auto parents = missing_parents(folder);
    std::error_code ec;
    fs::create_directories(folder.parent_path(), ec);
    if (ec) {
        undo({}, parents);
        return error_at(where, "cannot make the folders above it: " + ec.message() + "; nothing was written");
    }
    const auto staging = make_staging_folder(folder);
    if (staging.empty()) {
        undo({}, parents);
        return error_at(where, "cannot write in " + folder.parent_path().string() + "; nothing was written");
    }
    std::vector<FileContent> placed;  // write_all_or_none() makes the folders inside
    for (const auto& file : files) placed.push_back({staging / file.path, file.bytes});
    std::optional<std::string> failure;
    if (const auto write_failure = write_all_or_none(placed)) failure = write_failure->path.filename().string() + ": " + write_failure->message;
    else if (fs::rename(staging, folder, ec); ec) failure = ec.message();
    if (failure) {
        undo(staging, parents);
        return error_at(where, "cannot write the new project (" + *failure + "); nothing was written");
    }
    return std::nullopt;
}

}  // namespace sats
