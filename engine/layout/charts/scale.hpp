#pragma once
// Value axes of charts: nice 1-2-5 ticks over the values a chart shows.

#include <utility>

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
};

/// Ticks in 1-2-5 steps covering [min, max]; with zero when `from_zero`.
Scale nice_scale(double min, double max, bool from_zero);

/// Smallest and largest of every value (or of the stacked sums, when `stacked`), range,
/// reference and target line of `chart`; {0, 1} when it has no values at all.
std::pair<double, double> extent(const Chart& chart, bool stacked);

}  // namespace sats
