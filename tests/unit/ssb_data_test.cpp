// SSB data as it is downloaded (tests/fixtures/ssb/, described in expected.json): every shape is
// read through a data source of the manifest, and every cell, symbol, code and unit is checked.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "data/catalog.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

using json = nlohmann::json;

const auto fixtures = test::source_dir() / "tests" / "fixtures" / "ssb";

/// A project whose manifest ends with `sources`, with the fixture `file` at data/<file>.
std::unique_ptr<MemoryEnvironment> project(const std::string& sources, const std::string& file = "", const std::string& bytes = "") {
    auto env = std::make_unique<MemoryEnvironment>();
    env->add_file("p/report.toml", "title = \"T\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"a.md\"]\n" + sources);
    env->add_file("p/a.md", "# A\n");
    if (!file.empty()) env->add_file("p/data/" + file, bytes.empty() ? test::read(fixtures / file) : bytes);
    return env;
}

/// The catalog of `env`'s project; its diagnostics in `d`.
DataCatalog load(const MemoryEnvironment& env, Diagnostics& d) {
    const auto manifest = load_manifest(env, "p", d);
    if (!manifest) return {};
    return DataCatalog::load(env, *manifest, d);
}

/// The category of `dimension` in `expected` that `code` is, as the file writes it: its code,
/// or its label where the file has only texts.
std::string as_written(const json& expected, const std::string& dimension, const std::string& code) {
    const bool texts = expected.contains("categories_in_file") && expected["categories_in_file"][dimension] == "text";
    for (const auto& d : expected["dimensions"])
        if (d["id"] == dimension)
            for (const auto& c : d["categories"])
                if (c["code"] == code) return texts ? c["label"].get<std::string>() : code;
    return code;
}

TEST(SsbData, EveryFixtureIsReadWithItsValuesSymbolsCodesAndUnits) {
    const auto expected_files = json::parse(test::read(fixtures / "expected.json"));
    ASSERT_GE(expected_files.size(), 8u);
    for (const auto& [file, expected] : expected_files.items()) {
        SCOPED_TRACE(file);
        // One data source per contents variable; the rows and columns by the names the file
        // uses (the time as `år` in every shape).
        std::string sources;
        const auto& units = expected["units"];
        std::map<std::string, std::string> source_of;
        std::string region = "region";
        if (expected.contains("header") && !expected["header"].empty() && expected["header"][0] != "region")
            region = expected["header"][0].get<std::string>();
        int n = 0;
        for (const auto& [contents, unit] : units.items()) {
            const std::string name = "s" + std::to_string(++n);
            source_of[contents] = name;
            sources += "[data." + name + "]\nfile = \"data/" + file + "\"\nrows = \"" + region + "\"\ncolumns = \"år\"\n" +
                       "select = { statistikkvariabel = \"" + as_written(expected, "ContentsCode", contents) + "\" }\n";
            if (!unit["in_file"].get<bool>())
                sources += std::string("unit = \"") + (unit["base"] == "kr" ? "kr" : "prosent") + "\"\ndecimals = " +
                           std::to_string(unit["decimals"].get<int>()) + "\n";
        }
        const auto env = project(sources, file);
        Diagnostics d;
        const auto catalog = load(*env, d);
        for (const auto& diagnostic : d.all())
            if (diagnostic.severity == Severity::error) ADD_FAILURE() << diagnostic.headline();
        std::set<std::string> symbols;
        for (const auto& cell : expected["cells"]) {
            const std::string region_code = cell["region"], contents = cell["contents"], year = cell["year"];
            const auto reference = source_of[contents] + "." + region_code + "." + year;
            const auto v = catalog.value(reference);
            ASSERT_TRUE(v) << reference;
            if (cell.contains("symbol")) {
                EXPECT_FALSE(v->number) << reference;
                EXPECT_EQ(cell["symbol"].get<std::string>(), v->missing_mark) << reference;
                symbols.insert(v->missing_mark);
            } else {
                ASSERT_TRUE(v->number) << reference << " is " << v->format();
                EXPECT_NEAR(cell["value"].get<double>(), *v->number, 1e-9) << reference;
            }
            const auto& unit = units[contents];
            EXPECT_EQ(unit["base"] == "kr" ? Unit::kr : Unit::percent, v->unit) << reference;
            EXPECT_EQ(unit["decimals"].get<int>(), v->decimals) << reference;
        }
        EXPECT_EQ(expected["symbols"].get<std::set<std::string>>(), symbols);
        // Codes keep their leading zeros (`0301`), and a region is also found by its name where
        // the file gives names.
        const auto* table = catalog.table(source_of.begin()->second);
        ASSERT_TRUE(table);
        const auto& regions = expected["dimensions"][0]["categories"];
        const bool named = !expected.contains("categories_in_file") || expected["categories_in_file"].begin().value() != "code";
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const std::string code = regions[r]["code"], label = regions[r]["label"];
            EXPECT_EQ(static_cast<int>(r), table->row_index(code));
            EXPECT_EQ(named ? static_cast<int>(r) : -1, table->row_index(label));
            EXPECT_EQ(named ? static_cast<int>(r) : -1, table->row_index(code + " " + label));
        }
    }
}

