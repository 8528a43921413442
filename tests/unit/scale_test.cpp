// Value axes of charts: nice 1-2-5 ticks, a bounded number of them whatever the values, and
// an axis around values too close to tell apart.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "layout/charts/scale.hpp"

namespace sats {
namespace {

TEST(Scale, TicksAreNiceStepsCoveringTheValues) {
    const Scale s = nice_scale(3, 47, true);
    EXPECT_EQ(0, s.lo);
    EXPECT_EQ(50, s.hi);
    EXPECT_EQ(10, s.step);
    EXPECT_EQ((std::vector<double>{0, 10, 20, 30, 40, 50}), s.ticks());
}

TEST(Scale, ATickNearZeroIsZero) {
    const Scale s = nice_scale(-0.3, 0.4, false);
    const auto ticks = s.ticks();
    ASSERT_EQ((std::vector<double>{-0.4, -0.2, 0, 0.2, 0.4}).size(), ticks.size());
    EXPECT_EQ(0.2, s.step);
    EXPECT_EQ(0.0, ticks[2]);
    EXPECT_FALSE(std::signbit(ticks[2]));
}

TEST(Scale, ValuesTooCloseToTellApartGetAnAxisAroundThem) {
    for (const double v : {1e20, 123456789.123, -5e-300, 0.1}) {
        const double next = std::nextafter(v, std::numeric_limits<double>::infinity());
        const Scale s = nice_scale(v, next, false);
        EXPECT_LT(s.lo, v) << v;
        EXPECT_GT(s.hi, next) << v;
        EXPECT_GE(s.ticks().size(), 2u) << v;
        EXPECT_LE(s.ticks().size(), std::size_t(kMaxTicks + 1)) << v;
    }
}

TEST(Scale, TheNumberOfTicksIsBoundedForAnyScale) {
    Scale s;
    s.lo = 0;
    s.hi = 1e300;
    s.step = 1;
    EXPECT_EQ(std::size_t(kMaxTicks + 1), s.ticks().size());
    s.step = 0;
    EXPECT_EQ(1u, s.ticks().size()) << "no step: one tick";
}

TEST(Scale, ValuesThatAreNotFiniteGiveTheUnitAxis) {
    const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
    for (const auto& [lo, hi] : {std::pair{0.0, inf}, {-inf, 1.0}, {nan, 2.0}, {-1.7e308, 1.7e308}}) {
        const Scale s = nice_scale(lo, hi, true);
        EXPECT_TRUE(std::isfinite(s.lo) && std::isfinite(s.hi) && s.step > 0) << lo << " " << hi;
        EXPECT_LE(s.ticks().size(), std::size_t(kMaxTicks + 1));
    }
}

}  // namespace
}  // namespace sats
