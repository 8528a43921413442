// Running elements of the pages after the cover: the footer shows the page's own number (the
// one the contents gives for the chapters on it), and the running header names the report and
// the chapter the page belongs to, on every page of a chapter that runs over several pages,
// and also on the chapter's first page when the layout asks for that (header.on_chapter_openers).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const std::string kTitle = "Løpende elementer";
const std::vector<std::string> kChapters{"Økonomi og drift", "Tjenester", "Investeringer"};

/// A project of three chapters, each a few pages long (so most pages are not openers);
/// `manifest` is added to its report.toml, and `second` replaces the second chapter's entry.
fs::path project(const std::string& manifest = "", const std::string& second = "") {
    const auto folder = test::materialise_case(test::base_project());
    const std::string sentence = "Driftsutgiftene i kommunen økte noe fra året før, mest i pleie og omsorg. ";
    std::string paragraph;
    for (int i = 0; i < 6; ++i) paragraph += sentence;
    std::string chapters;
    for (std::size_t c = 0; c < kChapters.size(); ++c) {
        const std::string file = "kapitler/0" + std::to_string(c + 1) + ".md";
        chapters += (c ? ", " : "") + (c == 1 && !second.empty() ? second : "\"" + file + "\"");
        std::ofstream out(folder / file);
        out << "# " << kChapters[c] << "\n\n";
        for (std::size_t p = 0; p < 14 + 6 * c; ++p) out << paragraph << "\n\n";
    }
    std::ofstream(folder / "report.toml") << "title = \"" << kTitle << "\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\n"
                                          << "date = \"2025-11-24\"\nchapters = [" << chapters << "]\n" << manifest;
    return folder;
}

/// What one page shows.
struct PageView {
    std::string header;                ///< the header's text, left to right
    std::string footer;                ///< the footer's text
    std::vector<std::string> openers;  ///< the chapter headings (H1) that start on the page
    std::vector<std::pair<std::string, std::string>> contents;  ///< contents entries: title, page
};

/// The text of the glyph runs in `items`, left to right.
std::string text_of(const std::vector<FrameItem>& items) {
    std::vector<const GlyphRun*> runs;
    for_each<GlyphRun>(items, [&](const GlyphRun& run) { runs.push_back(&run); });
    std::stable_sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->x < b->x; });
    std::string text;
    for (const auto* run : runs) text += run->text();
    return text;
}

std::vector<PageView> view(const FrameDocument& frames) {
    std::vector<PageView> pages;
    for (const auto& page : frames.pages) {
        PageView& v = pages.emplace_back();
        for (const auto& item : page.items) {
            const auto* group = std::get_if<Group>(&item);
            if (!group) continue;
            if (group->role == Role::artifact) {
                std::vector<FrameItem> top, bottom;
                for (const auto& leaf : test::leaves(group->items))
                    if (const auto* run = std::get_if<GlyphRun>(&leaf)) (run->y < page.height / 2 ? top : bottom).push_back(*run);
                v.header += text_of(top);
                v.footer += text_of(bottom);
            } else if (group->role == Role::h1 && !group->continued) {
                v.openers.push_back(text_of(group->items));
            } else if (group->role == Role::toc) {
                for (const auto& entry : group->items) {
                    const auto* toci = std::get_if<Group>(&entry);
                    if (!toci || toci->role != Role::toci) continue;
                    std::vector<std::string> runs;
                    for_each<GlyphRun>(toci->items, [&](const GlyphRun& run) { runs.push_back(run.text()); });
                    if (runs.size() < 2) continue;
                    std::string title;
                    for (std::size_t i = 0; i < runs.size() && runs[i] != ". "; ++i) title += runs[i];
                    v.contents.emplace_back(title, runs.back());
                }
            }
        }
    }
    return pages;
}

/// The project laid out in "kommune", its header also on chapter openers if `on_openers`;
/// `manifest` and `second` as project() takes them. Warnings go to `warnings` if given.
std::vector<PageView> lay_out(bool on_openers, const std::string& manifest = "", const std::string& second = "",
                              std::vector<std::string>* warnings = nullptr) {
    std::string layout = test::read(test::source_dir() / "layouts" / "kommune" / "layout.toml");
    if (on_openers) {
        const std::string from = "on_chapter_openers = false";
        const auto at = layout.find(from);
        EXPECT_NE(std::string::npos, at);
        EXPECT_EQ(std::string::npos, layout.find(from, at + 1)) << "only [header] has it";
        if (at != std::string::npos) layout.replace(at, from.size(), "on_chapter_openers = true");
    }
    test::OtherLayout env(layout);
    Diagnostics d;
    FrameDocument frames;
    std::ostringstream problems;
    const bool built = build_pdf(env, project(manifest, second), d, &frames).has_value();
    d.print(problems);
    EXPECT_TRUE(built) << problems.str();
    if (warnings)
        for (const auto& diagnostic : d.all()) warnings->push_back(diagnostic.message);
    return view(frames);
}

