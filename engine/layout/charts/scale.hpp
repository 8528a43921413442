#pragma once
// Value axes of charts: nice 1-2-5 ticks over the values a chart shows.

#include <utility>
#include <vector>

#include "content/document.hpp"

namespace sats {

/// A value axis: from `lo` to `hi` in steps of `step`, mapped onto [from, to] on the page.
struct Scale {
    double lo = 0, hi = 1, step = 1;
    double from = 0, to = 1;
    /// The page position of value `v`.
    double at(double v) const { return from + (v - lo) / (hi - lo) * (to - from); }
    /// Decimals the tick labels need for `step`.
    int decimals() const;
    /// The tick values from `lo` to `hi`, each computed from its index (so the count is fixed
    /// whatever the rounding), a value within a millionth of a step of zero written as 0.
    std::vector<double> ticks() const;
};

/// At most this many steps on a value axis (nice_scale makes about five).
inline constexpr int kMaxTicks = 50;

/// Ticks in 1-2-5 steps covering [min, max]; with zero when `from_zero`. Values too close to
/// tell apart at double precision get an axis around them; a value that is not finite gives
/// the axis from 0 to 1 (the data stage refuses such values before).
Scale nice_scale(double min, double max, bool from_zero);

/// Smallest and largest of every value (or of the stacked sums, when `stacked`), range,
/// reference and target line of `chart`; {0, 1} when it has no values at all.
std::pair<double, double> extent(const Chart& chart, bool stacked);

}  // namespace sats
