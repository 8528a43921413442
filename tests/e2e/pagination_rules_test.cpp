// Pagination rules checked where they bite. A chapter of sections, each starting on a new page
// a little lower than the one before (one-line paragraphs and rules as filler, in steps
// smaller than a line or a table row), so that every way a block can meet the foot of a page
// occurs: a heading under a heading stays with the table after them, a paragraph leaves no
// widow or orphan, a split table carries at least two rows onto its last page, and a figure
// that does not fit with its caption moves whole to the next page.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

constexpr int kSections = 40;

/// A structure element at the top of a page's tree, and the page (from 1) it is on.
struct Placed {
    int page;
    const Group* group;
};

/// The pagination fixture (the base project with 40 numbered rows of data) laid out with one
/// chapter of kSections sections: section k starts a new page, then `fillers + k / 2`
/// one-line paragraphs and, for odd k, a rule, then `block(k)`. Returns the structure
/// elements at the top of the pages, in order; `frames` keeps what they point into.
std::vector<Placed> lay_out_sections(int fillers, const std::function<std::string(int)>& block, FrameDocument& frames) {
    const auto project = test::materialise_case(test::source_dir() / "tests" / "fixtures" / "pagination");
    std::string text = "# Sideskift\n\n";
    for (int k = 0; k < kSections; ++k) {
        text += "<!-- sideskift -->\n\n";
        for (int i = 0; i < fillers + k / 2; ++i) text += "Fyll.\n\n";
        if (k % 2 == 1) text += "---\n\n";
        text += block(k);
    }
    std::ofstream(project / "kapitler" / "01-okonomi.md") << text;
    std::filesystem::create_directories(project / "bilder");  // bilder/figur<k>.png for a block that shows a figure
    for (int k = 0; k < kSections; ++k)
        std::filesystem::copy_file(test::source_dir() / "tests" / "golden" / "navigation" / "bilder" / "stolper.png",
                                   project / "bilder" / ("figur" + std::to_string(k) + ".png"));
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    std::ostringstream problems;
    const bool built = build_pdf(env, project, d, &frames).has_value();
    d.print(problems);
    EXPECT_TRUE(built) << problems.str();
    std::vector<Placed> placed;
    for (std::size_t p = 0; p < frames.pages.size(); ++p)
        for (const auto& item : frames.pages[p].items)
            if (const auto* g = std::get_if<Group>(&item); g && g->role != Role::artifact)
                placed.push_back({static_cast<int>(p) + 1, g});
    return placed;
}

/// How many lines of text `group` shows (distinct baselines).
std::size_t line_count(const Group& group) {
    std::set<long> baselines;
    for_each<GlyphRun>(group.items, [&](const GlyphRun& run) { baselines.insert(std::lround(run.y * 100)); });
    return baselines.size();
}

/// The highest baseline of the text of `group` (in points from the page's top).
double first_baseline(const Group& group) {
    double top = 1e9;
    for_each<GlyphRun>(group.items, [&](const GlyphRun& run) { top = std::min(top, run.y); });
    return top;
}

/// A table of rows r1…r`rows` of the fixture's data, with a caption and a source line.
std::string table(int rows) {
    std::string ids;
    for (int r = 1; r <= rows; ++r) ids += (r > 1 ? ", \"r" : "\"r") + std::to_string(r) + "\"";
    return "```table\ndata = \"rader\"\nrows = [" + ids + "]\ncolumns = [\"navn\", \"verdi\"]\ncaption = \"Rader\"\n```\n\n";
}

