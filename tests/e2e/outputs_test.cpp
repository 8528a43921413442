// Every output format goes through one registry, for one report and for each report of a batch:
// `--for alle --format alle --press --png --dump` writes every format for every municipality,
// each file of its kind and about its municipality. The files of a run are written all or none:
// a run failing halfway leaves every earlier output as it was, and an output that would replace
// an input of the project is refused.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "pipeline/outputs.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const fs::path kProject = test::source_dir() / "tests" / "fixtures" / "nokkeltall-asss";

std::string q(const fs::path& path) { return "'" + path.string() + "'"; }

std::string command_output(const std::string& command) {
    std::string out;
    test::run(command, &out);
    return out;
}

/// The municipalities of nokkeltall-asss's list, as data/kommuner.csv names them.
struct Municipality {
    std::string id, name, short_name;
};
const std::vector<Municipality> kMunicipalities{{"baerum", "Bærum kommune", "Bærum"}, {"asker", "Asker kommune", "Asker"}};

/// The folder the batch wrote every format to, built once.
const fs::path& batch() {
    static const fs::path dir = [] {
        const fs::path out = test::temp_dir();
        std::string output;
        EXPECT_EQ(0, test::run_sats("build " + q(kProject) + " --for alle --format alle --press --png --dump " +
                                        q(out / "n.txt") + " -o " + q(out / "n.pdf"),
                                    &output))
            << output;
        return out;
    }();
    return dir;
}

int pages_of(const fs::path& pdf) {
    std::smatch m;
    const std::string info = command_output("pdfinfo " + q(pdf));
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
}

std::size_t count(const std::string& text, const std::regex& pattern) {
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

TEST(Outputs, AFormatIsFoundByItsExactName) {
    for (const auto& format : output_formats()) {
        ASSERT_EQ(&format, find_output_format(format.name)) << format.name;
        EXPECT_EQ(nullptr, find_output_format(std::string(format.name) + "x")) << format.name;
        EXPECT_EQ(nullptr, find_output_format(std::string(format.name).substr(1))) << format.name;
    }
    EXPECT_EQ(nullptr, find_output_format(""));
    std::string out;
    EXPECT_EQ(2, test::run_sats("build " + q(kProject) + " --format pdfa", &out));
    EXPECT_NE(std::string::npos, out.find("pdfa")) << out;
}

TEST(Outputs, SlidesWithoutFindingsAreAnErrorAtTheChapterList) {
    const auto dir = test::temp_dir();
    std::string out;
    EXPECT_EQ(1, test::run_sats("build " + q(test::base_project()) + " --format pdf,slides -o " + q(dir / "b.pdf"), &out));
    EXPECT_NE(std::string::npos, out.find("report.toml:7:1: error: the slides show the chapters' main findings, and these chapters have none"))
        << out;
    EXPECT_TRUE(fs::is_empty(dir)) << "not even the report PDF";
}

TEST(Outputs, TheBatchWritesEveryFormatForEveryMunicipalityAndNothingElse) {
    std::set<std::string> expected;
    for (const auto& m : kMunicipalities) {
        const std::string stem = "n-" + m.id;
        for (const char* suffix : {".pdf", "-lysbilder.pdf", ".html", "-trykk.pdf", ".txt"}) expected.insert(stem + suffix);
        const int pages = pages_of(batch() / (stem + ".pdf"));
        ASSERT_GT(pages, 2) << m.id;
        for (int p = 1; p <= pages; ++p) {
            char name[64];
            std::snprintf(name, sizeof name, "%s-%03d.png", stem.c_str(), p);
            expected.insert(name);
        }
    }
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(batch())) files.insert(entry.path().filename().string());
    EXPECT_EQ(expected, files) << "one file per format and page, no temporary files, no file without a municipality";
}

