// Words from signed values: `{{x.over_under}}`, `{{x.okte_falt}}`, `{{x.hoyere_lavere}}`, … and
// `{{x.abs_over_under}}` ("4,4 % over"), at, above and below the threshold for "equal", for a
// missing value, in nynorsk, and with the project's own words and thresholds from `[words]`.
#include <gtest/gtest.h>

#include "data/catalog.hpp"

namespace sats {
namespace {

/// Differences in percent (rows a…) and kroner (row kr), and two missing ones.
constexpr const char* kDifferences =
    "id;navn;enhet;avvik\n"
    "over;A;prosent;4,4\nunder;B;prosent;-4,4\nnull;C;prosent;0,04\nnegnull;D;prosent;-0,04\n"
    "ved;E;prosent;0,5\nmotved;F;prosent;-0,5\nforbi;G;prosent;0,6\nmotforbi;H;prosent;-0,6\ninnen;I;prosent;0,4\n"
    "kr;J;kr;80\nmangler;K;prosent;..\nhemmelig;L;prosent;:\n";

/// The catalog of a project whose report.toml ends with `extra` (top-level keys first, then
/// tables), over kDifferences; every diagnostic goes to `d`.
DataCatalog catalog_with(const std::string& extra, Diagnostics& d) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"a.md\"]\n" + extra +
                                      "\n[data.t]\nfile = \"data/t.csv\"\nunit_column = \"enhet\"\ntext_columns = [\"navn\", \"enhet\"]\n");
    env.add_file("p/a.md", "# A\n");
    env.add_file("p/data/t.csv", kDifferences);
    const auto manifest = load_manifest(env, "p", d);
    return manifest ? DataCatalog::load(env, *manifest, d) : DataCatalog{};
}

/// The same for a project that must load without a problem.
DataCatalog clean_catalog(const std::string& extra = "") {
    Diagnostics d;
    auto catalog = catalog_with(extra, d);
    for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
    return catalog;
}

/// The text `{{t.<row>.avvik.<suffix>}}` resolves to ("<unknown>" if none, "<flag>" for a flag).
std::string text(const DataCatalog& catalog, const std::string& row, const std::string& suffix) {
    const auto v = catalog.resolve("t." + row + ".avvik." + suffix);
    if (!v) return "<unknown>";
    return std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "<flag>";
}

/// The flag `{{#t.<row>.avvik.<suffix>}}`.
bool flag(const DataCatalog& catalog, const std::string& row, const std::string& suffix) {
    const auto v = catalog.resolve("t." + row + ".avvik." + suffix);
    EXPECT_TRUE(v && std::holds_alternative<bool>(*v)) << row << "." << suffix;
    return v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
}

TEST(ValueWords, EachFormGivesItsBokmalWordOverUnderAndEqual) {
    const auto c = clean_catalog();
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> forms{
        {"over_under", "over", "under", "på linje med"},     {"okte_falt", "økte", "falt", "holdt seg uendret"},
        {"hoyere_lavere", "høyere", "lavere", "like høy"},   {"mer_mindre", "mer", "mindre", "like mye"},
        {"opp_ned", "gikk opp", "gikk ned", "var uendret"},
    };
    for (const auto& [form, over, under, equal] : forms) {
        EXPECT_EQ(over, text(c, "over", form)) << form;
        EXPECT_EQ(under, text(c, "under", form)) << form;
        EXPECT_EQ(equal, text(c, "null", form)) << form << ": 0,04 % is shown as 0,0 %";
        EXPECT_EQ(equal, text(c, "negnull", form)) << form << ": −0,04 % is shown as 0,0 %";
        EXPECT_EQ(over, text(c, "ved", form)) << form << ": without a threshold only 0,0 is equal";
    }
}

TEST(ValueWords, TheNumberWithItsWordHasNoSignAndTheWordAloneWhenEqual) {
    const auto c = clean_catalog();
    EXPECT_EQ("4,4\u00A0% over", text(c, "over", "abs_over_under"));
    EXPECT_EQ("4,4\u00A0% under", text(c, "under", "abs_over_under"));
    EXPECT_EQ("4,4\u00A0% lavere", text(c, "under", "abs_hoyere_lavere"));
    EXPECT_EQ("80 mer", text(c, "kr", "abs_mer_mindre"));
    EXPECT_EQ("på linje med", text(c, "null", "abs_over_under")) << "never '0,0 % på linje med'";
    EXPECT_EQ("holdt seg uendret", text(c, "negnull", "abs_okte_falt"));
}

TEST(ValueWords, AMissingValueHasNoWordAndItsSymbolWithTheNumber) {
    const auto c = clean_catalog();
    for (const auto& [row, symbol] : std::vector<std::pair<std::string, std::string>>{{"mangler", ".."}, {"hemmelig", ":"}}) {
        for (const auto& form : {"over_under", "okte_falt", "hoyere_lavere", "mer_mindre", "opp_ned"}) {
            EXPECT_EQ("", text(c, row, form)) << row << "." << form;
            EXPECT_EQ(symbol, text(c, row, std::string("abs_") + form)) << row << "." << form;
        }
        for (const auto& f : {"over", "under", "lik", "okte", "falt"}) EXPECT_FALSE(flag(c, row, f)) << row << "." << f;
    }
}

