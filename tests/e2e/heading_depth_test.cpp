// Depth of a document: six heading levels numbered by the report's patterns, unnumbered and
// run-in headings, list markers by nesting depth, and the contents page and caption words
// as the manifest sets them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

/// The base project with `chapter` as its only chapter and `manifest` added to report.toml:
/// before its tables if it starts with a key, after them if with a table.
fs::path project(const std::string& chapter, const std::string& manifest) {
    const auto folder = test::materialise_case(test::base_project());
    std::ofstream(folder / "kapitler" / "01-okonomi.md") << chapter;
    const std::string base = test::read(folder / "report.toml");
    const bool table = !manifest.empty() && manifest[0] == '[';
    std::ofstream(folder / "report.toml") << (table ? base + "\n" + manifest : manifest + base);
    return folder;
}

FrameDocument build(const std::string& chapter, const std::string& manifest) {
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    FrameDocument frames;
    std::ostringstream problems;
    const bool built = build_pdf(env, project(chapter, manifest), d, &frames).has_value();
    d.print(problems);
    EXPECT_TRUE(built) << problems.str();
    EXPECT_TRUE(d.all().empty()) << problems.str();
    return frames;
}

const std::string kChapter =
    "# Økonomi\n\nTekst.\n\n## Drift\n\nTekst.\n\n### Lønn\n\nTekst.\n\n#### Faste\n\nTekst.\n\n##### Ansatte\n\nTekst.\n\n"
    "###### Ledere\n\nTekst.\n\n##### Vikarer\n\nTekst.\n\n## Uten nummer {-}\n\nTekst.\n\n## Investering\n\nTekst.\n\n"
    "### Bygg\n\nTekst.\n";

TEST(HeadingDepth, EachLevelIsNumberedByItsPatternAndResetByTheLevelsAbove) {
    const auto frames = build(kChapter, "heading_numbering = [\"1\", \"1.1\", \"1.1.1\", \"1.1.1.1\", \"a)\", \"i\"]\n");
    EXPECT_EQ((std::vector<std::string>{"Innhold", "1\u2002Økonomi"}), test::role_texts(frames, Role::h1)) << "the contents title has no number";
    EXPECT_EQ((std::vector<std::string>{"1.1\u2002Drift", "Uten nummer", "1.2\u2002Investering"}), test::role_texts(frames, Role::h2))
        << "an unnumbered heading does not count";
    EXPECT_EQ((std::vector<std::string>{"1.1.1\u2002Lønn", "1.2.1\u2002Bygg"}), test::role_texts(frames, Role::h3));
    EXPECT_EQ((std::vector<std::string>{"1.1.1.1\u2002Faste"}), test::role_texts(frames, Role::h4));
    EXPECT_EQ((std::vector<std::string>{"a)\u2002Ansatte", "b)\u2002Vikarer"}), test::role_texts(frames, Role::h5));
    EXPECT_EQ((std::vector<std::string>{"i\u2002Ledere"}), test::role_texts(frames, Role::h6));
}

TEST(HeadingDepth, WithoutNumberingHeadingsAreTheirTitles) {
    const auto frames = build(kChapter, "");
    EXPECT_EQ((std::vector<std::string>{"Ansatte", "Vikarer"}), test::role_texts(frames, Role::h5));
    EXPECT_EQ((std::vector<std::string>{"Ledere"}), test::role_texts(frames, Role::h6));
}

TEST(HeadingDepth, ARunInHeadingStartsItsParagraphInBold) {
    const auto frames = build("# Kapittel\n\n##### Ansvar {.innfelt}\nEnheten har ansvaret.\n\n##### Frist? {.innfelt}\nI 2026.\n", "");
    EXPECT_TRUE(test::role_texts(frames, Role::h5).empty()) << "no heading element of its own";
    const auto paragraphs = test::role_texts(frames, Role::p);
    ASSERT_GE(paragraphs.size(), 2u);
    EXPECT_EQ("Ansvar. Enheten har ansvaret.", paragraphs[paragraphs.size() - 2]);
    EXPECT_EQ("Frist? I 2026.", paragraphs.back()) << "no separator after a question mark";
}

TEST(HeadingDepth, ListMarkersChangeWithTheNestingDepth) {
    const auto frames = build("# K\n\n- en\n  - to\n    - tre\n\n1. en\n   1. to\n      1. tre\n      2. fire\n", "");
    const auto labels = test::role_texts(frames, Role::lbl);
    EXPECT_EQ((std::vector<std::string>{"\u2022", "\u2013", "\u25E6", "1.", "a)", "i.", "ii."}), labels);
}

TEST(HeadingDepth, TheManifestSetsTheContentsDepthAndTheCaptionWords) {
    const std::string chapter = "# K\n\n## To\n\n### Tre\n\nTekst.\n";
    const auto deep = build(chapter, "[contents]\nlevels = 3\ntitle = \"Innholdsliste\"\n");
    EXPECT_EQ((std::vector<std::string>{"Innholdsliste", "K"}), test::role_texts(deep, Role::h1));
    EXPECT_EQ(3u, test::role_texts(deep, Role::toci).size());
    const auto none = build(chapter, "[contents]\nshow = false\n");
    EXPECT_TRUE(test::role_texts(none, Role::toc).empty());
    EXPECT_EQ(std::vector<std::string>{"K"}, test::role_texts(none, Role::h1));
}

TEST(HeadingDepth, ACaptionWordCountsItsOwnNumbers) {
    const std::string chapter =
        "# K\n\n```table\ndata = \"resultatgrad\"\ncolumns = [\"2024\"]\ncaption = \"En\"\n```\n\n"
        "```table\ndata = \"resultatgrad\"\ncolumns = [\"2024\"]\ncaption = \"To\"\nlabel = \"Oversikt\"\n```\n\n"
        "```table\ndata = \"resultatgrad\"\ncolumns = [\"2024\"]\ncaption = \"Tre\"\nlabel = \"\"\n```\n\n"
        "```table\ndata = \"resultatgrad\"\ncolumns = [\"2024\"]\ncaption = \"Fire\"\n```\n";
    const auto frames = build(chapter, "[labels]\ntable = \"Tab.\"\n");
    const auto captions = test::role_texts(frames, Role::caption);
    EXPECT_EQ((std::vector<std::string>{"Tab. 1: En", "Oversikt 1: To", "Tre", "Tab. 2: Fire"}), captions);
}

}  // namespace
}  // namespace sats