TEST(PaginationRules, AHeadingUnderAHeadingMovesWithTheTableThatDoesNotFit) {
    FrameDocument frames;
    const auto placed = lay_out_sections(20, [](int k) {
        const std::string n = std::to_string(k);
        return "## Kapittel " + n + "\n\n### Avsnitt " + n + "\n\n" + table(12);
    }, frames);
    int sections = 0, moved = 0;
    for (std::size_t i = 1; i + 2 < placed.size(); ++i) {
        if (placed[i].group->role != Role::h2) continue;
        ++sections;
        ASSERT_EQ(Role::h3, placed[i + 1].group->role);
        ASSERT_EQ(Role::table, placed[i + 2].group->role);
        EXPECT_FALSE(placed[i + 2].group->continued);
        EXPECT_EQ(placed[i + 2].page, placed[i].page) << "the heading of section " << sections - 1 << " ends a page";
        EXPECT_EQ(placed[i + 2].page, placed[i + 1].page) << "the subheading of section " << sections - 1 << " ends a page";
        if (placed[i - 1].page < placed[i].page) {  // the filler ended the page before
            ++moved;
            EXPECT_LT(first_baseline(*placed[i].group), first_baseline(*placed[i + 2].group))
                << "the text of the heading of section " << sections - 1 << " did not move with it";
        }
    }
    EXPECT_EQ(kSections, sections);
    EXPECT_GT(moved, 3) << "some sections should need the headings moved";
}

TEST(PaginationRules, ASplitParagraphLeavesNoWidowAndNoOrphan) {
    const std::string sentence = "Dette er et avsnitt som går over flere linjer og deles der siden slutter. ";
    std::string paragraph;
    for (int i = 0; i < 10; ++i) paragraph += sentence;
    FrameDocument frames;
    const auto placed = lay_out_sections(20, [&](int) { return paragraph + "\n\n"; }, frames);
    std::set<std::size_t> first_parts;
    bool split = false;  // the paragraph going on has lines on the page before (not just its empty start)
    for (const auto& [page, group] : placed) {
        if (group->role != Role::p || !(group->continues || group->continued)) continue;
        const std::size_t lines = line_count(*group);
        if (group->continues) {
            split = lines > 0;
            if (!split) continue;
            EXPECT_GE(lines, 2u) << "an orphan on page " << page;
            first_parts.insert(lines);
        } else if (split) {
            EXPECT_GE(lines, 2u) << "a widow on page " << page;
        }
    }
    EXPECT_GT(first_parts.size(), 3u) << "the paragraph should be split at many places";
}

TEST(PaginationRules, ASplitTableCarriesAtLeastTwoRowsOntoItsLastPage) {
    FrameDocument frames;
    const auto placed = lay_out_sections(4, [](int) { return table(30); }, frames);
    int split = 0;
    std::set<std::size_t> last_parts;
    for (const auto& [page, group] : placed) {
        if (group->role != Role::table || !group->continued || group->continues) continue;
        ++split;
        std::size_t rows = 0;
        for (const auto& item : group->items)
            if (const auto* body = std::get_if<Group>(&item); body && body->role == Role::tbody)
                for (const auto& row : body->items)
                    if (const auto* tr = std::get_if<Group>(&row); tr && tr->role == Role::tr) ++rows;
        EXPECT_GE(rows, 2u) << "the last part of a table on page " << page;
        last_parts.insert(rows);
    }
    EXPECT_GT(split, 5);
    EXPECT_GT(last_parts.size(), 3u) << "the tables should be split at many places";
}

TEST(PaginationRules, AFigureMovesWithItsCaptionToTheNextPage) {
    FrameDocument frames;
    const auto placed = lay_out_sections(26, [](int k) {
        return "![Søyler i blått](bilder/figur" + std::to_string(k) + ".png \"Søylene i avsnitt " + std::to_string(k) + "\")\n\n";
    }, frames);
    int figures = 0, moved = 0;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (placed[i].group->role != Role::figure) continue;
        ++figures;
        ASSERT_LT(i + 1, placed.size());
        const auto& caption = placed[i + 1];
        ASSERT_EQ(Role::caption, caption.group->role) << "figure " << figures;
        EXPECT_EQ(placed[i].page, caption.page) << "the caption of figure " << figures << " is on another page";
        EXPECT_FALSE(caption.group->continues) << "the caption of figure " << figures << " goes on after page " << caption.page;
        EXPECT_EQ(1u, line_count(*caption.group)) << "figure " << figures;
        // A figure at the top of a page after filler on the page before did not fit there.
        if (placed[i - 1].group->role == Role::p && placed[i - 1].page < placed[i].page) ++moved;
    }
    EXPECT_EQ(kSections, figures);
    EXPECT_GT(moved, 3) << "some figures should need to move";
}

}  // namespace
}  // namespace sats
