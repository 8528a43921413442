// The limits of issue 6: a 5 MB paragraph, a 100 000-row CSV, 10 000 headings, lists nested
// 100 deep and a 1 GB input file are either built or refused with a message, in bounded memory;
// a word of 100 000 characters is laid out in bounded time.
// The memory bounds are checked on the peak RSS of the sats process (not under sanitizers,
// which multiply memory); docs/robustness.md lists them with measured figures.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMeasureMemory = false;
constexpr double kSlowdown = 5;  ///< how many times slower sats runs, at most (time bounds)
#else
constexpr bool kMeasureMemory = true;
constexpr double kSlowdown = 1;
#endif

/// Writes a one-chapter project with `chapter` as its text and `manifest_tail` appended.
fs::path project(const std::string& chapter, const std::string& manifest_tail = "") {
    const fs::path dir = test::temp_dir() / "prosjekt";
    fs::create_directories(dir / "data");
    std::ofstream(dir / "report.toml") << "title = \"Grenser\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\n"
                                          "date = \"2025-11-24\"\nchapters = [\"k.md\"]\n"
                                       << manifest_tail;
    std::ofstream(dir / "k.md") << chapter;
    return dir;
}

/// Runs sats and returns its status; `output` gets what it printed, `peak_mb` its peak RSS.
int run_measured(const std::string& arguments, std::string* output, long* peak_mb) {
    const int status = test::run_sats(arguments, output);
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);  // the largest child of this test process so far
    *peak_mb = usage.ru_maxrss / 1024;
    return status;
}

/// The processor time the finished sats processes of this test process have used.
std::chrono::duration<double> children_cpu_time() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return std::chrono::seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           std::chrono::microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

std::string hundred_thousand_rows() {
    std::string csv = "id,navn,2024\n";
    for (int i = 0; i < 100'000; ++i)
        csv += "r" + std::to_string(i) + ",Rad " + std::to_string(i) + "," + std::to_string(i) + ".5\n";
    return csv;
}

TEST(Limits, AFiveMegabyteParagraphIsRefusedWithItsLength) {
    std::string paragraph = "kommunen";
    while (paragraph.size() < 5'000'000) paragraph += " bruker mer penger enn snittet";  // ASCII: bytes = characters
    const auto dir = project("# Lang\n\n" + paragraph + "\n");
    std::string output;
    long peak = 0;
    EXPECT_EQ(1, run_measured("check '" + dir.string() + "'", &output, &peak));
    EXPECT_NE(std::string::npos, output.find("k.md:3:1: error: this paragraph has " + std::to_string(paragraph.size()) + " characters")) << output;
    EXPECT_NE(std::string::npos, output.find("sats sets at most 100000")) << output;
    if (kMeasureMemory) { EXPECT_LT(peak, 150) << "MB"; }
}

TEST(Limits, AHundredThousandCharacterWordIsLaidOutInBoundedTime) {
    // pango breaks a long word between characters in time quadratic in its length: before the
    // layout gave it break opportunities, this took 19 s of processor time (release build).
    const std::string word(100'000, '7');
    const auto dir = project("# Langt ord\n\n" + word + "\n");
    const auto before = children_cpu_time();
    std::string output;
    ASSERT_EQ(0, test::run_sats("build '" + dir.string() + "' -o '" + (dir / "ut.pdf").string() + "'", &output)) << output;
    EXPECT_LT((children_cpu_time() - before).count(), 5 * kSlowdown) << "seconds";
    EXPECT_EQ(std::string::npos, output.find("warning")) << output;  // no box for the break opportunities
}

TEST(Limits, AHundredThousandRowCsvIsReadAndUsed) {
    const auto dir = project("# Data\n\nSiste rad: {{t.r99999.2024}}.\n", "[data.t]\nfile = \"data/t.csv\"\n");
    std::ofstream(dir / "data" / "t.csv") << hundred_thousand_rows();
    const fs::path pdf = dir / "ut.pdf";
    std::string output;
    long peak = 0;
    ASSERT_EQ(0, run_measured("build '" + dir.string() + "' -o '" + pdf.string() + "'", &output, &peak)) << output;
    std::string text;
    test::run("pdftotext -f 3 -l 3 '" + pdf.string() + "' -", &text);  // shows the no-break space as a space
    EXPECT_NE(std::string::npos, text.find("Siste rad: 99 999,5.")) << text;
    if (kMeasureMemory) { EXPECT_LT(peak, 200) << "MB"; }
}

TEST(Limits, ATableOfAHundredThousandRowsIsRefused) {
    const auto dir = project("# Data\n\n```table\ndata = \"t\"\ncolumns = [\"navn\", \"2024\"]\n```\n",
                             "[data.t]\nfile = \"data/t.csv\"\n");
    std::ofstream(dir / "data" / "t.csv") << hundred_thousand_rows();
    std::string output;
    EXPECT_EQ(1, test::run_sats("check '" + dir.string() + "'", &output));
    EXPECT_NE(std::string::npos, output.find("k.md:4:1: error: this table would show 100000 rows; a table shows at most 2000"))
        << output;
}

TEST(Limits, TenThousandHeadingsAreLaidOutWithTheirContents) {
    std::string text;
    for (int i = 1; i <= 10'000; ++i) text += "## Avsnitt " + std::to_string(i) + "\n\nTekst.\n\n";
    const auto dir = project("# Mange\n\n" + text);
    const fs::path pdf = dir / "ut.pdf";
    std::string output;
    long peak = 0;
    ASSERT_EQ(0, run_measured("build '" + dir.string() + "' -o '" + pdf.string() + "'", &output, &peak)) << output;
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(output, pages, std::regex(R"(\((\d+) pages\))"))) << output;
    EXPECT_GT(std::stoi(pages[1]), 1000);
    std::string last;
    test::run("pdftotext -f " + pages[1].str() + " -l " + pages[1].str() + " '" + pdf.string() + "' -", &last);
    EXPECT_NE(std::string::npos, last.find("Avsnitt 10000")) << last;
    if (kMeasureMemory) { EXPECT_LT(peak, 800) << "MB"; }
}

TEST(Limits, ListsNestedAHundredDeepAreRefusedAtTheTenthLevel) {
    std::string text = "# Liste\n\n";
    for (int depth = 0; depth < 100; ++depth) text += std::string(2 * depth, ' ') + "- nivå " + std::to_string(depth) + "\n";
    std::string output;
    EXPECT_EQ(1, test::run_sats("check '" + project(text).string() + "'", &output));
    EXPECT_NE(std::string::npos, output.find("k.md:12:19: error: lists nest at most 9 levels deep")) << output;
    EXPECT_EQ(std::string::npos, output.find("k.md:13:")) << "one error for the whole too-deep list";
}

TEST(Limits, AOneGigabyteDataFileIsRefusedUnread) {
    const auto dir = project("# Stor\n\nTekst.\n", "[data.stor]\nfile = \"data/stor.csv\"\n");
    fs::resize_file((std::ofstream(dir / "data" / "stor.csv"), dir / "data" / "stor.csv"), 1ull << 30);  // sparse
    std::string output;
    long peak = 0;
    EXPECT_EQ(1, run_measured("check '" + dir.string() + "'", &output, &peak));
    EXPECT_NE(std::string::npos, output.find("larger than sats reads (64 MB)")) << output;
    if (kMeasureMemory) { EXPECT_LT(peak, 100) << "MB"; }
}

}  // namespace
}  // namespace sats
