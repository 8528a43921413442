// Typesetting rules checked on the frames of the golden projects: hyphenation, no breaks in
// numbers, keep-with-next, widows and orphans, split tables, numbering and the contents.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "core/text_position.hpp"
#include "layout/hyphenator.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

const std::string soft_hyphen = "\u00AD";

/// One line of text on a page: the glyph runs on one baseline, left to right, and the
/// innermost structure element they belong to.
struct TextLineInfo {
    int page = 0;
    double y = 0;
    std::string text;
    std::string role;
    int element = 0;  ///< which structure element (counting from 1 in document order)
};

struct Laid {
    FrameDocument frames;
    std::vector<TextLineInfo> lines;
    std::map<std::string, int> anchors;  ///< anchor → page
};

/// Gathers the text lines of the pages, each with the innermost structure element it is in;
/// a group continued from the page before is the same element.
struct LineCollector {
    Laid& laid;
    int page = 0;
    int elements = 0;
    std::vector<std::pair<std::string, int>> open;  ///< role and number of the open elements
    std::map<std::size_t, int> carried;              ///< depth → element continuing on the next page

    void enter(const Group& g) {
        const int element = g.continued ? carried[open.size()] : ++elements;
        open.emplace_back(role_name(g.role), element);
    }
    void leave(const Group& g) {
        if (g.continues) carried[open.size() - 1] = open.back().second;
        open.pop_back();
    }
    void operator()(const Anchor& anchor) { laid.anchors[anchor.name] = page; }
    void operator()(const GlyphRun& run) {
        const std::string role = open.empty() ? "" : open.back().first;
        const int element = open.empty() ? 0 : open.back().second;
        auto& lines = laid.lines;
        if (!lines.empty() && lines.back().page == page && std::abs(lines.back().y - run.y) < 0.01)
            lines.back().text += (lines.back().element == element ? "" : " | ") + run.text();  // cells apart
        else
            lines.push_back({page, run.y, run.text(), role, element});
    }
    template <typename Other>
    void operator()(const Other&) {}
};

/// The project in `folder` laid out, with its text lines.
Laid lay_out_project(const std::filesystem::path& folder) {
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    Laid laid;
    EXPECT_TRUE(build_pdf(env, folder, d, &laid.frames));
    LineCollector collect{laid};
    for (std::size_t p = 0; p < laid.frames.pages.size(); ++p) {
        collect.page = static_cast<int>(p) + 1;
        walk(laid.frames.pages[p].items, collect);
    }
    return laid;
}

/// The golden project `name` laid out.
Laid lay_out(const std::string& name) { return lay_out_project(test::source_dir() / "tests" / "golden" / name); }

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

TEST(Hyphenation, NorwegianPatternsAndLayoutWords) {
    Hyphenator h("/usr/share/hyphen/hyph_nb_NO.dic", {"kostra"}, {"kom-mu-ne-di-rek-tø-rens"});
    EXPECT_EQ("drifts\u00ADut\u00ADgifter", h.hyphenate("driftsutgifter"));
    EXPECT_EQ("egen\u00ADkapi\u00ADtal\u00ADfinansie\u00ADring", h.hyphenate("egenkapitalfinansiering"));
    EXPECT_EQ("Kom\u00ADmu\u00ADne\u00ADdi\u00ADrek\u00ADtø\u00ADrens", h.hyphenate("Kommunedirektørens"));
    EXPECT_EQ("KOSTRA", h.hyphenate("KOSTRA"));  // an exception
    EXPECT_EQ("kort", h.hyphenate("kort"));
}

TEST(Hyphenation, EveryBreakLeavesThreeLettersOnEachSide) {
    Hyphenator h("/usr/share/hyphen/hyph_nb_NO.dic", {}, {});
    int breaks = 0;
    for (const std::string word : {"utgifter", "avdeling", "økonomi", "ansatte", "barnehage", "innbyggere", "uføretrygd",
                                   "overføringer", "ettåringer", "anleggsmidler", "ekstraordinære", "opplæring"}) {
        const auto hyphenated = h.hyphenate(word);
        std::vector<std::string> parts{""};
        for (std::size_t i = 0; i < hyphenated.size();)
            if (hyphenated.compare(i, soft_hyphen.size(), soft_hyphen) == 0) {
                parts.emplace_back();
                i += soft_hyphen.size();
            } else {
                parts.back() += hyphenated[i++];
            }
        breaks += static_cast<int>(parts.size()) - 1;
        EXPECT_GE(utf8_length(parts.front()), 3u) << hyphenated;
        EXPECT_GE(utf8_length(parts.back()), 3u) << hyphenated;
    }
    EXPECT_GE(breaks, 10);
}

