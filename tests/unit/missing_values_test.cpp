// SSB's symbols for cells without a number are read as missing values that keep their symbol,
// in number columns, without an error.
#include <gtest/gtest.h>

#include "data/catalog.hpp"

namespace sats {
namespace {

TEST(MissingValues, EachSsbSymbolIsAMissingValueThatKeepsItsSymbol) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                  "[data.t]\nfile = \"data/t.csv\"\nunit = \"kr\"\n");
    env.add_file("p/a.md", "# A\n");
    env.add_file("p/data/t.csv", "id;navn;2024\nikke_tilgjengelig;A;..\nkonfidensielt;B;:\nikke_mulig;C;.\ntomt;D;\ntall;E;12\n");
    Diagnostics d;
    const auto manifest = load_manifest(env, "p", d);
    ASSERT_TRUE(manifest);
    const auto catalog = DataCatalog::load(env, *manifest, d);
    for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
    for (const auto& [row, symbol] : std::vector<std::pair<std::string, std::string>>{
             {"ikke_tilgjengelig", ".."}, {"konfidensielt", ":"}, {"ikke_mulig", "."}, {"tomt", ".."}}) {
        const auto v = catalog.value("t." + row + ".2024");
        ASSERT_TRUE(v) << row;
        EXPECT_FALSE(v->number) << row << " is not a number";
        EXPECT_EQ(symbol, v->format()) << row;
    }
    EXPECT_EQ(12, catalog.value("t.tall.2024")->number);
}

}  // namespace
}  // namespace sats
