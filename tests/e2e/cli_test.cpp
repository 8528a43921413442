// The sats command line, run as a user runs it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const fs::path bundled = test::source_dir() / "content" / "kostra-2025";

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

TEST(Cli, HelpAndVersion) {
    std::string out;
    EXPECT_EQ(0, test::run_sats("--help", &out));
    EXPECT_NE(std::string::npos, out.find("sats build <project>"));
    EXPECT_EQ(0, test::run_sats("--version", &out));
    EXPECT_EQ(0u, out.find("sats 0.1.0"));
}

TEST(Cli, BadUsageExitsTwo) {
    EXPECT_EQ(2, test::run_sats(""));
    EXPECT_EQ(2, test::run_sats("publish x"));
    EXPECT_EQ(2, test::run_sats("build"));
    EXPECT_EQ(2, test::run_sats("build x -o"));
    EXPECT_EQ(2, test::run_sats("check x --bogus"));
    EXPECT_EQ(2, test::run_sats("check a b"));
}

TEST(Cli, CheckOfTheBundledReportIsSilent) {
    std::string out;
    EXPECT_EQ(0, test::run_sats("check " + q(bundled), &out));
    EXPECT_EQ("", out);
}

TEST(Cli, DocumentedExampleChecksClean) {
    std::string out;
    EXPECT_EQ(0, test::run_sats("check " + q(test::source_dir() / "docs" / "example"), &out));
    EXPECT_EQ("", out);
}

TEST(Cli, MissingProjectIsAContentError) {
    std::string out;
    EXPECT_EQ(1, test::run_sats("check /nonexistent/project", &out));
    EXPECT_NE(std::string::npos, out.find("no project folder"));
}

TEST(Cli, BuildWritesAPdfWhoseTextHasTheComputedNumbers) {
    const auto dir = test::temp_dir();
    const auto pdf = dir / "kostra.pdf";
    std::string out;
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(pdf), &out)) << out;
    std::string text;
    ASSERT_EQ(0, test::run("pdftotext -enc UTF-8 " + q(pdf) + " -", &text));
    const std::string nbsp = " ", minus = "\u2212";  // pdftotext writes the no-break space as a space
    for (const std::string& expected : std::vector<std::string>{"8,6" + nbsp + "%", "19,6" + nbsp + "%", "34,4" + nbsp + "%", "100,0" + nbsp + "%", "6" + nbsp + "040",
          "84" + nbsp + "225", minus + "52,5" + nbsp + "%", "2,2 prosentpoeng", "58,5" + nbsp + "%", minus + "4" + nbsp + "836",
          "KOSTRA-analyse 2025", "Administrasjon og styring", "Tabell 10"})
        EXPECT_NE(std::string::npos, text.find(expected)) << "missing from the PDF text: " << expected;
    std::string check;
    EXPECT_EQ(0, test::run("qpdf --check " + q(pdf), &check)) << check;
}

TEST(Cli, AWindows1252DataFileIsReadWithANoteAndItsLettersReachThePdf) {
    // The statistics bank's "semikolonseparert" download, as Windows-1252 with CRLF line ends.
    const auto dir = test::temp_dir();
    fs::copy(test::base_project(), dir / "p", fs::copy_options::recursive);
    std::ofstream(dir / "p" / "data" / "resultatgrad.csv", std::ios::binary)
        << "# Kilde: ssb.no\r\nid;navn;2023;2024\r\nbaerum;B\xE6rum \x96 kommune;3,7;2,3\r\nasker;Asker;3,2;2,5\r\n"
           "asss;ASSS u/Oslo;1,6;0,1\r\n";
    std::string out;
    EXPECT_EQ(0, test::run_sats("check " + q(dir / "p"), &out)) << out;
    EXPECT_NE(std::string::npos, out.find("data/resultatgrad.csv:3:9: note: read as Windows-1252 text")) << out;
    EXPECT_EQ(0, test::run_sats("build " + q(dir / "p") + " --strict -o " + q(dir / "r.pdf"), &out)) << "a note is no warning: " << out;
    std::string text;
    ASSERT_EQ(0, test::run("pdftotext -enc UTF-8 " + q(dir / "r.pdf") + " -", &text));
    EXPECT_NE(std::string::npos, text.find("Bærum \u2013 kommune")) << text;
}

