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

using test::texts;

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

namespace sats {
namespace {

/// A project made for every region of the 12362 fixture but Landet, in a new folder.
std::filesystem::path every_region_project() {
    const auto project = test::temp_dir() / "alle";
    write(project / "report.toml", "title = \"Nøkkeltall\"\nmunicipality = \"Bærum\"\nyear = 2025\nchapters = [\"k.md\"]\n"
                                   "[kommuner]\ndata = \"netto\"\nstandard = \"3201\"\nexcept = [\"EAK\"]\n"
                                   "[data.netto]\nfile = \"data/12362.json\"\nrows = \"region\"\ncolumns = \"år\"\n"
                                   "select = { statistikkvariabel = \"KOSbelopinnbygg0000\" }\n");
    write(project / "data" / "12362.json", test::read(test::source_dir() / "tests" / "fixtures" / "ssb" / "12362-jsonstat2.json"));
    write(project / "k.md", "# {{rapport.kommune}}\n\n{{rapport.kommune}} brukte {{netto.kommune.2024}} kroner per innbygger i 2024, "
                            "landet {{netto.EAK.2024}}.\n");
    return project;
}

TEST(SsbReport, TheListOfMunicipalitiesIsTheRegionDimensionButItsExceptions) {
    const auto project = every_region_project();
    const auto out = test::temp_dir() / "ut";
    std::string output;
    ASSERT_EQ(0, test::run_sats("build '" + project.string() + "' --for alle --jobs 2 -o '" + (out / "n.pdf").string() + "' 2>&1", &output))
        << output;
    for (const char* code : {"0301", "3201", "3203", "4601", "5001"}) EXPECT_TRUE(fs::exists(out / ("n-" + std::string(code) + ".pdf"))) << code;
    EXPECT_FALSE(fs::exists(out / "n-EAK.pdf")) << "Landet is not a municipality";
    for (int done = 1; done <= 5; ++done) EXPECT_NE(std::string::npos, output.find("[" + std::to_string(done) + "/5] ")) << output;
    std::string text;
    test::run("pdftotext '" + (out / "n-3201.pdf").string() + "' -", &text);
    EXPECT_NE(std::string::npos, text.find("Bærum brukte 84 129 kroner per innbygger i 2024, landet 85 590.")) << text;
    EXPECT_EQ(1, test::run_sats("build '" + project.string() + "' --for EAK -o '" + (out / "x.pdf").string() + "' 2>&1", &output));
    EXPECT_NE(std::string::npos, output.find("'EAK' is not in the project's list of municipalities")) << output;
}

}  // namespace
}  // namespace sats

namespace sats {
namespace {

TEST(SsbReport, TheBundledKeyFiguresAreMadeForEveryMunicipalityOfItsSsbTable) {
    const auto out = test::temp_dir() / "n";
    std::string output;
    ASSERT_EQ(0, test::run_sats("build '" + (test::source_dir() / "content" / "nokkeltall-2025").string() + "' --for alle -o '" +
                                    (out / "n.pdf").string() + "' 2>&1",
                                &output))
        << output;
    std::vector<std::string> pdfs;
    for (const auto& entry : fs::directory_iterator(out)) pdfs.push_back(entry.path().filename().string());
    std::sort(pdfs.begin(), pdfs.end());
    EXPECT_EQ((std::vector<std::string>{"n-3201.pdf", "n-3203.pdf"}), pdfs) << "Landet (EAK) is left out";
    auto text = [&](const std::string& code) {
        std::string t;
        test::run("pdftotext '" + (out / ("n-" + code + ".pdf")).string() + "' - | tr '\\n' ' '", &t);
        return t;
    };
    // Each with its own figures from data/kommunetall.json: netto driftsresultat 2024 Bærum 2,3,
    // Asker 2,5, Landet 0,8; Asker's 2023 was 3,2, so 0,7 points lower.
    const auto baerum = text("3201"), asker = text("3203");
    EXPECT_NE(std::string::npos, baerum.find("Økonomien i Bærum")) << baerum;
    EXPECT_NE(std::string::npos, baerum.find("I Bærum var det 2,3 % av driftsinntektene i 2024")) << baerum;
    EXPECT_NE(std::string::npos, asker.find("I Asker var det 2,5 % av driftsinntektene i 2024, 0,7 prosentpoeng lavere enn året før"))
        << asker;
    EXPECT_NE(std::string::npos, asker.find("så kommunen lå 1,7 prosentpoeng over landet")) << asker;
}

}  // namespace
}  // namespace sats
