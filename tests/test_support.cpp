#include "test_support.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <sstream>
#include <sys/wait.h>

namespace sats::test {

std::filesystem::path source_dir() { return SATS_SOURCE_DIR; }

int run(const std::string& command, std::string* output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buffer{};
    std::string text;
    while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (output) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_sats(const std::string& arguments, std::string* output) {
    return run(std::string("'") + SATS_BINARY + "' " + arguments, output);
}

std::filesystem::path temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sats-test-XXXXXX").string();
    return mkdtemp(pattern.data());
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {

const Group* find_in(const std::vector<FrameItem>& items, Role role, const std::function<bool(const Group&)>& match) {
    for (const auto& item : items)
        if (const auto* group = std::get_if<Group>(&item)) {
            if (group->role == role && match(*group)) return group;
            if (const Group* inner = find_in(group->items, role, match)) return inner;
        }
    return nullptr;
}

}  // namespace

const Group* find_group(const FrameDocument& document, Role role, const std::function<bool(const Group&)>& match) {
    for (const auto& page : document.pages)
        if (const Group* found = find_in(page.items, role, match)) return found;
    return nullptr;
}

/// Collects what a walk passes that is not a group.
struct Collect {
    std::vector<FrameItem>& out;
    void enter(const Group&) {}
    void leave(const Group&) {}
    void operator()(const auto& leaf) { out.push_back(leaf); }
};

std::vector<FrameItem> leaves(const std::vector<FrameItem>& items) {
    std::vector<FrameItem> out;
    walk(items, Collect{out});
    return out;
}

std::vector<std::string> role_texts(const FrameDocument& document, Role role) {
    std::vector<std::string> out;
    std::function<void(const std::vector<FrameItem>&)> visit = [&](const std::vector<FrameItem>& items) {
        for (const auto& item : items)
            if (const auto* group = std::get_if<Group>(&item)) {
                if (group->role == role && !group->continued) {
                    std::string text;
                    for_each<GlyphRun>(group->items, [&](const GlyphRun& run) { text += run.text(); });
                    for (auto at = text.find("\u00AD"); at != std::string::npos; at = text.find("\u00AD")) text.erase(at, 2);
                    out.push_back(std::move(text));
                }
                visit(group->items);
            }
    };
    for (const auto& page : document.pages) visit(page.items);
    return out;
}

std::vector<std::string> texts(const std::vector<FrameItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) out.push_back(run->text());
    return out;
}

/// The files of a case folder that describe the case rather than belong to its project.
const char* const kCaseFiles[] = {"expected.txt", "remove.txt", "build-args.txt"};

std::filesystem::path base_project() { return source_dir() / "tests" / "fixtures" / "base"; }

std::filesystem::path materialise_case(const std::filesystem::path& case_dir, const std::filesystem::path& project) {
    namespace fs = std::filesystem;
    fs::create_directories(project);
    fs::copy(base_project(), project, fs::copy_options::recursive);
    for (const auto& entry : fs::recursive_directory_iterator(case_dir)) {
        const fs::path relative = entry.path().lexically_relative(case_dir);
        const fs::path target = project / relative;
        if (std::find(std::begin(kCaseFiles), std::end(kCaseFiles), relative) != std::end(kCaseFiles)) continue;
        if (entry.is_symlink()) {
            fs::create_directories(target.parent_path());
            fs::remove_all(target);
            fs::copy_symlink(entry.path(), target);
        } else if (entry.is_regular_file()) {
            fs::create_directories(target.parent_path());
            fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
        }
    }
    std::istringstream removals(read(case_dir / "remove.txt"));
    for (std::string line; std::getline(removals, line);)
        if (!line.empty() && !fs::remove(project / line))
            throw std::runtime_error(case_dir.string() + "/remove.txt: the base project has no " + line);
    return project;
}

TreeSnapshot snapshot_tree(const std::filesystem::path& root) {
    namespace fs = std::filesystem;
    TreeSnapshot snapshot;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto status = entry.symlink_status();
        TreeEntry& recorded = snapshot[entry.path().lexically_relative(root).string()];
        recorded.type = status.type();
        recorded.permissions = status.permissions();
        if (entry.is_symlink()) recorded.content = fs::read_symlink(entry.path()).string();
        else if (status.type() == fs::file_type::regular) recorded.content = read(entry.path());
    }
    return snapshot;
}

std::string tree_changes(const TreeSnapshot& before, const TreeSnapshot& after) {
    std::string changes;
    for (const auto& [path, entry] : before) {
        const auto now = after.find(path);
        if (now == after.end()) changes += "removed: " + path + "\n";
        else if (now->second != entry) changes += "changed: " + path + "\n";
    }
    for (const auto& [path, entry] : after)
        if (!before.count(path)) changes += "added: " + path + "\n";
    return changes;
}

OtherLayout::OtherLayout(std::string layout)
    : SystemEnvironment(source_dir()), path_((source_dir() / "layouts" / "kommune" / "layout.toml").lexically_normal()),
      layout_(std::move(layout)) {}

std::optional<std::string> OtherLayout::read_file(const std::filesystem::path& path) const {
    if (path.lexically_normal() == path_) return layout_;
    return SystemEnvironment::read_file(path);
}

}  // namespace sats::test