TEST(ValueWords, AThresholdPerUnitDecidesEqualAndTheFlagsFollowIt) {
    const auto c = clean_catalog("[words.threshold]\nprosent = 0.5\n");
    EXPECT_EQ("på linje med", text(c, "ved", "over_under")) << "at the threshold";
    EXPECT_EQ("på linje med", text(c, "motved", "over_under")) << "at the threshold, below zero";
    EXPECT_EQ("på linje med", text(c, "innen", "over_under")) << "within the threshold";
    EXPECT_EQ("over", text(c, "forbi", "over_under")) << "past the threshold";
    EXPECT_EQ("under", text(c, "motforbi", "over_under")) << "past the threshold, below zero";
    EXPECT_EQ("0,6\u00A0% over", text(c, "forbi", "abs_over_under"));
    EXPECT_EQ("like høy", text(c, "innen", "abs_hoyere_lavere"));
    EXPECT_TRUE(flag(c, "ved", "lik"));
    EXPECT_FALSE(flag(c, "ved", "over"));
    EXPECT_TRUE(flag(c, "forbi", "over"));
    EXPECT_FALSE(flag(c, "forbi", "lik"));
    EXPECT_TRUE(flag(c, "motforbi", "falt"));
    EXPECT_EQ("mer", text(c, "kr", "mer_mindre")) << "the threshold is for percent only";
    const auto kr = clean_catalog("[words.threshold]\nkr = 80\n");
    EXPECT_EQ("like mye", text(kr, "kr", "mer_mindre")) << "80 kr is at a threshold of 80";
    EXPECT_EQ("over", text(kr, "innen", "over_under")) << "the threshold is for kroner only";
    EXPECT_EQ("mer", text(clean_catalog("[words.threshold]\nkr = 79.9\n"), "kr", "mer_mindre")) << "80 kr is past 79,9";
}

TEST(ValueWords, NynorskHasItsOwnWords) {
    const auto c = clean_catalog("language = \"nn\"\n");
    // row, form, the nynorsk text
    const std::vector<std::tuple<std::string, std::string, std::string>> expected{
        {"over", "over_under", "over"},         {"null", "over_under", "på linje med"},
        {"over", "okte_falt", "auka"},          {"under", "okte_falt", "fall"},
        {"null", "okte_falt", "heldt seg uendra"}, {"over", "hoyere_lavere", "høgare"},
        {"under", "hoyere_lavere", "lågare"},   {"null", "hoyere_lavere", "like høg"},
        {"over", "mer_mindre", "meir"},         {"null", "mer_mindre", "like mykje"},
        {"under", "opp_ned", "gjekk ned"},      {"under", "abs_hoyere_lavere", "4,4\u00A0% lågare"},
    };
    for (const auto& [row, form, words] : expected) EXPECT_EQ(words, text(c, row, form)) << row << "." << form;
}

TEST(ValueWords, AProjectWordReplacesTheDefaultAndKeepsTheOthers) {
    const auto c = clean_catalog("language = \"nn\"\n[words.over_under]\nlik = \"om lag som\"\n[words.okte_falt]\nover = \"steig\"\n");
    EXPECT_EQ("om lag som", text(c, "null", "over_under"));
    EXPECT_EQ("om lag som", text(c, "null", "abs_over_under"));
    EXPECT_EQ("over", text(c, "over", "over_under")) << "not overridden";
    EXPECT_EQ("4,4\u00A0% steig", text(c, "over", "abs_okte_falt"));
    EXPECT_EQ("fall", text(c, "under", "okte_falt")) << "not overridden: still nynorsk";
}

TEST(ValueWords, MistakesInTheWordsTableAreReportedWithAHint) {
    Diagnostics d;
    catalog_with("[words.threshold]\nprosnet = 0.5\nkr = -1\n[words.over_undr]\nlik = \"x\"\n[words.okte_falt]\nlikt = \"x\"\n", d);
    std::vector<std::string> lines;
    for (const auto& diagnostic : d.all()) lines.push_back(diagnostic.headline() + " | " + diagnostic.hint);
    ASSERT_EQ(4u, lines.size()) << ::testing::PrintToString(lines);
    const auto has = [&](const std::string& message, const std::string& hint) {
        return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.find(message) != std::string::npos && l.find(hint) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("unknown key 'prosnet'", "prosent")) << ::testing::PrintToString(lines);
    EXPECT_TRUE(has("threshold for 'kr' must be 0 or more", "")) << ::testing::PrintToString(lines);
    EXPECT_TRUE(has("unknown key 'over_undr'", "over_under")) << ::testing::PrintToString(lines);
    EXPECT_TRUE(has("unknown key 'likt'", "lik")) << ::testing::PrintToString(lines);
}

TEST(ValueWords, ANearMissOfAWordSuffixSuggestsIt) {
    const auto c = clean_catalog();
    EXPECT_FALSE(c.resolve("t.over.avvik.over_unde"));
    EXPECT_EQ("t.over.avvik.over_under", c.nearest("t.over.avvik.over_unde"));
    EXPECT_EQ("t.over.avvik.abs_okte_falt", c.nearest("t.over.avvik.abs_okte_fal"));
}

}  // namespace
}  // namespace sats
