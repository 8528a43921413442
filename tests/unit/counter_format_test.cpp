// Counters written in the layout's patterns: heading numbers and list labels.
#include <gtest/gtest.h>

#include "core/counter_format.hpp"

namespace sats {
namespace {

TEST(CounterFormat, EachMarkWritesTheNumberItsWay) {
    EXPECT_EQ("7", counter_text(7, '1'));
    EXPECT_EQ("c", counter_text(3, 'a'));
    EXPECT_EQ("C", counter_text(3, 'A'));
    EXPECT_EQ("z", counter_text(26, 'a'));
    EXPECT_EQ("aa", counter_text(27, 'a'));
    EXPECT_EQ("az", counter_text(52, 'a'));
    EXPECT_EQ("iv", counter_text(4, 'i'));
    EXPECT_EQ("XIV", counter_text(14, 'I'));
    EXPECT_EQ("MCMXCIX", counter_text(1999, 'I'));
    EXPECT_EQ("4000", counter_text(4000, 'i')) << "beyond roman numerals";
}

TEST(CounterFormat, ThePatternsLastMarkIsTheLastCounter) {
    EXPECT_EQ("2.5", pattern_text("1.1", {2, 5}));
    EXPECT_EQ("2.5", pattern_text("1.1", {9, 2, 5})) << "counters the pattern has no mark for are not shown";
    EXPECT_EQ("3.1.4", pattern_text("1.1.1", {3, 1, 4}));
    EXPECT_EQ("d)", pattern_text("a)", {1, 2, 3, 4}));
    EXPECT_EQ("B.ii", pattern_text("A.i", {2, 2}));
    EXPECT_EQ("0.1", pattern_text("1.1", {1})) << "a mark with no counter shows 0";
    EXPECT_EQ("(3)", pattern_text("(1)", {3}));
}

TEST(CounterFormat, MarksAreCounted) {
    EXPECT_EQ(3, counter_marks("1.1.1"));
    EXPECT_EQ(1, counter_marks("a)"));
    EXPECT_EQ(0, counter_marks("--"));
}

}  // namespace
}  // namespace sats
