// Every folder in tests/bad-input is a broken content project, written as the files it changes
// in the base project tests/fixtures/base (see tests/README.md); its expected.txt lists the
// errors `sats check` must report, in order (paths relative to the project folder), and no
// others; where it lists hints too, the hints must match. None may leave a file behind.
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

class BadInput : public ::testing::TestWithParam<fs::path> {};

TEST_P(BadInput, ReportsItsDiagnosticAndWritesNothing) {
    const auto expected = lines_of(test::read(GetParam() / "expected.txt"));
    ASSERT_FALSE(expected.empty()) << "missing expected.txt in " << GetParam();
    const fs::path dir = test::materialise_case(GetParam());

    std::string output;
    const int status = test::run_sats("check '" + dir.string() + "'", &output);
    EXPECT_EQ(1, status) << output;
    const std::string prefix = dir.string() + "/";
    const bool with_hints = std::any_of(expected.begin(), expected.end(),
                                        [](const std::string& l) { return l.rfind("  hint: ", 0) == 0; });
    std::vector<std::string> errors;
    bool in_error = false;  // hint lines belong to the diagnostic above them
    for (auto line : lines_of(output)) {
        if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
        if (line.rfind("  hint: ", 0) == 0) {
            if (in_error && with_hints) errors.push_back(line);
        } else if (line.rfind("  |", 0) != 0) {
            in_error = line.find(": error: ") != std::string::npos;
            if (in_error) errors.push_back(line);
        }
    }
    // Exactly the expected errors: none missing, and no follow-on errors.
    EXPECT_EQ(expected, errors) << output;

    const fs::path out = test::temp_dir() / "report.pdf";
    EXPECT_EQ(1, test::run_sats("build '" + dir.string() + "' -o '" + out.string() + "'"));
    EXPECT_FALSE(fs::exists(out));
    std::size_t leftovers = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out.parent_path())) ++leftovers;
    EXPECT_EQ(0u, leftovers) << "a temporary file was left behind";
    fs::remove_all(dir);
    fs::remove_all(out.parent_path());
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInput, ::testing::ValuesIn(cases()), [](const auto& info) {
    std::string name = info.param.filename().string();
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

TEST(BadInputSuite, HasAtLeastFortyCases) { EXPECT_GE(cases().size(), 40u); }

// Each case's errors come from what it changes: the base it starts from checks cleanly.
TEST(BadInputSuite, BaseProjectChecksCleanly) {
    std::string output;
    EXPECT_EQ(0, test::run_sats("check '" + test::base_project().string() + "'", &output)) << output;
}

}  // namespace
}  // namespace sats