TEST(SsbData, PerCategoryUnitsOfTheFileWinOverTheSourcesDefaultUnit) {
    // The source says kr for everything; the file says the share is in percent with one decimal.
    const auto env = project("[data.s]\nfile = \"data/12362-jsonstat2.json\"\nunit = \"kr\"\nrows = \"region\"\ncolumns = \"ContentsCode\"\n"
                             "select = { Tid = 2024 }\n",
                             "12362-jsonstat2.json");
    Diagnostics d;
    const auto catalog = load(*env, d);
    ASSERT_FALSE(d.has_errors()) << d.all().front().headline();
    EXPECT_EQ("2,3\u00A0%", catalog.value("s.3201.KOSnettodriftsr0000")->format());
    EXPECT_EQ("84\u00A0129", catalog.value("s.3201.KOSbelopinnbygg0000")->format());
    const auto* t = catalog.table("s");
    EXPECT_EQ("Netto driftsutgifter per innbygger (kr)", t->column_labels[static_cast<std::size_t>(t->column_index("KOSbelopinnbygg0000"))]);
}

/// The errors `sources` gives with the fixture `file`, each as "line:column: message" and its hint.
std::vector<std::string> errors(const std::string& sources, const std::string& file) {
    const auto env = project(sources, file);
    Diagnostics d;
    load(*env, d);
    std::vector<std::string> out;
    for (const auto& diagnostic : d.all())
        if (diagnostic.severity == Severity::error)
            out.push_back(std::to_string(diagnostic.where.line) + ":" + std::to_string(diagnostic.where.column) + ": " + diagnostic.message +
                          " | " + diagnostic.hint);
    return out;
}

TEST(SsbData, AMisnamedDimensionCategoryOrRegionIsAnErrorAtItsKeyListingTheChoicesClosestFirst) {
    const std::string head = "[data.s]\nfile = \"data/12362-jsonstat2.json\"\n";
    EXPECT_EQ((std::vector<std::string>{
                  "7:1: 'rows' names 'Regoin', which is not a dimension of the data file | its dimensions: "
                  "KOKkommuneregion0000 (region), Tid (år), ContentsCode (statistikkvariabel)"}),
              errors(head + "rows = \"Regoin\"\nselect = { ContentsCode = \"KOSbelopinnbygg0000\" }\n", "12362-jsonstat2.json"));
    EXPECT_EQ((std::vector<std::string>{
                  "8:12: dimension 'ContentsCode' has no category 'KOSbelopinnbygg000' | 'ContentsCode' has: KOSbelopinnbygg0000 (Netto "
                  "driftsutgifter per innbygger (kr)), KOSnettolaanegj0000 (Netto lånegjeld i prosent av brutto driftsinntekter), "
                  "KOSnettodriftsr0000 (Netto driftsresultat i prosent av brutto driftsinntekter)"}),
              errors(head + "rows = \"region\"\nselect = { ContentsCode = \"KOSbelopinnbygg000\" }\n", "12362-jsonstat2.json"));
    // Without a select, the dimension with several categories is named with its choices.
    const auto missing = errors(head + "rows = \"region\"\n", "12362-jsonstat2.json");
    ASSERT_EQ(1u, missing.size());
    EXPECT_EQ(0u, missing[0].find("5:1: dimension 'ContentsCode' (statistikkvariabel) has 3 categories; choose one with select")) << missing[0];
}

TEST(SsbData, ARegionNotInTheDataIsHintedWithTheCodeOfTheSameDigitsFirst) {
    const auto env = project("[data.s]\nfile = \"data/12362-jsonstat2.json\"\nselect = { ContentsCode = \"KOSbelopinnbygg0000\" }\n"
                             "[values.x]\nop = \"sum\"\nof = [\"s.301.2024\"]\n",
                             "12362-jsonstat2.json");
    Diagnostics d;
    load(*env, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("data source 's' has no row '301'", d.all()[0].message);
    EXPECT_EQ(0u, d.all()[0].hint.find("its rows: 0301 (Oslo), ")) << d.all()[0].hint;
}

TEST(SsbData, SymbolsKeepTheirMeaningThroughComputationsUnlessMissingOnesAreSkipped) {
    const std::string csv = "id;navn;2024\na;A;10\nb;B;:\nc;C;-\nd;D;20\n";
    const auto env = project("[data.t]\nfile = \"data/t.csv\"\n"
                             "[values.sum]\nop = \"sum\"\nof = [\"t.*.2024\"]\n"
                             "[values.sum_skip]\nop = \"sum\"\nof = [\"t.*.2024\"]\nskip_missing = true\n"
                             "[values.mean_skip]\nop = \"mean\"\nof = [\"t.*.2024\"]\nskip_missing = true\n"
                             "[values.nil_plus]\nop = \"sum\"\nof = [\"t.a.2024\", \"t.c.2024\"]\n",
                             "t.csv", csv);
    Diagnostics d;
    const auto catalog = load(*env, d);
    ASSERT_FALSE(d.has_errors()) << d.all().front().headline();
    EXPECT_EQ(":", catalog.value("sum")->format()) << "a sum over a suppressed value is suppressed";
    EXPECT_EQ("30,0", catalog.value("sum_skip")->format()) << "10 + nil (0) + 20";
    EXPECT_EQ("10,0", catalog.value("mean_skip")->format()) << "(10 + 0 + 20) / 3: nil is a zero";
    EXPECT_EQ("10,0", catalog.value("nil_plus")->format());
    EXPECT_EQ("-", catalog.value("t.c.2024")->format());
}

}  // namespace
}  // namespace sats
