// A report built from SSB data as downloaded: a table and a chart from a three-dimension
// JSON-stat file with `select`, and charts whose series hold SSB's symbols, each shown as a gap
// with its symbol and explained in a note under the chart.
#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

/// The frames of a project with the 12362 fixture, a CSV with symbols and `chapter`.
FrameDocument build(const std::string& chapter, Diagnostics& d) {
    const fs::path project = test::temp_dir() / "ssb";
    write(project / "report.toml", "title = \"SSB\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"k.md\"]\n"
                                   "[data.netto]\nfile = \"data/12362.json\"\nrows = \"region\"\ncolumns = \"år\"\n"
                                   "select = { statistikkvariabel = \"KOSbelopinnbygg0000\" }\n"
                                   "[data.tegn]\nfile = \"data/tegn.csv\"\nunit = \"prosent\"\n");
    write(project / "data" / "12362.json", test::read(test::source_dir() / "tests" / "fixtures" / "ssb" / "12362-jsonstat2.json"));
    write(project / "data" / "tegn.csv", "id;navn;2022;2023;2024\nbaerum;Bærum;1,5;.;2,5\nasker;Asker;..;3,0;:\n");
    write(project / "k.md", chapter);
    SystemEnvironment env(test::source_dir());
    FrameDocument frames;
    build_pdf(env, project, d, &frames);
    return frames;
}

std::vector<std::string> texts(const std::vector<FrameItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) out.push_back(run->text());
    return out;
}

/// Every text of the figure whose text alternative starts with `alt_start`.
std::vector<std::string> figure_texts(const FrameDocument& frames, const std::string& alt_start) {
    const Group* g = test::find_group(frames, Role::figure, [&](const Group& group) { return group.alt.rfind(alt_start, 0) == 0; });
    return g ? texts(test::leaves(g->items)) : std::vector<std::string>{};
}

std::size_t count(const std::vector<std::string>& list, const std::string& s) {
    return static_cast<std::size_t>(std::count(list.begin(), list.end(), s));
}

TEST(SsbReport, ATableAndAChartFromAThreeDimensionFileWithSelect) {
    Diagnostics d;
    const auto frames = build("# Netto\n\n```table\ndata = \"netto\"\ncolumns = [\"navn\", \"2023\", \"2024\"]\nrows = [\"Oslo\", \"3201\", \"asker\"]\n"
                              "caption = \"Netto driftsutgifter\"\n```\n\n"
                              "```chart\ntype = \"column\"\ndata = \"netto\"\nseries = [\"0301\", \"Bærum\"]\ncaption = \"Netto per innbygger\"\n```\n\n"
                              "Bærum brukte {{netto.3201.2024}} kroner.\n",
                              d);
    for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
    std::vector<std::string> all;
    for (const auto& page : frames.pages) {
        const auto page_texts = texts(test::leaves(page.items));
        all.insert(all.end(), page_texts.begin(), page_texts.end());
    }
    for (const char* expected : {"Oslo", "103\u00A0455", "84\u00A0129", "79\u00A0732"}) EXPECT_GE(count(all, expected), 1u) << expected;
    const auto chart = figure_texts(frames, "Netto per innbygger");
    EXPECT_TRUE(count(chart, "2022") == 1 && count(chart, "2024") == 1) << "the years are the categories";
}

TEST(SsbReport, EachSymbolInAChartIsAGapWithItsSymbolAndTheNoteExplainsIt) {
    for (const std::string type : {"column", "bar", "line"}) {
        SCOPED_TRACE(type);
        Diagnostics d;
        const auto frames = build("# Tegn\n\n```chart\ntype = \"" + type + "\"\ndata = \"tegn\"\ncaption = \"Tegn\"\n```\n", d);
        for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
        const auto chart = figure_texts(frames, "Tegn");
        EXPECT_EQ(1u, count(chart, ".")) << "2023 of Bærum";
        EXPECT_EQ(1u, count(chart, "..")) << "2022 of Asker";
        EXPECT_EQ(1u, count(chart, ":")) << "2024 of Asker";
        EXPECT_EQ(0u, count(chart, "0,0")) << "never drawn as zero";
        EXPECT_EQ(1u, count(chart, "Tegnforklaring: . Tall kan ikke forekomme. .. Oppgave mangler. : Vises ikke av konfidensialitetshensyn."));
        const Group* g = test::find_group(frames, Role::figure, [](const Group& group) { return group.alt.rfind("Tegn", 0) == 0; });
        ASSERT_TRUE(g);
        if (type != "line") {
            EXPECT_NE(std::string::npos, g->alt.find("Asker :")) << g->alt;
        }
    }
}

}  // namespace
}  // namespace sats
