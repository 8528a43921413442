#pragma once
// Helpers shared by the tests: paths into the source tree and running the sats CLI.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "frames/frames.hpp"

namespace sats::test {

/// The repository root.
std::filesystem::path source_dir();

/// Runs a shell command, returns its exit status; stdout+stderr go to `output`.
int run(const std::string& command, std::string* output = nullptr);

/// Runs the sats CLI with `arguments` (already shell-quoted).
int run_sats(const std::string& arguments, std::string* output = nullptr);

/// A fresh empty temporary folder.
std::filesystem::path temp_dir();

/// The whole content of a file ("" if missing).
std::string read(const std::filesystem::path& path);

/// The first group of `role` in `document` (pages in order, depth first) for which `match`
/// holds; null if none.
const Group* find_group(const FrameDocument& document, Role role, const std::function<bool(const Group&)>& match);

/// The items inside `items` that are not groups, in drawing order, at any depth.
std::vector<FrameItem> leaves(const std::vector<FrameItem>& items);

/// The text of every group of `role` in `document` whose start is on its page (a continued part
/// is left out), pages in order, depth first; soft hyphens dropped.
std::vector<std::string> role_texts(const FrameDocument& document, Role role);

/// The text of each glyph run among `items` (not inside groups), in drawing order.
std::vector<std::string> texts(const std::vector<FrameItem>& items);

/// The real files, except the "kommune" layout's layout.toml, which reads as `layout`.
class OtherLayout : public SystemEnvironment {
public:
    explicit OtherLayout(std::string layout);
    std::optional<std::string> read_file(const std::filesystem::path& path) const override;

private:
    std::filesystem::path path_;
    std::string layout_;
};

/// The content project every tests/bad-input case starts from (tests/fixtures/base).
std::filesystem::path base_project();

/// A temporary project: the base project with the case folder `case_dir` laid over it, in the
/// folder `project` (made; by default a fresh temporary folder). Each file of the case replaces
/// or adds the file or folder at the same relative path (expected.txt, remove.txt and
/// build-args.txt, which describe the case, excepted); a symbolic link
/// stays a link with the same target, so a case can hold a link that leads out of the project.
/// The base files its remove.txt lists, one relative path a line, are deleted (throws
/// std::runtime_error if one is not there). Returns the project's folder.
std::filesystem::path materialise_case(const std::filesystem::path& case_dir,
                                       const std::filesystem::path& project = temp_dir());

/// One file, folder or symbolic link as snapshot_tree() records it.
struct TreeEntry {
    std::filesystem::file_type type = std::filesystem::file_type::none;
    std::filesystem::perms permissions = std::filesystem::perms::none;
    std::string content;  ///< a file's bytes, a link's target; "" for a folder
    bool operator==(const TreeEntry&) const = default;
};

/// Everything under a folder, by path relative to it.
using TreeSnapshot = std::map<std::string, TreeEntry>;

/// Records every file, folder and symbolic link under `root` (links are not followed): kind,
/// permissions, and a file's bytes or a link's target. Two snapshots of one folder are equal
/// only if nothing in it changed, appeared or disappeared.
TreeSnapshot snapshot_tree(const std::filesystem::path& root);

/// What differs from `before` to `after`, one line a path ("added: ut/r.pdf", "removed: …",
/// "changed: …"); "" if they are equal.
std::string tree_changes(const TreeSnapshot& before, const TreeSnapshot& after);

}  // namespace sats::test
