// SSB's symbols for cells without a number are read as missing values that keep their symbol,
// in number columns, without an error; a blank cell is missing and printed as nothing. Rows may
// give their own unit and decimals; a text column left out of text_columns is one error.
#include <gtest/gtest.h>

#include "data/catalog.hpp"

namespace sats {
namespace {

/// The catalog of a project whose source `t` is declared by `source` (keys after `file`) and
/// holds `csv`; its diagnostics in `d`.
DataCatalog load(const std::string& source, const std::string& csv, Diagnostics& d) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                  "[data.t]\nfile = \"data/t.csv\"\n" + source);
    env.add_file("p/a.md", "# A\n");
    env.add_file("p/data/t.csv", csv);
    const auto manifest = load_manifest(env, "p", d);
    EXPECT_TRUE(manifest);
    return manifest ? DataCatalog::load(env, *manifest, d) : DataCatalog{};
}

/// The same, for a project that must load without a problem: each one is a failure.
DataCatalog load_cleanly(const std::string& source, const std::string& csv) {
    Diagnostics d;
    auto catalog = load(source, csv, d);
    for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
    return catalog;
}

TEST(MissingValues, EachSsbSymbolIsAMissingValueThatKeepsItsSymbol) {
    const auto catalog = load_cleanly("unit = \"kr\"\n", "id;navn;2024\nikke_tilgjengelig;A;..\nkonfidensielt;B;:\nikke_mulig;C;.\ntomt;D;\n"
                                                  "null;F;-\ntall;E;12\n");
    for (const auto& [row, symbol] : std::vector<std::pair<std::string, std::string>>{
             {"ikke_tilgjengelig", ".."}, {"konfidensielt", ":"}, {"ikke_mulig", "."}, {"tomt", ""}, {"null", "-"}}) {
        const auto v = catalog.value("t." + row + ".2024");
        ASSERT_TRUE(v) << row;
        EXPECT_FALSE(v->number) << row << " is not a number";
        EXPECT_EQ(symbol, v->format()) << row;
    }
    EXPECT_EQ(12, catalog.value("t.tall.2024")->number);
    EXPECT_TRUE(catalog.value("t.tomt.2024")->blank());
    EXPECT_FALSE(catalog.value("t.tomt.2024")->amount()) << "a blank cell is missing, not 0";
    EXPECT_EQ(0, catalog.value("t.null.2024")->amount()) << "nil counts as 0";
    EXPECT_EQ("..", std::get<std::string>(*catalog.resolve("t.tomt.2024"))) << "prose never shows a blank";
}

TEST(MissingValues, AComputationOverABlankCellIsNotAvailable) {
    const auto catalog = load_cleanly("unit = \"kr\"\n[[data.t.computed]]\ncolumn = \"sum\"\nop = \"sum\"\nof = [\"2023\", \"2024\"]\n",
                              "id;navn;2023;2024\na;A;5;\nb;B;5;-\n");
    EXPECT_EQ("..", catalog.value("t.a.sum")->format());
    EXPECT_EQ(5, catalog.value("t.b.sum")->number);
}

TEST(MissingValues, RowsGiveTheirOwnUnitAndDecimals) {
    const auto catalog = load_cleanly("unit_column = \"enhet\"\ndecimals_column = \"desimaler\"\ndecimals = 1\n",
                              "id;navn;enhet;desimaler;2024\nkr;A;kr;0;86040\nandel;B;prosent;;47,94\nresultat;C;prosent;2;-0,417\n");
    EXPECT_EQ("86\u00A0040", catalog.value("t.kr.2024")->format());
    EXPECT_EQ("47,9\u00A0%", catalog.value("t.andel.2024")->format()) << "no row decimals: the source's";
    EXPECT_EQ("\u22120,42\u00A0%", catalog.value("t.resultat.2024")->format());
}

TEST(MissingValues, ATextColumnLeftOutOfTextColumnsIsOneErrorAtTheManifest) {
    Diagnostics d;
    load("unit = \"kr\"\n", "id;navn;2024;status\na;A;1;Pågående\nb;B;2;Vedtatt\nc;C;3;Pågående\nd;D;4;\n", d);
    ASSERT_EQ(1u, d.all().size());
    const auto& error = d.all()[0];
    EXPECT_TRUE(error.where.file.ends_with("report.toml")) << error.where.file;
    EXPECT_EQ(5, error.where.line);  // [data.t]
    EXPECT_NE(std::string::npos, error.message.find("'status'"));
    EXPECT_EQ("add it to the text columns: text_columns = [\"navn\", \"status\"]", error.hint);
}

TEST(MissingValues, ATextCellInANumberColumnIsReportedAtTheCell) {
    Diagnostics d;
    load("unit = \"kr\"\n", "id;navn;2024\na;A;1\nb;B;ikke oppgitt\nc;C;3\n", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_TRUE(d.all()[0].where.file.ends_with("t.csv")) << d.all()[0].where.file;
    EXPECT_EQ(3, d.all()[0].where.line);
}

}  // namespace
}  // namespace sats
