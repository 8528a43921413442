#include <gtest/gtest.h>

#include "content/manifest.hpp"

namespace sats {
namespace {

TEST(Manifest, ReadsEveryKey) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", R"(title = "T"
subtitle = "S"
municipality = "Bærum kommune"
year = 2025
date = "2025-11-24"
chapters = ["a.md"]
[data.t]
file = "data/t.csv"
unit = "kr"
column.andel = { unit = "prosent", decimals = 1 }
[[data.t.computed]]
column = "andel"
op = "share"
of = "x"
total_row = "totalt"
[values]
v = { op = "diff", of = "t.a.x", ref = "t.b.x" }
)");
    env.add_file("p/a.md", "# A\n");
    Diagnostics d;
    const auto m = load_manifest(env, "p", d);
    ASSERT_TRUE(m);
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ("Bærum kommune", m->municipality);
    EXPECT_EQ(2025, m->year);
    ASSERT_EQ(1u, m->data.size());
    EXPECT_EQ("kr", m->data[0].unit);
    EXPECT_EQ(1, m->data[0].columns.at("andel").decimals);
    ASSERT_EQ(1u, m->data[0].computed.size());
    EXPECT_EQ("totalt", m->data[0].computed[0].total_row);
    ASSERT_EQ(1u, m->values.size());
    EXPECT_EQ("t.b.x", m->values[0].ref);
}

TEST(Manifest, ReportsAllProblemsTogether) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "titel = \"T\"\nmunicipality = \"B\"\nyear = \"2025\"\nchapters = [\"mangler.md\"]\n");
    Diagnostics d;
    load_manifest(env, "p", d);
    std::vector<std::string> lines;
    for (const auto& x : d.all()) lines.push_back(x.headline());
    EXPECT_EQ((std::vector<std::string>{
                  "p/report.toml:1:1: error: missing required key 'title'",
                  "p/report.toml:3:1: error: 'year' must be a whole number",
                  "p/report.toml:4:1: error: chapter file 'mangler.md' does not exist",
                  "p/report.toml:1:1: error: unknown key 'titel'",
              }),
              lines);
    EXPECT_EQ("did you mean 'title'?", d.all().back().hint);
}

TEST(Manifest, SyntaxErrorHasLineAndColumn) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nyear = = 3\n");
    Diagnostics d;
    EXPECT_FALSE(load_manifest(env, "p", d));
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(2, d.all()[0].where.line);
    EXPECT_EQ("p/report.toml", d.all()[0].where.file);
}

TEST(Manifest, MissingManifest) {
    MemoryEnvironment env;
    Diagnostics d;
    EXPECT_FALSE(load_manifest(env, "p", d));
    EXPECT_EQ("p/report.toml: error: cannot read the manifest: no report.toml in p", d.all().at(0).headline());
}

}  // namespace
}  // namespace sats

namespace sats {
namespace {

TEST(Environment, MemoryEnvironmentReadsBackWhatWasWritten) {
    MemoryEnvironment env;
    EXPECT_FALSE(env.read_file("ut/a.pdf"));
    EXPECT_FALSE(env.write_file("ut/../ut/a.pdf", "%PDF"));
    EXPECT_EQ("%PDF", env.read_file("ut/a.pdf").value_or(""));
}

TEST(Environment, ContentPathsStayInsideTheProject) {
    EXPECT_TRUE(stays_inside("data/t.csv"));
    EXPECT_TRUE(stays_inside("data/../t.csv"));
    EXPECT_FALSE(stays_inside("../t.csv"));
    EXPECT_FALSE(stays_inside("data/../../t.csv"));
    EXPECT_FALSE(stays_inside("/etc/passwd"));
}

}  // namespace
}  // namespace sats