TEST(Cli, BothLayoutsEmbedOnlySubsetFontsAndStateTheMetadata) {
    for (const std::string layout : {"kommune", "rapport"}) {
        const auto dir = test::temp_dir();
        const auto pdf = dir / (layout + ".pdf");
        std::string out;
        ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " --layout " + layout + " -o " + q(pdf), &out)) << out;
        std::string fonts;
        ASSERT_EQ(0, test::run("pdffonts " + q(pdf), &fonts));
        std::istringstream lines(fonts);
        std::string line;
        int count = 0;
        while (std::getline(lines, line)) {
            if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
            ++count;
            EXPECT_EQ('+', line.at(6)) << "not a subset: " << line;  // ABCDEF+Name
            EXPECT_NE(std::string::npos, line.find(" yes yes yes ")) << "not embedded, subset and mapped: " << line;
        }
        EXPECT_GE(count, 2) << fonts;
        std::string info;
        ASSERT_EQ(0, test::run("pdfinfo " + q(pdf), &info));
        EXPECT_NE(std::string::npos, info.find("Title:           KOSTRA-analyse 2025")) << info;
        EXPECT_NE(std::string::npos, info.find("Author:          Bærum kommune")) << info;
        EXPECT_NE(std::string::npos, info.find("CreationDate:    Mon Nov 24 00:00:00 2025 UTC")) << info;
        std::string check;
        EXPECT_EQ(0, test::run("qpdf --check " + q(pdf), &check)) << check;
    }
}

TEST(Cli, PngPagesAreWritten) {
    const auto dir = test::temp_dir();
    std::string out;
    ASSERT_EQ(0, test::run_sats("build " + q(test::source_dir() / "tests" / "golden" / "mini") + " --png -o " + q(dir / "mini.pdf"), &out)) << out;
    const auto png = test::read(dir / "mini-001.png");
    ASSERT_GT(png.size(), 1000u);
    EXPECT_EQ("\x89PNG", png.substr(0, 4));
    EXPECT_TRUE(fs::exists(dir / "mini-002.png"));
}

TEST(Cli, StrictTurnsWarningsIntoErrorsAndWritesNothing) {
    const auto dir = test::temp_dir();
    const auto copy = dir / "mini";
    fs::copy(test::source_dir() / "tests" / "golden" / "mini", copy, fs::copy_options::recursive);
    std::ofstream(copy / "kapittel.md", std::ios::app) << "\nEn <b>fet</b> feil.\n";  // inline HTML: a warning
    std::string out;
    EXPECT_EQ(0, test::run_sats("build " + q(copy) + " -o " + q(dir / "a.pdf"), &out)) << out;
    EXPECT_NE(std::string::npos, out.find("warning: inline HTML is ignored: <b>"));
    EXPECT_EQ(1, test::run_sats("build " + q(copy) + " --strict -o " + q(dir / "b.pdf"), &out));
    EXPECT_NE(std::string::npos, out.find("error: inline HTML is ignored: <b>"));
    EXPECT_FALSE(fs::exists(dir / "b.pdf"));
    // `check` too: the warning passes, and fails with --strict.
    EXPECT_EQ(0, test::run_sats("check " + q(copy), &out)) << out;
    EXPECT_EQ(1, test::run_sats("check " + q(copy) + " --strict", &out));
    EXPECT_NE(std::string::npos, out.find("error: inline HTML is ignored: <b>")) << out;
}

TEST(Cli, DiagnosticsShowTheSourceLineWithAMarker) {
    const auto project = test::materialise_case(test::source_dir() / "tests" / "bad-input" / "unknown-placeholder");
    std::string out;
    EXPECT_EQ(1, test::run_sats("check " + q(project), &out));
    EXPECT_NE(std::string::npos, out.find("  | {{resultatgrad_mot_ass.abs}} prosentpoeng over snittet i ASSS.\n  |   ^\n"));
}

TEST(Cli, AKilledBuildLeavesThePreviousPdfIntact) {
    const auto dir = test::temp_dir();
    const auto pdf = dir / "r.pdf";
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(pdf)));
    const auto before = test::read(pdf);
    // SIGKILL at several moments of a rebuild: parsing, layout, export, writing.
    for (const char* delay : {"0.05", "0.2", "0.4", "0.6", "0.8"}) {
        test::run("('" SATS_BINARY "' build " + q(bundled) + " -o " + q(pdf) + " & p=$!; sleep " + delay +
                  "; kill -9 $p; wait $p) >/dev/null 2>&1");
        EXPECT_EQ(before, test::read(pdf)) << "after a kill at " << delay << " s";
    }
    // SIGTERM: the run removes its temporary file itself.
    std::string out;
    test::run("('" SATS_BINARY "' build " + q(bundled) + " -o " + q(pdf) + " & p=$!; sleep 0.5; kill -TERM $p; wait $p)", &out);
    EXPECT_EQ(before, test::read(pdf));
    // The next build cleans up whatever a killed run left, and nothing else is in the folder.
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(pdf)));
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path().filename().string());
    EXPECT_EQ(std::vector<std::string>{"r.pdf"}, files);
}

