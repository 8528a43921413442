// The JSON-stat reader: an SSB response read as the table it stands for, dimensions chosen
// or found, and broken input reported.
#include <gtest/gtest.h>

#include "data/csv_reader.hpp"
#include "data/jsonstat_reader.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

const auto fixtures = test::source_dir() / "tests" / "fixtures" / "jsonstat";

TEST(JsonStatReader, ReadsSsbResponseLikeTheExpectedCsv) {
    Diagnostics d;
    const auto json = read_jsonstat(test::read(fixtures / "ssb-12134-sample.json"), "s.json", "", "", d);
    const auto csv = read_csv(test::read(fixtures / "ssb-12134-sample-expected.csv"), "e.csv", d);
    ASSERT_FALSE(d.has_errors());
    ASSERT_EQ(csv.header.size(), json.header.size());
    for (std::size_t i = 0; i < csv.header.size(); ++i) EXPECT_EQ(csv.header[i].text, json.header[i].text);
    ASSERT_EQ(csv.rows.size(), json.rows.size());
    for (std::size_t r = 0; r < csv.rows.size(); ++r)
        for (std::size_t c = 0; c < csv.rows[r].size(); ++c)
            EXPECT_EQ(csv.rows[r][c].text, json.rows[r][c].text) << "row " << r << " column " << c;
    EXPECT_EQ("Kilde: Statistisk sentralbyrå", json.comments.at(0));
}

TEST(JsonStatReader, ArrayIndexAndExplicitDimensions) {
    Diagnostics d;
    const std::string doc = R"({"version":"2.0","class":"dataset","id":["Tid","Region"],"size":[2,2],
      "dimension":{"Tid":{"category":{"index":["2023","2024"]}},
                   "Region":{"category":{"index":["3201","3203"],"label":{"3201":"Bærum","3203":"Asker"}}}},
      "value":[1,2,3,null],"status":{"3":":"}})";
    const auto t = read_jsonstat(doc, "x.json", "Region", "Tid", d);
    ASSERT_FALSE(d.has_errors());
    ASSERT_EQ(2u, t.rows.size());
    EXPECT_EQ("Bærum", t.rows[0][1].text);
    EXPECT_EQ("1", t.rows[0][2].text);  // Tid 2023, Region 3201
    EXPECT_EQ("3", t.rows[0][3].text);  // Tid 2024, Region 3201
    EXPECT_EQ("2", t.rows[1][2].text);
    EXPECT_EQ(":", t.rows[1][3].text);
}

TEST(JsonStatReader, RowsAreTheFirstDimensionWithMoreThanOneCategory) {
    // A one-category dimension (the measure) comes first: the rows are the regions after it.
    Diagnostics d;
    const std::string doc = R"({"version":"2.0","class":"dataset","id":["ContentsCode","Region","Tid"],"size":[1,2,2],
      "role":{"time":["Tid"]},
      "dimension":{"ContentsCode":{"category":{"index":["KOSAG110000"],"label":{"KOSAG110000":"Netto driftsresultat"}}},
                   "Region":{"category":{"index":["3201","3203"],"label":{"3201":"Bærum","3203":"Asker"}}},
                   "Tid":{"category":{"index":["2023","2024"]}}},
      "value":[3.7,2.3,3.2,2.5]})";
    const auto t = read_jsonstat(doc, "x.json", "", "", d);
    ASSERT_FALSE(d.has_errors());
    ASSERT_EQ(4u, t.header.size());
    EXPECT_EQ("2024", t.header[3].text);
    ASSERT_EQ(2u, t.rows.size());
    EXPECT_EQ("3201", t.rows[0][0].text);
    EXPECT_EQ("Asker", t.rows[1][1].text);
    EXPECT_EQ("3.2", t.rows[1][2].text);  // Region 3203, Tid 2023
    EXPECT_EQ("2.5", t.rows[1][3].text);
}

TEST(JsonStatReader, ReportsBrokenInput) {
    Diagnostics d;
    read_jsonstat("{\n  \"version\": \"2.0\",\n  oops\n}", "bad.json", "", "", d);
    ASSERT_TRUE(d.has_errors());
    EXPECT_EQ(3, d.all()[0].where.line);

    Diagnostics d2;
    read_jsonstat(R"({"version":"1.0"})", "old.json", "", "", d2);
    ASSERT_TRUE(d2.has_errors());
    EXPECT_NE(std::string::npos, d2.all()[0].message.find("not a JSON-stat 2.0 dataset"));

    Diagnostics d3;
    read_jsonstat(R"({"version":"2.0","class":"dataset","id":["A"],"size":[2],"dimension":{"A":{"category":{"index":["x","y"]}}},"value":[1]})",
                  "short.json", "", "", d3);
    ASSERT_TRUE(d3.has_errors());
}

}  // namespace
}  // namespace sats
