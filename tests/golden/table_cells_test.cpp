// Table cells checked on the frames of the golden project table-cells: numbers of each unit
// line up on their own decimal comma, blank cells print nothing (or the layout's choice), and
// symbols print as written.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

/// `text` with only its digits and commas ("84 512" → "84512", "−0,42 %" → "0,42").
std::string digits(const std::string& text) {
    std::string kept;
    for (const char c : text)
        if ((c >= '0' && c <= '9') || c == ',') kept += c;
    return kept;
}

/// The x on the page of the glyph that draws byte `offset` of `run`'s text.
double glyph_x(const GlyphRun& run, std::size_t offset) {
    std::size_t byte = 0, glyph = 0;
    for (const auto& cluster : run.clusters()) {
        if (offset < byte + static_cast<std::size_t>(cluster.bytes)) break;
        byte += static_cast<std::size_t>(cluster.bytes);
        glyph += static_cast<std::size_t>(cluster.glyphs);
    }
    return run.x + run.glyphs().at(glyph).x;
}

/// The glyph runs of the first table of the table-cells project (above the caption of table 2),
/// laid out in `env`'s layout, by their text's digits and commas.
std::multimap<std::string, GlyphRun> runs_by_digits(const Environment& env = SystemEnvironment(test::source_dir())) {
    Diagnostics d;
    FrameDocument frames;
    EXPECT_TRUE(build_pdf(env, test::source_dir() / "tests" / "golden" / "table-cells", d, &frames));
    std::vector<GlyphRun> runs;
    for (const auto& page : frames.pages)
        for_each<GlyphRun>(page.items, [&](const GlyphRun& run) {
            if (!runs.empty() || run.text().starts_with("Tabell 1")) runs.push_back(run);
        });
    std::multimap<std::string, GlyphRun> first_table;
    for (const auto& run : runs) {
        if (run.text().starts_with("Tabell 2")) break;
        first_table.emplace(digits(run.text()), run);
    }
    return first_table;
}

/// The x of the decimal comma of the one run showing `number` (digits and comma only).
double comma_x(const std::multimap<std::string, GlyphRun>& runs, const std::string& number) {
    EXPECT_EQ(1u, runs.count(number)) << number;
    const auto& run = runs.find(number)->second;
    return glyph_x(run, run.text().find(','));
}

/// The x of the last digit of the one run showing `number`.
double last_digit_x(const std::multimap<std::string, GlyphRun>& runs, const std::string& number) {
    EXPECT_EQ(1u, runs.count(number)) << number;
    const auto& run = runs.find(number)->second;
    return glyph_x(run, run.text().find_last_of("0123456789"));
}

TEST(TableCells, EachUnitLinesUpOnItsOwnDecimalComma) {
    const auto runs = runs_by_digits();
    // Column 2023: kroner rows end on one digit (the bold total's digits are a little wider),
    // percent rows (1 and 2 decimals, one of them bold) share one comma.
    const double kroner = last_digit_x(runs, "40120");
    for (const char* number : {"22001", "3105", "15020"}) EXPECT_NEAR(kroner, last_digit_x(runs, number), 0.01) << number;
    EXPECT_NEAR(kroner, last_digit_x(runs, "84512"), 1) << "the total row";
    const double percent = comma_x(runs, "47,5");
    EXPECT_NEAR(percent, comma_x(runs, "3,71"), 0.01);
    // The kroner are not pushed left to the percent rows' comma: they end to the right of it.
    EXPECT_GT(kroner, percent + 5);
    // Column 2024, with a negative percent and a nil (`-`) and a blank kroner cell.
    EXPECT_NEAR(last_digit_x(runs, "41230"), last_digit_x(runs, "22940"), 0.01);
    EXPECT_NEAR(comma_x(runs, "47,9"), comma_x(runs, "0,42"), 0.01);
}

TEST(TableCells, BlankCellsPrintNothingAndSymbolsAsWritten) {
    const auto runs = runs_by_digits();
    std::map<std::string, int> symbols;
    for (const auto& [key, run] : runs)
        if (key.empty()) ++symbols[run.text()];
    EXPECT_EQ(1, symbols["..."]);  // one `...` cell
    EXPECT_EQ(1, symbols[":"]);
    EXPECT_EQ(2, symbols["-"]);   // the nil cells
    EXPECT_EQ(1, symbols[".."]);  // the `..` cell, and no blank cell printed as `..`
}

TEST(TableCells, TheLayoutMayShowBlankCells) {
    std::string layout = test::read(test::source_dir() / "layouts" / "kommune" / "layout.toml");
    const auto at = layout.find("min_size = 7");
    ASSERT_NE(std::string::npos, at);
    layout.insert(at, "blank = \"\u2013\"\n");
    const auto runs = runs_by_digits(test::OtherLayout(layout));
    int dashes = 0;
    for (const auto& [key, run] : runs) dashes += run.text() == "\u2013";
    EXPECT_EQ(3, dashes);  // the three blank cells; nil stays `-`
}

}  // namespace
}  // namespace sats