/// The chapter each page belongs to: the last chapter heading on it or before it ("" before any).
std::vector<std::string> chapter_of_pages(const std::vector<PageView>& pages) {
    std::vector<std::string> chapters;
    std::string current;
    for (const auto& page : pages) {
        if (!page.openers.empty()) current = page.openers.back();
        chapters.push_back(current);
    }
    return chapters;
}

TEST(RunningElements, TheFooterShowsThePagesOwnNumber) {
    const auto pages = lay_out(false);
    ASSERT_GT(pages.size(), 8u);
    EXPECT_EQ("", pages[0].footer) << "the cover has no page number";
    for (std::size_t p = 1; p < pages.size(); ++p) EXPECT_EQ(std::to_string(p + 1), pages[p].footer) << "page " << p + 1;
}

TEST(RunningElements, TheContentsPageNumbersLeadToTheChaptersByTheirFooters) {
    const auto pages = lay_out(false);
    std::map<std::string, std::size_t> by_footer;  // the number in the footer → page
    for (std::size_t p = 0; p < pages.size(); ++p)
        if (!pages[p].footer.empty()) by_footer[pages[p].footer] = p;
    ASSERT_EQ(kChapters.size(), pages.at(1).contents.size()) << "the contents is on page 2";
    for (std::size_t c = 0; c < kChapters.size(); ++c) {
        const auto& [title, number] = pages[1].contents[c];
        EXPECT_EQ(kChapters[c], title);
        ASSERT_TRUE(by_footer.count(number)) << "no page says " << number;
        const auto& openers = pages[by_footer[number]].openers;
        EXPECT_NE(openers.end(), std::find(openers.begin(), openers.end(), kChapters[c]))
            << "the page numbered " << number << " does not start " << kChapters[c];
    }
}

TEST(RunningElements, TheHeaderNamesTheChapterOfItsPage) {
    const auto pages = lay_out(false);
    const auto chapters = chapter_of_pages(pages);
    int inside = 0;
    std::map<std::string, int> pages_per_chapter;
    for (std::size_t p = 1; p < pages.size(); ++p) {
        if (!pages[p].openers.empty()) {
            EXPECT_EQ("", pages[p].header) << "a chapter's first page has no header (page " << p + 1 << ")";
            continue;
        }
        ++inside;
        ++pages_per_chapter[chapters[p]];
        EXPECT_EQ(kTitle + chapters[p], pages[p].header) << "page " << p + 1;
    }
    EXPECT_GE(inside, 5);
    for (const auto& chapter : kChapters) EXPECT_GT(pages_per_chapter[chapter], 0) << chapter << " runs over pages";
}

TEST(RunningElements, OnChapterOpenersTheHeaderNamesTheNewChapter) {
    const auto pages = lay_out(true);
    const auto chapters = chapter_of_pages(pages);
    int openers = 0;
    for (std::size_t p = 1; p < pages.size(); ++p) {
        EXPECT_EQ(kTitle + chapters[p], pages[p].header) << "page " << p + 1;
        if (!pages[p].openers.empty()) ++openers;
    }
    EXPECT_EQ(static_cast<int>(kChapters.size()) + 1, openers) << "the contents and the chapters";
}

TEST(RunningElements, TheManifestsTextsFillTheirFieldsOnEveryPage) {
    const auto pages = lay_out(false, "[header]\nleft = \"{kommune}\"\nright = \"{avsnitt}\"\n"
                                      "[footer]\nleft = \"{dato}\"\ncenter = \"Side {side} av {sider}\"\nright = \"{år}\"\n");
    const std::string count = std::to_string(pages.size());
    for (std::size_t p = 1; p < pages.size(); ++p) {
        EXPECT_EQ("24. november 2025Side " + std::to_string(p + 1) + " av " + count + "2025", pages[p].footer) << "page " << p + 1;
        if (pages[p].openers.empty()) {
            EXPECT_EQ("Bærum kommune", pages[p].header) << "no level-2 heading: {avsnitt} is empty";
        }
    }
}

