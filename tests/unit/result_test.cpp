// A step's Result holds what it made or the located errors that kept it from making it; the
// converted steps (charts, tables, computed values) report at the key that is wrong and make
// nothing half-built.
#include <gtest/gtest.h>

#include "content/markdown.hpp"
#include "core/environment.hpp"
#include "core/result.hpp"
#include "data/catalog.hpp"
#include "data/chart_builder.hpp"
#include "data/table_builder.hpp"

namespace sats {
namespace {

/// The one-line forms of `errors`.
std::vector<std::string> headlines(const Errors& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.headline());
    return out;
}

TEST(Result, HoldsTheValueOnSuccess) {
    Result<int> r = 7;
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(7, r.value());
    EXPECT_TRUE(r.errors().empty());
    Diagnostics sink;
    EXPECT_EQ(7, std::move(r).report(sink));
    EXPECT_TRUE(sink.all().empty());
}

TEST(Result, HoldsEveryErrorOnFailureAndReportsThemInOrder) {
    Result<int> r = Errors{error_at({"a.md", 2, 3}, "first"), error_at({"a.md", 4, 1}, "second", "a hint")};
    ASSERT_FALSE(r.ok());
    EXPECT_EQ((std::vector<std::string>{"a.md:2:3: error: first", "a.md:4:1: error: second"}), headlines(r.errors()));
    Diagnostics sink;
    sink.warning({"b.md", 1, 1}, "before");
    EXPECT_FALSE(std::move(r).report(sink));
    ASSERT_EQ(3u, sink.all().size());
    EXPECT_EQ("a.md:2:3: error: first", sink.all()[1].headline());
    EXPECT_EQ("a hint", sink.all()[2].hint);
    EXPECT_TRUE(sink.has_errors());
}

TEST(Result, CollectAppendsTheErrorsToAList) {
    Errors errors{error_at({"a.md", 1, 1}, "earlier")};
    EXPECT_EQ(5, Result<int>(5).collect(errors));
    EXPECT_FALSE(Result<int>(error_at({"a.md", 9, 2}, "later")).collect(errors));
    EXPECT_EQ((std::vector<std::string>{"a.md:1:1: error: earlier", "a.md:9:2: error: later"}), headlines(errors));
}

TEST(Result, AlreadyReportedFailsWithoutANewError) {
    auto r = Result<std::string>::already_reported();
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.errors().empty());
    Diagnostics sink;
    EXPECT_FALSE(std::move(r).report(sink));
    EXPECT_TRUE(sink.all().empty());
}

/// A project with data source "t" (rows a and b, years 2023 and 2024) and the given `[values]`.
class ConvertedSteps : public ::testing::Test {
protected:
    void load(const std::string& values = "") {
        env_.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"M\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                       "[data.t]\nfile = \"data/t.csv\"\n[values]\n" + values);
        env_.add_file("p/a.md", "# A\n");
        env_.add_file("p/data/t.csv", "id;navn;2023;2024\na;A;1;2\nb;B;2;3\n");
        manifest_ = load_manifest(env_, "p", diagnostics_);
        ASSERT_TRUE(manifest_);
        catalog_ = DataCatalog::load(env_, *manifest_, diagnostics_);
    }

    /// The first block of `fence` (a fenced block, lines from 1) parsed as chapter "k.md".
    Block block(const std::string& fence) {
        RenderedText text{fence, {}};
        for (int i = 1; i <= 20; ++i) text.source_lines.push_back(i);
        auto chapter = parse_markdown(text, "k.md", diagnostics_);
        EXPECT_FALSE(diagnostics_.has_errors());
        return chapter.blocks.at(0);
    }

    /// The table the ```table block `fence` asks for.
    Result<Table> table(const std::string& fence) { return build_table(std::get<DataTableRequest>(block(fence).content), catalog_); }

    MemoryEnvironment env_;
    Diagnostics diagnostics_;
    std::optional<Manifest> manifest_;
    DataCatalog catalog_;
};