TEST(Cli, TwoBuildsToOneOutputAtOnceLeaveOneWholePdf) {
    const auto dir = test::temp_dir();
    // Two projects: the base and a copy with another title, each built alone first.
    const auto a = test::base_project();
    const auto b = dir / "b";
    fs::copy(a, b, fs::copy_options::recursive);
    std::string manifest = test::read(b / "report.toml");
    manifest.replace(manifest.find("KOSTRA-analyse 2025"), 19, "Annen rapport 2025");
    std::ofstream(b / "report.toml") << manifest;
    ASSERT_EQ(0, test::run_sats("build " + q(a) + " -o " + q(dir / "a.pdf")));
    ASSERT_EQ(0, test::run_sats("build " + q(b) + " -o " + q(dir / "b.pdf")));
    const auto pdf_a = test::read(dir / "a.pdf"), pdf_b = test::read(dir / "b.pdf");
    ASSERT_NE(pdf_a, pdf_b);
    // 50 times both at once to one output; after each, the output is one of the two, whole.
    const auto out = dir / "ut" / "r.pdf";
    std::string log;
    ASSERT_EQ(0, test::run("cd " + q(dir) + " && for i in $(seq 50); do '" SATS_BINARY "' build " + q(a) + " -o " + q(out) +
                               " >a-$i.txt 2>&1 & '" SATS_BINARY "' build " + q(b) + " -o " + q(out) +
                               " >b-$i.txt 2>&1 & wait; cp " + q(out) + " r-$i.pdf; done",
                           &log))
        << log;
    for (int i = 1; i <= 50; ++i) {
        const auto result = test::read(dir / ("r-" + std::to_string(i) + ".pdf"));
        EXPECT_TRUE(result == pdf_a || result == pdf_b) << "run " << i << " left a PDF that is neither build";
        for (const char* run : {"a-", "b-"}) {
            const auto said = test::read(dir / (run + std::to_string(i) + ".txt"));
            EXPECT_EQ(0u, said.find("wrote ")) << "run " << i << ": " << said;
        }
    }
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(out.parent_path())) left.push_back(entry.path().filename().string());
    EXPECT_EQ(std::vector<std::string>{"r.pdf"}, left) << "no temporary file left";
}

TEST(Cli, RebuildsAreByteIdentical) {
    const auto dir = test::temp_dir();
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(dir / "a.pdf")));
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(dir / "b.pdf")));
    const auto a = test::read(dir / "a.pdf"), b = test::read(dir / "b.pdf");
    EXPECT_GT(a.size(), 10000u);
    EXPECT_TRUE(a == b) << "two builds of the same input differ";
}

TEST(Cli, DefaultOutputGoesToOutputFolder) {
    const auto dir = test::temp_dir();
    std::string out;
    ASSERT_EQ(0, test::run("cd " + q(dir) + " && '" SATS_BINARY "' build " + q(bundled), &out)) << out;
    EXPECT_TRUE(fs::exists(dir / "output" / "kostra-2025.pdf")) << out;
}

TEST(Cli, ErrorsKeepAnEarlierPdfIntact) {
    const auto dir = test::temp_dir();
    const auto pdf = dir / "r.pdf";
    ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(pdf)));
    const auto before = test::read(pdf);
    // A copy of the bundled project with one broken placeholder.
    const auto copy = dir / "broken";
    fs::copy(bundled, copy, fs::copy_options::recursive);
    std::string chapter = test::read(copy / "kapitler" / "01-innledning.md");
    chapter += "\nFeil: {{resultatgrad.barum.2024}}\n";
    std::ofstream(copy / "kapitler" / "01-innledning.md") << chapter;
    std::string out;
    EXPECT_EQ(1, test::run_sats("build " + q(copy) + " -o " + q(pdf), &out));
    EXPECT_NE(std::string::npos, out.find("01-innledning.md:"));
    EXPECT_NE(std::string::npos, out.find("unknown placeholder 'resultatgrad.barum.2024'"));
    EXPECT_NE(std::string::npos, out.find("did you mean 'resultatgrad.baerum.2024'?"));
    EXPECT_EQ(before, test::read(pdf));
}

}  // namespace
}  // namespace sats
