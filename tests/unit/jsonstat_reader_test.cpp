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
    const auto json = jsonstat_table(test::read(fixtures / "ssb-12134-sample.json"), "s.json", {"", ""}, d);
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
    const auto t = jsonstat_table(doc, "x.json", {"Region", "Tid"}, d);
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
    const auto t = jsonstat_table(doc, "x.json", {"", ""}, d);
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
    jsonstat_table("{\n  \"version\": \"2.0\",\n  oops\n}", "bad.json", {"", ""}, d);
    ASSERT_TRUE(d.has_errors());
    EXPECT_EQ(3, d.all()[0].where.line);

    Diagnostics d2;
    jsonstat_table(R"({"version":"1.0"})", "old.json", {"", ""}, d2);
    ASSERT_TRUE(d2.has_errors());
    EXPECT_NE(std::string::npos, d2.all()[0].message.find("not a JSON-stat 2.0 dataset"));

    Diagnostics d3;
    jsonstat_table(R"({"version":"2.0","class":"dataset","id":["A"],"size":[2],"dimension":{"A":{"category":{"index":["x","y"]}}},"value":[1]})",
                  "short.json", {"", ""}, d3);
    ASSERT_TRUE(d3.has_errors());
}

/// A dataset of one dimension "A" with the categories x and y, as `dimension_a`, and `value`.
std::string dataset(const std::string& dimension_a, const std::string& value) {
    return "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Tid\",\"A\"],\"role\":{\"time\":[\"Tid\"]},\n"
           "\"dimension\":{\"Tid\":{\"category\":{\"index\":[\"2024\"]}},\n\"A\":" + dimension_a + "},\n\"value\":" + value + "}";
}

TEST(JsonStatReader, EachMalformedPartIsReportedAtItsKeyInTheUsersWords) {
    const std::string good_a = R"({"category":{"index":["x","y"]}})";
    struct Case {
        std::string doc;
        int line;
        std::string message;
    };
    const std::vector<Case> cases{
        {dataset(good_a, R"([1,"12,5"])"), 4, "value 1 (2024, y) must be a number or null, not string"},
        {dataset(good_a, R"({"0":1,"1":true})"), 4, "value 1 (2024, y) must be a number or null, not boolean"},
        {dataset(good_a, R"([1])"), 4, "'value' has 1 entries, the dimensions give 2"},
        {dataset(good_a, R"("1,2")"), 4, "'value' must be a list or an object of numbers"},
        {dataset(R"({"category":{"index":["x",7]}})", "[1,2]"), 3, "a category code must be text (in quotes)"},
        {dataset(R"({"category":{"index":{"x":0,"y":5}}})", "[1,2]"), 3, "the position of category 'y' must be a number from 0 to 1, each once"},
        {dataset(R"({"category":{"index":{"x":0,"y":0}}})", "[1,2]"), 3, "the position of category 'y' must be a number from 0 to 1, each once"},
        {dataset(R"({"category":{"index":["x"],"label":{"x":3}}})", "[1]"), 3, "the name of category 'x' must be text (in quotes)"},
        {dataset(R"({"kategori":{}})", "[1,2]"), 3, "the dataset has no 'category' where JSON-stat 2.0 has one"},
        {dataset(R"({"category":{"index":[]}})", "[]"), 3, "dimension 'A' has no categories"},
        {R"({"version":"2.0","class":"dataset","id":["Tid","A"],"dimension":{"Tid":{"category":{"index":["2024"]}}},"value":[]})", 1,
         "the dataset has no 'A' where JSON-stat 2.0 has one"},
        {R"({"version":"2.0","class":"dataset","id":"A","dimension":{},"value":[]})", 1, "'id' must list the dimensions"},
        {"[1,2]", 1, "not a JSON-stat 2.0 dataset (needs \"version\": \"2.0\" and \"class\": \"dataset\")"},
    };
    for (const auto& c : cases) {
        Diagnostics d;
        const auto t = jsonstat_table(c.doc, "x.json", {"", ""}, d);
        ASSERT_EQ(1u, d.all().size()) << c.doc;
        EXPECT_EQ(c.message, d.all()[0].message) << c.doc;
        EXPECT_EQ(c.line, d.all()[0].where.line) << c.doc;
        EXPECT_TRUE(t.rows.empty() && t.header.empty()) << "nothing half-read";
    }
}

TEST(JsonStatReader, AHugeDeclaredTableIsRefusedBeforeItIsMade) {
    // 6000 × 6000 categories and an empty value object: 36 million cells declared, none given.
    std::string x = "[", y = "[";
    for (int i = 0; i < 6000; ++i) {
        x += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
        y += (i ? ",\"k" : "\"k") + std::to_string(i) + "\"";
    }
    const std::string doc = "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"Tid\",\"A\"],\"role\":{\"time\":[\"Tid\"]},"
                            "\"dimension\":{\"Tid\":{\"category\":{\"index\":" + x + "]}},\"A\":{\"category\":{\"index\":" + y +
                            "]}}},\"value\":{}}";
    Diagnostics d;
    const auto t = jsonstat_table(doc, "x.json", {"", ""}, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("the dimensions give more than 1000000 values; a data source holds at most that many", d.all()[0].message);
    EXPECT_TRUE(t.rows.empty());
}

TEST(JsonStatReader, NoMessageShowsLibraryText) {
    const std::vector<std::string> docs{"{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[1]}",
                                        "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"A\"],\"dimension\":{\"A\":[]}}",
                                        "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"A\"],\"dimension\":{\"A\":{\"category\":{\"index\":{\"x\":-1}}}},\"value\":[1]}",
                                        "{\"a\": 1e999}", "{\"a\": [1, 2,]}", dataset(R"({"category":{"index":["x","y"]}})", "[1,2]").substr(0, 80)};
    for (const auto& doc : docs) {
        Diagnostics d;
        jsonstat_table(doc, "x.json", {"", ""}, d);
        ASSERT_TRUE(d.has_errors()) << doc;
        for (const auto& diagnostic : d.all())
            for (const char* library : {"json.exception", "_M_range", "std::", "type must be", "basic_string"})
                EXPECT_EQ(std::string::npos, diagnostic.message.find(library)) << doc << ": " << diagnostic.message;
    }
}

}  // namespace
}  // namespace sats
