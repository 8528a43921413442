// Norwegian typography on text runs: hyphenation only where the Norwegian patterns belong
// (not in links, not in text marked as another language), numbers kept with their units.
#include <gtest/gtest.h>

#include "layout/hyphenator.hpp"
#include "layout/typography.hpp"

namespace sats {
namespace {

const std::string soft_hyphen = "\u00AD";

const Hyphenator& norwegian() {
    static const Hyphenator h("/usr/share/hyphen/hyph_nb_NO.dic");
    return h;
}

/// The text of `run` after the typography of a paragraph holding only it.
std::string typeset(const TextRun& run) {
    const Inlines out = apply_typography({run}, &norwegian());
    std::string text;
    for (const auto& r : out) text += r.text;
    return text;
}

TEST(Typography, NorwegianTextIsHyphenated) {
    EXPECT_NE(std::string::npos, typeset({.text = "driftsutgifter"}).find(soft_hyphen));
    EXPECT_NE(std::string::npos, typeset({.text = "driftsutgifter", .lang = "nn-NO"}).find(soft_hyphen));
}

TEST(Typography, LinksAreNotHyphenated) {
    EXPECT_EQ("driftsutgifter", typeset({.text = "driftsutgifter", .link = "https://ssb.no/driftsutgifter"}));
}

TEST(Typography, TextInEnglishIsNotHyphenatedWithNorwegianPatterns) {
    EXPECT_EQ("Cooperating Large Municipalities driftsutgifter",
              typeset({.text = "Cooperating Large Municipalities driftsutgifter", .lang = "en"}));
}

TEST(Typography, NumbersStayWithTheirUnitsAndGroups) {
    EXPECT_EQ("6\u00A0040\u00A0kr og 5,4\u00A0%", typeset({.text = "6 040 kr og 5,4 %"}));
}

}  // namespace
}  // namespace sats