TEST(Hyphenation, ExceptionsOfTheLayoutAreNeverHyphenated) {
    const Hyphenator plain("/usr/share/hyphen/hyph_nb_NO.dic", {}, {});
    const Hyphenator with("/usr/share/hyphen/hyph_nb_NO.dic", {"driftsutgifter"}, {});
    EXPECT_NE("Driftsutgifter", plain.hyphenate("Driftsutgifter")) << "the patterns break it";
    EXPECT_EQ("Driftsutgifter", with.hyphenate("Driftsutgifter")) << "an exception, in any case";
    EXPECT_NE("egenkapitalfinansiering", with.hyphenate("egenkapitalfinansiering")) << "other words still break";
}

TEST(Typesetting, LongCompoundsAreHyphenatedAtDictionaryPoints) {
    const auto laid = lay_out("typography");
    int hyphenated = 0;
    for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
        const auto& line = laid.lines[i].text;
        if (!ends_with(line, soft_hyphen)) continue;
        ++hyphenated;
        // The word broken here is one of the compounds, split where the dictionary allows.
        const auto start = line.find_last_of(' ') == std::string::npos ? 0 : line.find_last_of(' ') + 1;
        const std::string head = line.substr(start, line.size() - start - soft_hyphen.size());
        EXPECT_GE(head.size(), 3u) << line;
    }
    EXPECT_GE(hyphenated, 5);
}

TEST(Typesetting, NoBreakInsideNumbersUnitsAndRanges) {
    const auto laid = lay_out("typography");
    int checked = 0;
    for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
        const auto& line = laid.lines[i].text;
        const auto& next = laid.lines[i + 1].text;
        if (laid.lines[i].role != "P") continue;
        ++checked;
        EXPECT_FALSE(ends_with(line, " 6") && next.rfind("040", 0) == 0) << line << " | " << next;
        EXPECT_FALSE(ends_with(line, "040") && next.rfind("kr", 0) == 0) << line << " | " << next;
        EXPECT_FALSE(ends_with(line, "5,4") && next.rfind("%", 0) == 0) << line << " | " << next;
        EXPECT_FALSE(ends_with(line, "2024\u2060\u2013\u2060") || ends_with(line, "2024\u2013")) << line;
    }
    EXPECT_GT(checked, 20);
    const std::string all = [&] {
        std::string s;
        for (const auto& l : laid.lines) s += l.text + "\n";
        return s;
    }();
    EXPECT_NE(std::string::npos, all.find("«Sitat med anfør\u00ADsels\u00ADtegn» \u2013 og en tanke\u00ADstrek \u2013 her."));
}

TEST(Typesetting, NumberedListsKeepTheirStartNumber) {
    const auto project = test::temp_dir() / "p";
    std::filesystem::copy(test::base_project(), project, std::filesystem::copy_options::recursive);
    std::ofstream(project / "kapitler" / "01-okonomi.md") << "# Økonomi\n\n3. Tredje punkt\n4. Fjerde punkt\n\nTekst.\n\n1. Første\n";
    std::vector<std::string> items;
    for (const auto& line : lay_out_project(project).lines)
        if (line.role == "Lbl") items.push_back(line.text);
    EXPECT_EQ((std::vector<std::string>{"3. | Tredje punkt", "4. | Fjerde punkt", "1. | Første"}), items);
}

TEST(Typesetting, HeadingsStayWithWhatFollows) {
    const auto laid = lay_out("pagination");
    int headings = 0;
    for (std::size_t i = 0; i + 1 < laid.lines.size(); ++i) {
        if (laid.lines[i].role != "H2") continue;
        ++headings;
        EXPECT_EQ(laid.lines[i].page, laid.lines[i + 1].page) << "heading '" << laid.lines[i].text << "' ends a page";
    }
    EXPECT_EQ(25, headings);
    EXPECT_GT(laid.frames.pages.size(), 5u);
}

TEST(Typesetting, NoWidowsOrOrphans) {
    const auto laid = lay_out("pagination");
    std::map<int, std::map<int, int>> lines_per_page;  // paragraph → page → lines
    for (const auto& line : laid.lines)
        if (line.role == "P") ++lines_per_page[line.element][line.page];
    int split = 0;
    for (const auto& [element, pages] : lines_per_page) {
        if (pages.size() < 2) continue;
        ++split;
        for (const auto& [page, count] : pages) EXPECT_GE(count, 2) << "a single line of a paragraph on page " << page;
    }
    EXPECT_GT(split, 0) << "the test project should split some paragraph over pages";
}

