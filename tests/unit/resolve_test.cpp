#include <gtest/gtest.h>

#include <set>
#include <type_traits>

#include "content/markdown.hpp"
#include "core/environment.hpp"
#include "data/catalog.hpp"
#include "resolve/block_visitor.hpp"
#include "resolve/resolve_references.hpp"
#include "resolve/resolve_requests.hpp"

namespace sats {
namespace {

/// A project with one data source, "t": rows a and b, years 2023 and 2024.
class Resolve : public ::testing::Test {
protected:
    Resolve() {
        env_.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"M\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                       "[data.t]\nfile = \"data/t.csv\"\nunit = \"prosent\"\n");
        env_.add_file("p/a.md", "# A\n");
        env_.add_file("p/data/t.csv", "id;navn;2023;2024\na;A;1,5;2\nb;B;2;3\n");
        manifest_ = load_manifest(env_, "p", diagnostics_);
        catalog_ = DataCatalog::load(env_, *manifest_, diagnostics_);
    }

    /// `markdown` (one line per source line) as a chapter of file "k.md".
    Chapter chapter(const std::string& markdown) {
        RenderedText text{markdown, {}};
        int lines = 0;
        for (char c : markdown) lines += c == '\n';
        for (int i = 1; i <= lines + 1; ++i) text.source_lines.push_back(i);
        return parse_markdown(text, "k.md", diagnostics_);
    }

    /// The chapters made from `markdown`, resolved with the standard labels.
    ResolvedDocument resolve(const std::vector<std::string>& markdown) {
        std::vector<Chapter> chapters;
        for (const auto& m : markdown) chapters.push_back(chapter(m));
        return resolve_references(resolve_requests(chapters, catalog_, diagnostics_), ReferenceLabels{}, diagnostics_);
    }

    /// The errors reported, as "line:column: message".
    std::vector<std::string> errors() const {
        std::vector<std::string> out;
        for (const auto& d : diagnostics_.all())
            if (d.severity == Severity::error)
                out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
        return out;
    }

