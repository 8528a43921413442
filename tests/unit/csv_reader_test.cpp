// The CSV reader: separators, comments, quotes, line ends, and errors at their line.
#include <gtest/gtest.h>

#include "data/csv_reader.hpp"

namespace sats {
namespace {

/// `text` read as the CSV file "x.csv", which must give no diagnostic.
CsvFile read_clean(const std::string& text) {
    Diagnostics d;
    auto csv = read_csv(text, "x.csv", d);
    EXPECT_TRUE(d.all().empty()) << text;
    return csv;
}

TEST(CsvReader, SemicolonWithCommentsAndQuotes) {
    Diagnostics d;
    const auto csv = read_csv("# Kilde: ssb.no\n# Lisens: CC BY 4.0\nid;navn;2024\nbaerum;\"Bærum; kommune\";6,0\n"
                              "asker;\"Asker \"\"kommune\"\"\";..\n",
                              "x.csv", d);
    ASSERT_FALSE(d.has_errors());
    EXPECT_EQ(';', csv.separator);
    ASSERT_EQ(2u, csv.comments.size());
    EXPECT_EQ("Kilde: ssb.no", csv.comments[0]);
    ASSERT_EQ(2u, csv.rows.size());
    EXPECT_EQ("Bærum; kommune", csv.rows[0][1].text);
    EXPECT_EQ("Asker \"kommune\"", csv.rows[1][1].text);
    EXPECT_EQ(4, csv.rows[0][2].line);
    EXPECT_EQ(25, csv.rows[0][2].column);  // counted in characters, not bytes (æ)
}

TEST(CsvReader, CommaSeparatedWithBomAndCrlf) {
    const auto csv = read_clean("\xEF\xBB\xBFid,2023,2024\r\nbaerum,5.5,\"6,0\"\r\n\r\n");
    EXPECT_EQ(',', csv.separator);
    ASSERT_EQ(1u, csv.rows.size());
    EXPECT_EQ("id", csv.header[0].text);
    EXPECT_EQ("5.5", csv.rows[0][1].text);
    EXPECT_EQ("6,0", csv.rows[0][2].text);
}

TEST(CsvReader, SemicolonFileWhoseQuotedHeaderHoldsACommaStaysSemicolon) {
    const auto csv = read_clean("id;navn;\"2024, foreløpig\"\nbaerum;Bærum;6,0\n");
    EXPECT_EQ(';', csv.separator);
    ASSERT_EQ(3u, csv.header.size());
    EXPECT_EQ("2024, foreløpig", csv.header[2].text);
    ASSERT_EQ(1u, csv.rows.size());
    EXPECT_EQ("6,0", csv.rows[0][2].text);
}

TEST(CsvReader, QuotedFieldSpanningLines) {
    const auto csv = read_clean("id;navn\na;\"to\nlinjer\"\nb;x\n");
    ASSERT_EQ(2u, csv.rows.size());
    EXPECT_EQ("to\nlinjer", csv.rows[0][1].text);
    EXPECT_EQ(4, csv.rows[1][0].line);
}

TEST(CsvReader, WrongFieldCountIsReportedAtItsLine) {
    Diagnostics d;
    const auto csv = read_csv("id;a;b\nx;1;2\ny;1\nz;1;2;3\n", "data/t.csv", d);
    ASSERT_EQ(2u, d.all().size());
    EXPECT_EQ("data/t.csv:3:1: error: row has 2 fields, but the header has 3", d.all()[0].headline());
    EXPECT_EQ("data/t.csv:4:1: error: row has 4 fields, but the header has 3", d.all()[1].headline());
    EXPECT_EQ(1u, csv.rows.size());
}

TEST(CsvReader, UnclosedQuote) {
    Diagnostics d;
    read_csv("id;a\nx;\"open\n", "t.csv", d);
    ASSERT_TRUE(d.has_errors());
    EXPECT_EQ("t.csv:2:3: error: quoted field is never closed", d.all()[0].headline());
}

TEST(CsvReader, EmptyFile) {
    Diagnostics d;
    read_csv("# only a comment\n", "t.csv", d);
    ASSERT_TRUE(d.has_errors());
    EXPECT_EQ("t.csv:2:1: error: the data file has no header row", d.all()[0].headline()) << "where the header belongs";
}

}  // namespace
}  // namespace sats
