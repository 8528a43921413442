// The look of charts and of the web page comes from the layout: a copy of "kommune" with
// other words and colours changes what the charts and the HTML export put out.
#include <gtest/gtest.h>

#include <algorithm>

#include "export/html_export.hpp"
#include "layout/style.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

/// `text` with the first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(std::string::npos, at) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

const std::string kAccent = "#123456", kReference = "#654321";

/// The charts golden project laid out in "kommune" with its target word, reference colour,
/// accent and web link words changed.
const FrameDocument& frames() {
    static const FrameDocument document = [] {
        std::string layout = test::read(test::source_dir() / "layouts" / "kommune" / "layout.toml");
        layout = replaced(layout, "target = \"Mål\"", "target = \"Målsetting\"");
        layout = replaced(layout, "full_report = \"Les hele rapporten\"", "full_report = \"Les alt\"");
        layout = replaced(layout, "reference = \"#333333\"", "reference = \"" + kReference + "\"");
        layout = replaced(layout, "accent = \"#00507d\"", "accent = \"" + kAccent + "\"");
        test::OtherLayout env(layout);
        Diagnostics d;
        FrameDocument f;
        EXPECT_TRUE(build_pdf(env, test::source_dir() / "tests" / "golden" / "charts", d, &f));
        EXPECT_FALSE(d.has_errors());
        return f;
    }();
    return document;
}

TEST(LayoutLook, TargetWordOfTheLayoutLabelsTheTargetLine) {
    std::vector<std::string> targets;
    for (const auto& page : frames().pages)
        for_each<GlyphRun>(page.items, [&](const GlyphRun& run) {
            if (run.text().rfind("Mål", 0) == 0) targets.push_back(run.text());
        });
    EXPECT_NE(targets.end(), std::find(targets.begin(), targets.end(), "Målsetting: 4,0\u00A0%"));
    EXPECT_EQ(targets.end(), std::find(targets.begin(), targets.end(), "Mål: 4,0\u00A0%"));
}

TEST(LayoutLook, ReferenceColourOfTheLayoutDrawsTheGuides) {
    const Color wanted = *parse_color(kReference);
    int guides = 0;
    for (const auto& page : frames().pages)
        for_each<Path>(page.items, [&](const Path& path) {
            if (path.stroke && path.stroke->r == wanted.r && path.stroke->g == wanted.g && path.stroke->b == wanted.b) ++guides;
        });
    EXPECT_GT(guides, 0);
}

TEST(LayoutLook, WebPageTakesColoursAndWordsFromTheLayout) {
    const std::string html = export_html(frames(), "r.pdf");
    EXPECT_NE(std::string::npos, html.find("header{background:" + kAccent)) << html.substr(0, 600);
    EXPECT_NE(std::string::npos, html.find(">Les alt: Figurer (PDF)</a>"));
}

}  // namespace
}  // namespace sats