TEST(RunningElements, AChaptersOwnTextReplacesTheReportsOnItsPagesOnly) {
    const auto pages = lay_out(false, "", "{ file = \"kapitler/02.md\", header = { right = \"Kort\" } }");
    const auto chapters = chapter_of_pages(pages);
    int own = 0;
    for (std::size_t p = 1; p < pages.size(); ++p) {
        if (!pages[p].openers.empty()) continue;
        const std::string right = chapters[p] == kChapters[1] ? "Kort" : chapters[p];
        own += chapters[p] == kChapters[1] ? 1 : 0;
        EXPECT_EQ(kTitle + right, pages[p].header) << "page " << p + 1;
    }
    EXPECT_GT(own, 0);
}

/// The extent of each glyph run of the running header on `page`: from its first glyph to the
/// origin of its last glyph plus 0.6 em (about a glyph's width).
std::vector<std::pair<double, double>> header_extents(const Page& page) {
    std::vector<std::pair<double, double>> out;
    for (const auto& item : page.items) {
        const auto* group = std::get_if<Group>(&item);
        if (!group || group->role != Role::artifact) continue;
        for (const auto& leaf : test::leaves(group->items))
            if (const auto* run = std::get_if<GlyphRun>(&leaf); run && run->y < page.height / 2)
                if (!run->glyphs().empty())
                    out.emplace_back(run->x + run->glyphs().front().x, run->x + run->glyphs().back().x + 0.6 * run->size);
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(RunningElements, LongTextsAreCutWithAnEllipsisAndNeverOverlap) {
    std::vector<std::string> warnings;
    const std::string words = "Virksomhetsplan for helse, omsorg og velferd med tiltak for hele planperioden 2026 til 2029";
    const auto pages = lay_out(false, "[header]\nleft = \"" + words + "\"\nright = \"" + words + " og mer\"\n", "", &warnings);
    int cut = 0;
    for (std::size_t p = 1; p < pages.size(); ++p) {
        if (!pages[p].openers.empty()) continue;
        EXPECT_NE(std::string::npos, pages[p].header.find("\u2026")) << pages[p].header;
        EXPECT_LT(pages[p].header.size(), 2 * words.size()) << "cut, not both whole";
        ++cut;
    }
    EXPECT_GT(cut, 0);
    EXPECT_EQ(2u, std::count_if(warnings.begin(), warnings.end(),
                                [](const std::string& w) { return w.find("is too long for its place") != std::string::npos; }))
        << "each cut text is warned about once";
}

TEST(RunningElements, HeaderRunsStayApartAndInsideTheTextWidth) {
    const std::string words = "Virksomhetsplan for helse, omsorg og velferd med tiltak for hele planperioden 2026 til 2029";
    test::OtherLayout env(test::read(test::source_dir() / "layouts" / "kommune" / "layout.toml"));
    Diagnostics d;
    FrameDocument frames;
    ASSERT_TRUE(build_pdf(env, project("[header]\nleft = \"" + words + "\"\ncenter = \"{side}\"\nright = \"" + words + "\"\n"), d, &frames));
    for (std::size_t p = 2; p < frames.pages.size(); ++p) {
        const auto extents = header_extents(frames.pages[p]);
        if (extents.empty()) continue;
        EXPECT_GE(extents.front().first, 70.0) << "inside the left margin, page " << p + 1;
        EXPECT_LE(extents.back().second, frames.pages[p].width - 62.0) << "inside the right margin, page " << p + 1;
        for (std::size_t i = 1; i < extents.size(); ++i)
            EXPECT_LE(extents[i - 1].second, extents[i].first + 0.01) << "runs overlap on page " << p + 1;
    }
}

TEST(RunningElements, AnUnknownFieldIsAnErrorAtItsKey) {
    test::OtherLayout env(test::read(test::source_dir() / "layouts" / "kommune" / "layout.toml"));
    Diagnostics d;
    EXPECT_FALSE(build_pdf(env, project("[footer]\ncenter = \"{sida}\"\n"), d, nullptr));
    ASSERT_FALSE(d.all().empty());
    EXPECT_EQ("unknown field {sida} in the running footer", d.all().front().message);
    EXPECT_EQ("did you mean '{side}'?", d.all().front().hint);
}

}  // namespace
}  // namespace sats
