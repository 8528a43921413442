#include <gtest/gtest.h>

#include "data/compute.hpp"

namespace sats {
namespace {

Value kr(double v) { return Value{v, "..", Unit::kr, 0}; }
Value pct(double v) { return Value{v, "..", Unit::percent, 1}; }
Value missing() { return Value{std::nullopt, "..", Unit::kr, 0}; }

TEST(Compute, PercentDifferenceAgainstReference) {
    const auto v = percent_difference(kr(6040), kr(5564));
    EXPECT_EQ(Unit::percent, v.unit);
    EXPECT_NEAR(8.555, *v.number, 1e-3);
    EXPECT_EQ("8,6\u00A0%", v.format());
}

TEST(Compute, IndexShareDifferenceGrowth) {
    EXPECT_NEAR(108.56, *index_against(kr(6040), kr(5564)).number, 1e-2);
    EXPECT_EQ("19,6\u00A0%", share_of(kr(16494), kr(84225)).format());
    const auto pp = difference(pct(2.3), pct(0.1));
    EXPECT_EQ(Unit::points, pp.unit);
    EXPECT_EQ("2,2", pp.format());
    EXPECT_EQ(Unit::kr, difference(kr(6040), kr(5553)).unit);
    EXPECT_EQ("\u22123,1\u00A0%", growth(kr(84129), kr(86793)).format());
}

TEST(Compute, MissingOperandGivesMissingResultNeverZero) {
    EXPECT_FALSE(percent_difference(missing(), kr(1)).number);
    EXPECT_FALSE(share_of(kr(1), kr(0)).number);  // division by zero
    EXPECT_FALSE(sum_of({kr(1), missing()}).number);
    EXPECT_EQ("..", sum_of({kr(1), missing()}).format());
}

TEST(Compute, DeflateWithYearlyPriceGrowth) {
    // 100 kr in 2022 expressed in 2024 prices with 5 % growth in 2023 and 4 % in 2024.
    const auto v = deflate(kr(100), {pct(5), pct(4)});
    EXPECT_NEAR(109.2, *v.number, 1e-9);
    EXPECT_EQ(Unit::kr, v.unit);
    EXPECT_FALSE(deflate(kr(100), {pct(5), Value{}}).number);
}

TEST(Compute, SumMinMaxMean) {
    EXPECT_EQ(4261, *sum_of({kr(891), kr(694), kr(1276), kr(100), kr(543), kr(757)}).number);
    EXPECT_EQ(100, *min_of({kr(891), kr(100), kr(1276)}).number);
    EXPECT_EQ(1276, *max_of({kr(891), kr(100), kr(1276)}).number);
    EXPECT_NEAR(61.6, *mean_of({kr(57), kr(62), kr(69), kr(62), kr(58)}).number, 1e-9);
}

TEST(Compute, RankWithTiesAndDirection) {
    const std::vector<Value> group{pct(2.3), pct(2.5), pct(0.1), pct(0.8)};
    EXPECT_EQ(2, *rank_in(pct(2.3), group, false).number);
    EXPECT_EQ(3, *rank_in(pct(2.3), group, true).number);
    EXPECT_EQ(1, *rank_in(pct(2.5), group, false).number);
    EXPECT_EQ(1, *rank_in(pct(5), {pct(5), pct(5)}, false).number);  // ties share a rank
}

TEST(Compute, CountOverComparesAsShown) {
    EXPECT_EQ(2, *count_over({kr(6040), kr(47), kr(872)}, {kr(5564), kr(99), kr(550)}).number);
    EXPECT_EQ(0, *count_over({pct(5.34)}, {pct(5.3)}).number);  // both shown as 5,3
}

}  // namespace
}  // namespace sats