TEST(Outputs, EachFileOfTheBatchIsOfItsKindAndAboutItsMunicipality) {
    for (const auto& m : kMunicipalities) {
        SCOPED_TRACE(m.id);
        const fs::path stem = batch() / ("n-" + m.id);
        const std::string cover = m.name + " · 2025";
        const std::string findings = "Økonomien i " + m.short_name;
        // The report: a PDF/A whose cover names the municipality.
        const fs::path report = stem.string() + ".pdf";
        EXPECT_EQ("%PDF-", test::read(report).substr(0, 5));
        EXPECT_NE(std::string::npos, command_output("pdftotext " + q(report) + " -").find(cover));
        EXPECT_NE(std::string::npos, command_output("pdfinfo -meta " + q(report)).find("<pdfaid:part>")) << "PDF/A metadata";
        // The slides: a 16:9 PDF with the municipality's findings.
        const fs::path slides = stem.string() + "-lysbilder.pdf";
        EXPECT_EQ("%PDF-", test::read(slides).substr(0, 5));
        EXPECT_NE(std::string::npos, command_output("pdftotext " + q(slides) + " -").find(findings));
        std::smatch size;
        const std::string info = command_output("pdfinfo " + q(slides));
        ASSERT_TRUE(std::regex_search(info, size, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+))"))) << info;
        EXPECT_NEAR(16.0 / 9.0, std::stod(size[1]) / std::stod(size[2]), 0.01);
        // The web page: HTML with the same findings, linking to this municipality's report.
        const std::string html = test::read(stem.string() + ".html");
        EXPECT_EQ("<!DOCTYPE html>", html.substr(0, 15));
        EXPECT_NE(std::string::npos, html.find(findings));
        EXPECT_NE(std::string::npos, html.find("<a href=\"./n-" + m.id + ".pdf\">"));
        // The press PDF: trim box, colours in CMYK only, the same cover.
        const fs::path press = stem.string() + "-trykk.pdf";
        EXPECT_EQ("%PDF-", test::read(press).substr(0, 5));
        EXPECT_NE(std::string::npos, command_output("pdfinfo -box " + q(press)).find("TrimBox"));
        EXPECT_NE(std::string::npos, command_output("pdftotext " + q(press) + " -").find(cover));
        const std::string content = command_output("qpdf --qdf --object-streams=disable " + q(press) + " -");
        EXPECT_GT(count(content, std::regex(R"(\n[\d. ]+ [kK]\n)")), 50u) << "colours set in CMYK";
        EXPECT_EQ(0u, count(content, std::regex(R"(\n[\d. ]+ (rg|RG)\n)"))) << "no RGB colour";
        // The page images and the dump: one PNG per page of the report, the dump of its pages.
        const std::string first_page = test::read(stem.string() + "-001.png");
        EXPECT_EQ("\x89PNG", first_page.substr(0, 4));
        const std::string dump = test::read(stem.string() + ".txt");
        EXPECT_EQ(0u, dump.find("document \"Nøkkeltall 2025\""));
        EXPECT_EQ(static_cast<std::size_t>(pages_of(report)), count(dump, std::regex("\npage \\d+ ")));
        EXPECT_NE(std::string::npos, dump.find(m.name));
    }
}

TEST(Outputs, AFileOfTheBatchHasTheBytesOfTheSameFileBuiltAlone) {
    const fs::path dir = test::temp_dir();
    ASSERT_EQ(0, test::run_sats("build " + q(kProject) + " --for asker --jobs 1 --format slides,html --press -o " + q(dir / "n.pdf")));
    for (const char* suffix : {"-lysbilder.pdf", ".html", "-trykk.pdf"}) {
        const std::string alone = test::read(dir / (std::string("n-asker") + suffix));
        EXPECT_FALSE(alone.empty()) << suffix;
        EXPECT_EQ(alone, test::read(batch() / (std::string("n-asker") + suffix))) << suffix;
    }
}

/// A folder holding earlier outputs `names`, each with its name as its content.
fs::path earlier_outputs(const std::vector<std::string>& names) {
    const fs::path dir = test::temp_dir();
    for (const auto& name : names) std::ofstream(dir / name) << "earlier " << name;
    return dir;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.insert(entry.path().filename().string());
    return files;
}

TEST(Outputs, ARunThatCannotWriteOneFileReplacesNone) {
    // --format alle where the web page's name is taken by a folder: the report and the slides
    // are made, but not written.
    const fs::path dir = earlier_outputs({"n.pdf", "n-lysbilder.pdf"});
    fs::create_directory(dir / "n.html");
    std::string out;
    EXPECT_EQ(1, test::run_sats("build " + q(kProject) + " --format alle -o " + q(dir / "n.pdf"), &out));
    EXPECT_NE(std::string::npos, out.find((dir / "n.html").string() + ": error: cannot write the output here: this is a folder"))
        << out;
    EXPECT_EQ("earlier n.pdf", test::read(dir / "n.pdf"));
    EXPECT_EQ("earlier n-lysbilder.pdf", test::read(dir / "n-lysbilder.pdf"));
    EXPECT_EQ((std::set<std::string>{"n.pdf", "n-lysbilder.pdf", "n.html"}), files_in(dir)) << "no temporary file left";
}