TEST_F(ConvertedSteps, AChartWithUnknownRowsReportsEachAtItsKeyAndIsNotBuilt) {
    load();
    const auto request = std::get<ChartRequest>(
        block("```chart\ntype = \"line\"\ndata = \"t\"\nseries = [\"a\", \"x\", \"y\"]\nlabels = [\"A\"]\n```\n").content);
    const auto chart = build_chart(request, catalog_);
    ASSERT_FALSE(chart.ok());
    // Both unknown rows, at `series` (line 4); nothing about the labels of a chart never built.
    EXPECT_EQ((std::vector<std::string>{"k.md:4:1: error: data source 't' has no row 'x'",
                                        "k.md:4:1: error: data source 't' has no row 'y'"}),
              headlines(chart.errors()));
}

TEST_F(ConvertedSteps, ATableWithAnUnknownColumnIsReportedAtColumnsAndNotBuilt) {
    load();
    const auto request =
        std::get<DataTableRequest>(block("```table\ndata = \"t\"\nrows = [\"a\"]\ncolumns = [\"navn\", \"2025\"]\n```\n").content);
    const auto table = build_table(request, catalog_);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ((std::vector<std::string>{"k.md:4:1: error: data source 't' has no column '2025'"}), headlines(table.errors()));
}

TEST_F(ConvertedSteps, ATableWhoseLevelsNameATextColumnIsReportedWithAColumnOfLevels) {
    load();
    const auto errors = table("```table\ndata = \"t\"\ncolumns = [\"navn\", \"2023\"]\nlevels = \"navn\"\n```\n").errors();
    ASSERT_EQ(1u, errors.size());
    EXPECT_EQ(4, errors[0].where.line);
    EXPECT_EQ("did you mean '2023'?", errors[0].hint);  // 1 and 2 are levels
}

TEST_F(ConvertedSteps, ATableHasEachGroupRowAndEachRowsLevel) {
    load();
    const auto built = table("```table\ndata = \"t\"\ncolumns = [\"navn\", \"2023\", \"2024\"]\nlevels = \"2024\"\n"
                             "groups = [[[\"\", 1], [\"År\", 2]], [[\"\", 1], [\"Første\", 1], [\"Andre\", 1]]]\n```\n");
    ASSERT_TRUE(built.ok());
    ASSERT_EQ(3u, built->header.size());  // two rows of groups, then the headings
    EXPECT_EQ(2, built->header[0].cells[1].span);
    EXPECT_EQ("Andre", plain_text(built->header[1].cells[2].text));
    EXPECT_EQ(2, built->body[0].level);
    EXPECT_EQ(3, built->body[1].level);
    EXPECT_EQ("tall", built->body[0].cells[1].group);  // numbers line up by unit
    EXPECT_EQ("", built->body[0].cells[0].group);
}

TEST_F(ConvertedSteps, AValueWithABadOperandIsReportedAtOfAndLeftOut) {
    load("ok = { op = \"diff\", of = \"t.a.2024\", ref = \"t.a.2023\" }\n"
         "bad = { op = \"sum\", of = [\"t.a.2024\", \"t.c.2024\"] }\n"
         "uses_bad = { op = \"diff\", of = \"bad\", ref = \"ok\" }\n");
    std::vector<std::string> lines;
    for (const auto& d : diagnostics_.all()) lines.push_back(d.headline());
    // One error, at the `of` of `bad` (line 9, column 21); `uses_bad` adds none of its own.
    EXPECT_EQ((std::vector<std::string>{"p/report.toml:9:21: error: data source 't' has no row 'c'"}), lines);
    EXPECT_TRUE(catalog_.value("ok"));
    EXPECT_FALSE(catalog_.value("bad"));  // not a sum of the operands that were found
    EXPECT_FALSE(catalog_.value("uses_bad"));
    EXPECT_TRUE(catalog_.already_reported("uses_bad"));
}

}  // namespace
}  // namespace sats
