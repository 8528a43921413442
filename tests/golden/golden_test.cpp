// Golden tests: the laid-out pages of each project in tests/golden/<case>/ as text, compared
// with tests/golden/<case>.dump. Refresh after an intended change with one command:
//   SATS_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> cases() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "golden"))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, FramesMatchTheDump) {
    const auto dir = test::source_dir() / "tests" / "golden";
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    FrameDocument frames;
    const auto pdf = build_pdf(env, dir / GetParam(), d, &frames);
    std::ostringstream problems;
    d.print(problems);
    ASSERT_TRUE(pdf) << problems.str();
    // A case may expect warnings (a running text cut to fit), one headline per line of warnings.txt.
    std::string warnings;
    for (const auto& diagnostic : d.all()) warnings += diagnostic.headline() + "\n";
    const auto expected = dir / GetParam() / "warnings.txt";
    const std::string prefix = (dir / GetParam()).string() + "/";
    for (auto at = warnings.find(prefix); at != std::string::npos; at = warnings.find(prefix)) warnings.erase(at, prefix.size());
    EXPECT_EQ(fs::exists(expected) ? test::read(expected) : "", warnings) << problems.str();
    const std::string dump = dump_frames(frames);
    const auto golden = dir / (GetParam() + ".dump");
    if (std::getenv("SATS_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << dump;
        GTEST_SKIP() << "updated " << golden;
    }
    EXPECT_TRUE(test::read(golden) == dump)
        << "the frames differ from " << golden << "; look at the difference (SATS_UPDATE_GOLDEN=1 ctest --test-dir build "
        << "-R Golden rewrites it, then git diff shows it) and refresh if it is intended";
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(cases()), [](const auto& info) {
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
});

}  // namespace
}  // namespace sats