TEST(Outputs, ADumpThatCannotBeWrittenKeepsTheEarlierReport) {
    const fs::path mini = test::source_dir() / "tests" / "golden" / "mini";
    const fs::path dir = earlier_outputs({"m.pdf", "file"});
    // A folder, and a path through a file.
    for (const fs::path& dump : {dir, dir / "file" / "m.txt"}) {
        SCOPED_TRACE(dump.string());
        std::string out;
        EXPECT_EQ(1, test::run_sats("build " + q(mini) + " --dump " + q(dump) + " -o " + q(dir / "m.pdf"), &out));
        EXPECT_NE(std::string::npos, out.find(dump.string() + ": error: ")) << out;
        EXPECT_EQ("earlier m.pdf", test::read(dir / "m.pdf"));
        EXPECT_EQ((std::set<std::string>{"m.pdf", "file"}), files_in(dir));
    }
}

TEST(Outputs, AnOutputThatWouldReplaceAnInputOfTheProjectIsRefused) {
    const fs::path dir = test::temp_dir();
    fs::copy(test::source_dir() / "tests" / "golden" / "mini", dir / "mini", fs::copy_options::recursive);
    const std::string manifest = test::read(dir / "mini" / "report.toml");
    const std::string chapter = test::read(dir / "mini" / "kapittel.md");
    std::string out;
    EXPECT_EQ(1, test::run_sats("build " + q(dir / "mini") + " -o " + q(dir / "mini" / "report.toml"), &out));
    EXPECT_NE(std::string::npos, out.find("report.toml: error: this output would replace report.toml, an input of the project"))
        << out;
    EXPECT_EQ(manifest, test::read(dir / "mini" / "report.toml"));
    // Reached another way: the dump through `..` onto the chapter.
    EXPECT_EQ(1, test::run_sats("build " + q(dir / "mini") + " -o " + q(dir / "m.pdf") + " --dump " +
                                    q(dir / "mini" / ".." / "mini" / "kapittel.md"),
                                &out));
    EXPECT_NE(std::string::npos, out.find("this output would replace kapittel.md, an input of the project")) << out;
    EXPECT_EQ(chapter, test::read(dir / "mini" / "kapittel.md"));
    EXPECT_FALSE(fs::exists(dir / "m.pdf")) << "nothing of the run is written";
}

TEST(Outputs, AnOutputThatWouldReplaceAnImageOfAChapterIsRefused) {
    // The image is named only in a chapter (the logo line is taken out of the manifest).
    const fs::path dir = test::temp_dir();
    fs::copy(test::source_dir() / "tests" / "golden" / "navigation", dir / "nav", fs::copy_options::recursive);
    std::string manifest = test::read(dir / "nav" / "report.toml");
    manifest.erase(manifest.find("logo = "), manifest.find('\n', manifest.find("logo = ")) - manifest.find("logo = ") + 1);
    std::ofstream(dir / "nav" / "report.toml", std::ios::binary) << manifest;
    const std::string image = test::read(dir / "nav" / "bilder" / "stolper.png");
    std::string out;
    EXPECT_EQ(1, test::run_sats("build " + q(dir / "nav") + " -o " + q(dir / "n.pdf") + " --dump " +
                                    q(dir / "nav" / "bilder" / "stolper.png"),
                                &out));
    EXPECT_NE(std::string::npos, out.find("this output would replace bilder/stolper.png, an input of the project")) << out;
    EXPECT_EQ(image, test::read(dir / "nav" / "bilder" / "stolper.png"));
    EXPECT_FALSE(fs::exists(dir / "n.pdf")) << "nothing of the run is written";
}

TEST(Outputs, TheCommandLineKnowsEveryFormatOfTheRegistry) {
    std::string help;
    ASSERT_EQ(0, test::run_sats("--help", &help));
    std::string out;
    EXPECT_EQ(2, test::run_sats("build " + q(kProject) + " --format pdf,nope", &out));
    for (const auto& format : output_formats()) {
        const std::string line = std::string(" ") + format.name + (format.in_alle ? "*" : "");
        EXPECT_NE(std::string::npos, help.find(line + " ")) << line;
        EXPECT_NE(std::string::npos, help.find(format.help)) << format.name;
        EXPECT_NE(std::string::npos, out.find(std::string(format.name) + ", ")) << out;
    }
}

}  // namespace
}  // namespace sats
