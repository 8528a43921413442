// Every folder in tests/bad-input is a broken content project, written as the files it changes
// in the base project tests/fixtures/base (see tests/README.md); its expected.txt lists the
// errors `sats check` must report, in order (paths relative to the project folder), and no
// others; where it lists hints too, the hints must match. A case whose mistake is in the
// command line gives its build arguments in build-args.txt instead, and expected.txt lists the
// errors that build prints. Neither command may change, add or remove a file anywhere under the
// temporary folder holding the project and the output folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    return lines;
}

std::vector<fs::path> cases() {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "bad-input"))
        if (entry.is_directory()) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

/// `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

/// A materialised case: `root` holds the project folder and an empty output folder.
struct Materialised {
    fs::path root;
    fs::path project = root / "prosjekt";
    fs::path out = root / "ut";

    /// `text` with the real folders written as the placeholders `{project}` and `{out}`.
    std::string with_placeholders(const std::string& text) const {
        return replaced(replaced(text, project.string(), "{project}"), out.string(), "{out}");
    }
    /// `text` with the placeholders `{project}` and `{out}` replaced by the real folders.
    std::string without_placeholders(const std::string& text) const {
        return replaced(replaced(text, "{project}", project.string()), "{out}", out.string());
    }
};

/// The error lines (with their hints if `with_hints`) of sats's `output`, the folders written as
/// placeholders and, if `relative`, the leading `{project}/` dropped.
std::vector<std::string> errors_in(const std::string& output, const Materialised& m, bool with_hints, bool relative) {
    std::vector<std::string> errors;
    bool in_error = false;  // hint lines belong to the diagnostic above them
    for (auto line : lines_of(m.with_placeholders(output))) {
        if (relative && line.rfind("{project}/", 0) == 0) line.erase(0, std::string("{project}/").size());
        if (line.rfind("  hint: ", 0) == 0) {
            if (in_error && with_hints) errors.push_back(line);
        } else if (line.rfind("  |", 0) != 0) {
            in_error = line.find(": error: ") != std::string::npos;
            if (in_error) errors.push_back(line);
        }
    }
    return errors;
}

class BadInput : public ::testing::TestWithParam<fs::path> {};

TEST_P(BadInput, ReportsItsDiagnosticAndChangesNoFile) {
    const auto expected = lines_of(test::read(GetParam() / "expected.txt"));
    ASSERT_FALSE(expected.empty()) << "missing expected.txt in " << GetParam();
    const bool with_hints = std::any_of(expected.begin(), expected.end(),
                                        [](const std::string& l) { return l.rfind("  hint: ", 0) == 0; });
    const auto args_lines = lines_of(test::read(GetParam() / "build-args.txt"));
    const std::string build_args = args_lines.empty() ? std::string() : args_lines.front();
    const Materialised m{test::temp_dir()};
    test::materialise_case(GetParam(), m.project);
    fs::create_directory(m.out);
    const auto before = test::snapshot_tree(m.root);
    const std::string project = "'" + m.project.string() + "'";

    std::string output;
    const int checked = test::run_sats("check " + project, &output);
    if (build_args.empty()) {  // the mistake is in the project: check reports it
        EXPECT_EQ(1, checked) << output;
        EXPECT_EQ(expected, errors_in(output, m, with_hints, true)) << output;
    } else {  // the mistake is in the command line: the project itself is fine
        EXPECT_EQ(0, checked) << output;
    }
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(m.root))) << "sats check changed files";

    const std::string arguments = build_args.empty() ? "-o '" + (m.out / "report.pdf").string() + "'" : m.without_placeholders(build_args);
    EXPECT_EQ(1, test::run_sats("build " + project + " " + arguments, &output)) << output;
    if (!build_args.empty()) {
        EXPECT_EQ(expected, errors_in(output, m, with_hints, false)) << output;
    }
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(m.root))) << "sats build changed files";
    fs::remove_all(m.root);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(cases()), [](const auto& info) {
    std::string name = info.param.filename().string();
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

TEST(BadInputSuite, HasAtLeast150Cases) { EXPECT_GE(cases().size(), 150u); }

// Each case's errors come from what it changes: the base it starts from checks cleanly.
TEST(BadInputSuite, BaseProjectChecksCleanly) {
    std::string output;
    EXPECT_EQ(0, test::run_sats("check '" + test::base_project().string() + "'", &output)) << output;
}

}  // namespace
}  // namespace sats