TEST(Typesetting, LongTableRepeatsHeaderAndContinuesCaption) {
    const auto laid = lay_out("long-table");
    ASSERT_GT(laid.frames.pages.size(), 10u);
    std::map<int, std::vector<std::string>> page_text;
    for (const auto& l : laid.lines) page_text[l.page].push_back(l.text);
    int continued = 0, table_pages = 0;
    auto is_row = [](const std::string& t) { return t.rfind("Rad ", 0) == 0 && t != "Rad | Verdi"; };
    for (const auto& [page, lines] : page_text) {
        if (!std::any_of(lines.begin(), lines.end(), is_row)) continue;
        ++table_pages;
        EXPECT_NE(lines.end(), std::find(lines.begin(), lines.end(), "Rad | Verdi")) << "no header on page " << page;
        if (std::find(lines.begin(), lines.end(), "Tabell 1: Fem hundre rader (forts.)") != lines.end()) ++continued;
    }
    EXPECT_GT(table_pages, 10);
    EXPECT_EQ(table_pages - 1, continued);  // every page of the table but the first
    // All 500 rows, each once, in order.
    int expected = 1;
    for (const auto& l : laid.lines)
        if (is_row(l.text)) {
            EXPECT_EQ("Rad " + std::to_string(expected++), l.text.substr(0, l.text.find(" | ")));
        }
    EXPECT_EQ(501, expected);
    // The note stays with the last part of the table.
    const auto& last = page_text.rbegin()->second;
    EXPECT_TRUE(std::any_of(last.begin(), last.end(), [](const std::string& t) { return t.rfind("Rad 500 | ", 0) == 0; }));
    EXPECT_NE(last.end(), std::find(last.begin(), last.end(), "Merknaden hører til den siste delen av tabellen."));
}

TEST(Typesetting, ContentsPagesAndNumberingAreRight) {
    const auto laid = lay_out("navigation");
    // Contents entries: the page number printed equals the page of the heading's anchor.
    std::vector<std::pair<std::string, std::string>> entries;  // title, number
    for (std::size_t i = 0; i < laid.lines.size(); ++i)
        if (laid.lines[i].role == "TOCI") {
            static const std::regex entry(R"(^(.*?)[ .|]*([0-9]+)$)");  // title, leader dots, page
            std::smatch m;
            if (std::regex_match(laid.lines[i].text, m, entry)) entries.emplace_back(m[1], m[2]);
        }
    ASSERT_EQ(3u, entries.size());
    const std::map<std::string, std::string> anchors{
        {"Første kapittel", "forste-kapittel"}, {"Et underavsnitt", "et-underavsnitt"}, {"Andre kapittel", "andre-kapittel"}};
    for (const auto& [title, number] : entries)
        EXPECT_EQ(std::to_string(laid.anchors.at(anchors.at(title))), number) << title;
    std::string all;
    for (const auto& l : laid.lines) all += std::regex_replace(l.text, std::regex("\u00AD"), "") + "\n";
    EXPECT_NE(std::string::npos, all.find("Tabell 1: Første tabell"));
    EXPECT_NE(std::string::npos, all.find("Figur 1: Et bilde med bildetekst"));
    EXPECT_NE(std::string::npos, all.find("Tabell 2: Andre tabell"));
    EXPECT_NE(std::string::npos, all.find("Se tabell\u00A01 og figur\u00A01 på side\u00A03, og kapitlet Andre kapittel."));
    EXPECT_NE(std::string::npos, all.find("Tabell\u00A02 følger etter tabell\u00A01."));
}

/// The role of the last line of text on each page that is not page furniture.
std::vector<std::string> last_roles(const Laid& laid) {
    std::map<int, std::string> last;
    for (const auto& line : laid.lines)
        if (line.role != "Artifact" && !line.role.empty()) last[line.page] = line.role;
    std::vector<std::string> roles;
    for (const auto& [page, role] : last) roles.push_back(role);
    return roles;
}

TEST(Pagination, NoHeadingIsLeftAloneAtTheFootOfAPage) {
    // In the bundled report "Investeringer" once ended page 8 while its figure, too tall for
    // the rest of the page, began page 9: a heading now moves with the block that follows it.
    const Laid laid = lay_out("../../content/kostra-2025");
    const auto roles = last_roles(laid);
    ASSERT_GT(roles.size(), 15u);
    for (std::size_t p = 0; p < roles.size(); ++p)
        EXPECT_FALSE(roles[p].size() == 2 && roles[p][0] == 'H') << "page " << p + 1 << " ends with a heading";
    int heading_page = 0, figure_page = 0;
    for (const auto& line : laid.lines) {
        if (line.text == "Investeringer" && line.role == "H2") heading_page = line.page;
        if (line.text.rfind("Figur 7:", 0) == 0) figure_page = line.page;
    }
    EXPECT_GT(heading_page, 0);
    EXPECT_EQ(heading_page, figure_page);
}

}  // namespace
}  // namespace sats