    MemoryEnvironment env_;
    Diagnostics diagnostics_;
    std::optional<Manifest> manifest_;
    DataCatalog catalog_;
};

const std::string kChart = "```chart\nid = \"c\"\ntype = \"column\"\ndata = \"t\"\ncaption = \"Søyler\"\n```\n";

/// Every numbered table or figure's label, and each one's block id, in reading order.
std::vector<std::pair<std::string, BlockId>> labels_of(const ResolvedDocument& document) {
    std::vector<std::pair<std::string, BlockId>> out;
    for (const auto& chapter : document.chapters)
        for_each_block(chapter.blocks, [&](const ResolvedBlock& block) {
            std::visit(
                [&](const auto& content) {
                    if constexpr (requires { content.numbering.label; })
                        if (!content.numbering.label.empty()) out.emplace_back(content.numbering.label, block.id);
                },
                block.content);
        });
    return out;
}

TEST_F(Resolve, NumbersTablesAndFiguresInReadingOrderInsideListItems) {
    const auto document = resolve({"# Én\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- punkt\n\n  ![Kart](kart.png \"Kartet\")\n",
                                   "# To\n\n" + kChart + "\n```table\ndata = \"t\"\ncolumns = [\"2024\"]\ncaption = \"Tall\"\n```\n"});
    ASSERT_EQ(std::vector<std::string>{}, errors());
    const auto labels = labels_of(document);
    // The pipe table has no caption, so it is not numbered; the image inside the list is Figur 1.
    ASSERT_EQ(3u, labels.size());
    EXPECT_EQ("Figur 1", labels[0].first);
    EXPECT_EQ((BlockId{0, {2, 0, 1}}), labels[0].second);
    EXPECT_EQ("Figur 2", labels[1].first);
    EXPECT_EQ((BlockId{1, {1}}), labels[1].second);
    EXPECT_EQ("Tabell 1", labels[2].first);
    EXPECT_EQ((BlockId{1, {2}}), labels[2].second);
    const auto& chart = std::get<Numbered<Chart>>(document.chapters[1].blocks[1].content);
    EXPECT_EQ("Figur 2: Søyler", chart.numbering.caption);
    EXPECT_EQ("c", chart.numbering.anchor);
    ASSERT_EQ(2u, document.headings.size());
    EXPECT_EQ("to", document.headings[1].anchor);
}

TEST_F(Resolve, LinksGetTheirNumberAndPageLinksAreLeftForLayout) {
    const auto document = resolve({kChart + "\nSe [figur](#c) på [side](#c) og [Figur](#c).\n"});
    ASSERT_EQ(std::vector<std::string>{}, errors());
    const auto& text = std::get<Paragraph>(document.chapters[0].blocks[1].content).text;
    ASSERT_EQ(7u, text.size());
    EXPECT_EQ("figur\u00A01", text[1].text);
    EXPECT_FALSE(text[1].page_reference);
    EXPECT_EQ("side\u00A0", text[3].text);
    EXPECT_TRUE(text[3].page_reference);
    EXPECT_EQ("#c", text[3].link);
    EXPECT_EQ("Figur\u00A01", text[5].text);
}

TEST_F(Resolve, HeadingsWithTheSameTitleGetAnchorsOfTheirOwn) {
    // Each service area's chapter has a "Nøkkeltall" section: the contents and the bookmarks
    // must reach each of them, so no two headings share an anchor.
    const auto document = resolve({"# Barnehage\n\n## Nøkkeltall\n", "# Grunnskole\n\n## Nøkkeltall\n\n## Nøkkeltall\n"});
    ASSERT_EQ(std::vector<std::string>{}, errors());
    ASSERT_EQ(5u, document.headings.size());
    std::set<std::string> anchors;
    for (const auto& heading : document.headings) EXPECT_TRUE(anchors.insert(heading.anchor).second) << heading.anchor;
    EXPECT_EQ("nokkeltall", document.headings[1].anchor);
}

TEST_F(Resolve, DuplicateIdIsReportedAtTheSecondBlock) {
    resolve({kChart + "\nTekst.\n\n" + kChart});
    EXPECT_EQ(std::vector<std::string>{"10:1: the id 'c' is used twice"}, errors());
}

TEST_F(Resolve, UnknownReferenceIsReportedAtItsBlock) {
    resolve({"# A\n\n- punkt\n\n  Se [tabell](#tabel).\n"});
    EXPECT_EQ(std::vector<std::string>{"5:3: unknown reference '#tabel': no table, figure or heading has that id"}, errors());
}

TEST_F(Resolve, ChartKeepsItsOwnAltTextAfterAFigureWithout) {
    const auto document = resolve({"![](kart.png \"Kart\")\n\n```chart\ntype = \"column\"\ndata = \"t\"\nalt = \"Søyler for A og B\"\n```\n"});
    ASSERT_EQ(std::vector<std::string>{}, errors());
    EXPECT_EQ("", std::get<Numbered<Image>>(document.chapters[0].blocks[0].content).alt);
    EXPECT_EQ("Søyler for A og B", std::get<Numbered<Chart>>(document.chapters[0].blocks[1].content).alt);
}

TEST_F(Resolve, FailedRequestIsLeftOutAndReported) {
    const auto chapters = resolve_requests({chapter("```table\ndata = \"u\"\ncolumns = [\"2024\"]\n```\n\nTekst.\n")}, catalog_,
                                           diagnostics_);
    EXPECT_EQ(1u, errors().size());
    ASSERT_EQ(1u, chapters[0].blocks.size());
    EXPECT_TRUE(std::holds_alternative<Paragraph>(chapters[0].blocks[0].content));
    EXPECT_EQ((BlockId{0, {1}}), chapters[0].blocks[0].id);
}

/// Whether the variant `V` has an alternative of type `T`.
template <typename T, typename V>
struct holds_type;
template <typename T, typename... Ts>
struct holds_type<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

// Layout takes a ResolvedDocument, whose blocks cannot hold a request: a request reaching layout
// does not compile.
static_assert(!holds_type<DataTableRequest, decltype(ResolvedBlock::content)>::value);
static_assert(!holds_type<ChartRequest, decltype(ResolvedBlock::content)>::value);
static_assert(!std::is_constructible_v<decltype(ResolvedBlock::content), ChartRequest>);
static_assert(!std::is_constructible_v<decltype(ResolvedBlock::content), DataTableRequest>);

}  // namespace
}  // namespace sats
