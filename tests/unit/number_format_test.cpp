// Norwegian number formatting, written as a specification.
#include <gtest/gtest.h>

#include "core/number_format.hpp"
#include "data/value.hpp"

namespace sats {
namespace {

const std::string nbsp = "\u00A0";
const std::string minus = "\u2212";

TEST(NumberFormat, GroupsThousandsWithNoBreakSpace) {
    EXPECT_EQ("6" + nbsp + "040", format_number(6040));
    EXPECT_EQ("84" + nbsp + "225", format_number(84225));
    EXPECT_EQ("1" + nbsp + "234" + nbsp + "567", format_number(1234567));
    EXPECT_EQ("999", format_number(999));
    EXPECT_EQ("1" + nbsp + "000", format_number(999.5));
}

TEST(NumberFormat, UsesDecimalComma) {
    EXPECT_EQ("5,4", format_number(5.4, 1));
    EXPECT_EQ("135,4", format_number(135.4, 1));
    EXPECT_EQ("2,50", format_number(2.5, 2));
    EXPECT_EQ("100,0", format_number(100, 1));
}

TEST(NumberFormat, WritesRealMinusSign) {
    EXPECT_EQ(minus + "52,3", format_number(-52.3, 1));
    EXPECT_EQ(minus + "4" + nbsp + "836", format_number(-4836));
    EXPECT_EQ(minus + "0,7", format_number(-0.7, 1));
}

TEST(NumberFormat, ZeroHasNoSign) {
    EXPECT_EQ("0", format_number(0));
    EXPECT_EQ("0,0", format_number(-0.0, 1));
    EXPECT_EQ("0,0", format_number(-0.04, 1));  // rounds to zero: no "−0,0"
    EXPECT_EQ("0", format_number(-0.4));
}

TEST(NumberFormat, RoundsHalfAwayFromZero) {
    EXPECT_EQ("0,1", format_number(0.05, 1));
    EXPECT_EQ(minus + "0,1", format_number(-0.05, 1));
    EXPECT_EQ("0,2", format_number(0.15, 1));   // 0.15 is 0.1499999… in binary; written as 0,15
    EXPECT_EQ("2,7", format_number(2.65, 1));
    EXPECT_EQ("3", format_number(2.5));
    EXPECT_EQ(minus + "3", format_number(-2.5));
    EXPECT_EQ("1,00", format_number(0.995, 2));
    EXPECT_EQ("10" + nbsp + "000", format_number(9999.5));
    EXPECT_DOUBLE_EQ(0.2, round_half_away(0.15, 1));
    EXPECT_DOUBLE_EQ(-58.5, round_half_away(-58.54545, 1));
}

TEST(NumberFormat, Percentages) {
    EXPECT_EQ("5,4" + nbsp + "%", format_percent(5.4));
    EXPECT_EQ("19,6" + nbsp + "%", format_percent(16494.0 / 84225.0 * 100));
    EXPECT_EQ(minus + "0,7" + nbsp + "%", format_percent(-0.7));
    EXPECT_EQ("100" + nbsp + "%", format_percent(100, 0));
}

TEST(NumberFormat, LargeNumbers) {
    EXPECT_EQ("12" + nbsp + "345" + nbsp + "678" + nbsp + "901", format_number(12345678901.0));
    EXPECT_EQ("1" + nbsp + "000" + nbsp + "000" + nbsp + "000" + nbsp + "000" + nbsp + "000" + nbsp + "000", format_number(1e18));
}

TEST(NumberFormat, YearsAndCodesAreNeverGrouped) {
    EXPECT_EQ("2024", format_code(2024));
    EXPECT_EQ("120", format_code(120));
    EXPECT_EQ("3201", format_code(3201));
    Value year;
    year.number = 2024;
    year.unit = Unit::year;
    EXPECT_EQ("2024", year.format());
}

TEST(NumberFormat, PlusSignForChanges) {
    NumberStyle style;
    style.decimals = 1;
    style.plus_sign = true;
    EXPECT_EQ("+2,2", format_number(2.2, style));
    EXPECT_EQ(minus + "2,2", format_number(-2.2, style));
    EXPECT_EQ("0,0", format_number(0.0, style));
}

TEST(Values, MissingValuesPrintAsSsbDoes) {
    Value v;
    v.unit = Unit::kr;
    EXPECT_EQ("..", v.format());
    v.missing_mark = ":";
    EXPECT_EQ(":", v.format());
    EXPECT_EQ(0, v.shown_sign());
}

TEST(Values, FormatByUnit) {
    Value kr{6040.0, "..", Unit::kr, 0};
    EXPECT_EQ("6" + nbsp + "040", kr.format());
    Value pct{5.44, "..", Unit::percent, 1};
    EXPECT_EQ("5,4" + nbsp + "%", pct.format());
    Value pp{-2.25, "..", Unit::points, 1};
    EXPECT_EQ(minus + "2,3", pp.format());
    EXPECT_EQ("2,3", pp.magnitude().format());
}

TEST(Values, ShownSignFollowsRounding) {
    EXPECT_EQ(0, (Value{0.04, "..", Unit::percent, 1}).shown_sign());
    EXPECT_EQ(1, (Value{0.05, "..", Unit::percent, 1}).shown_sign());
    EXPECT_EQ(-1, (Value{-0.05, "..", Unit::percent, 1}).shown_sign());
}

TEST(ParseNumber, ReadsWhatPeopleWrite) {
    EXPECT_EQ(6040, parse_number("6040"));
    EXPECT_EQ(6040, parse_number("6 040"));
    EXPECT_EQ(6040, parse_number("6\u00A0040"));
    EXPECT_EQ(-0.7, parse_number("-0,7"));
    EXPECT_EQ(-52.3, parse_number("\u221252,3"));
    EXPECT_EQ(5.4, parse_number("5.4"));
    EXPECT_EQ(5.4, parse_number(" 5,4 "));
    EXPECT_FALSE(parse_number("5,4", false));
    EXPECT_FALSE(parse_number("abc"));
    EXPECT_FALSE(parse_number("1,2,3"));
    EXPECT_FALSE(parse_number("12kr"));
    EXPECT_FALSE(parse_number(""));
    EXPECT_FALSE(parse_number("-"));
    EXPECT_FALSE(parse_number("1e999"));
}

}  // namespace
}  // namespace sats
