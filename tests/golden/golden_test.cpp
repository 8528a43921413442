// Golden test: the laid-out pages of a small project as text, compared with the file beside it.
// Refresh after an intended change with:  SATS_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

TEST(Golden, MiniProjectFrames) {
    const auto dir = test::source_dir() / "tests" / "golden";
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    FrameDocument frames;
    const auto pdf = build_pdf(env, dir / "mini", d, &frames);
    std::ostringstream problems;
    d.print(problems);
    ASSERT_TRUE(pdf) << problems.str();
    std::string dump = dump_frames(frames);
    const auto golden = dir / "mini.dump";
    if (std::getenv("SATS_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << dump;
        GTEST_SKIP() << "updated " << golden;
    }
    EXPECT_EQ(test::read(golden), dump) << "run SATS_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden to refresh";
}

}  // namespace
}  // namespace sats
