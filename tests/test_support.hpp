#pragma once
// Helpers shared by the tests: paths into the source tree and running the sats CLI.

#include <filesystem>
#include <functional>
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

/// A fresh temporary project: the base project with the case folder `case_dir` laid over it.
/// Each file of the case replaces or adds the file at the same relative path (its expected.txt
/// and remove.txt excepted); the base files its remove.txt lists, one relative path a line, are
/// deleted (throws std::runtime_error if one is not there). Returns the project's folder.
std::filesystem::path materialise_case(const std::filesystem::path& case_dir);

}  // namespace sats::test
