// The bundled example of a municipal document that is not a KOSTRA analysis: it builds with
// --strict in both report layouts and uses every structure it is there to show.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

/// The example's frames in `layout`, with the diagnostics of the build.
FrameDocument build(const std::string& layout, Diagnostics& d) {
    SystemEnvironment env(test::source_dir());
    FrameDocument frames;
    BuildOptions options;
    options.layout = layout;
    EXPECT_TRUE(build_pdf(env, test::source_dir() / "content" / "virksomhetsplan", d, &frames, options).has_value());
    return frames;
}

class Virksomhetsplan : public ::testing::TestWithParam<std::string> {};

TEST_P(Virksomhetsplan, BuildsWithoutAWarningAndUsesEveryStructure) {
    Diagnostics d;
    const auto frames = build(GetParam(), d);
    std::ostringstream problems;
    d.print(problems);
    EXPECT_TRUE(d.all().empty()) << "--strict would fail:\n" << problems.str();
    EXPECT_FALSE(test::role_texts(frames, Role::h5).empty()) << "level 5 headings";
    EXPECT_FALSE(test::role_texts(frames, Role::h6).empty()) << "level 6 headings";
    EXPECT_GE(test::role_texts(frames, Role::th_row).size(), 20u * 4) << "20 or more field blocks of several fields";
    EXPECT_GE(frames.pages.size(), 20u);
    const auto captions = test::role_texts(frames, Role::caption);
    EXPECT_EQ(1, std::count_if(captions.begin(), captions.end(), [](const auto& c) { return c.rfind("Diagram 1:", 0) == 0; }))
        << "the report's own word for figures";
    const auto artifacts = test::role_texts(frames, Role::artifact);
    EXPECT_GT(std::count_if(artifacts.begin(), artifacts.end(),
                            [](const auto& a) { return a.find("Fjordvik kommune") != std::string::npos && a.find("januar 2026") != std::string::npos; }),
              20)
        << "the manifest's footer with the municipality and the date";
}

INSTANTIATE_TEST_SUITE_P(Layouts, Virksomhetsplan, ::testing::Values("kommune", "rapport"));

}  // namespace
}  // namespace sats
