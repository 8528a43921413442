#include "layout/charts/scale.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sats {

int Scale::decimals() const { return step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9)); }

std::vector<double> Scale::ticks() const {
    const double steps = std::round((hi - lo) / step);
    const int count = std::isfinite(steps) ? static_cast<int>(std::clamp(steps, 0.0, double(kMaxTicks))) : 0;
    std::vector<double> values;
    for (int i = 0; i <= count; ++i) {
        const double v = lo + i * step;
        values.push_back(std::abs(v) < step / 1e6 ? 0 : v);
    }
    return values;
}

Scale nice_scale(double min, double max, bool from_zero) {
    if (!std::isfinite(min) || !std::isfinite(max) || !std::isfinite(max - min)) return Scale{};
    if (from_zero) {
        min = std::min(min, 0.0);
        max = std::max(max, 0.0);
    }
    if (max - min < 1e-12 || max - min <= std::max(std::abs(min), std::abs(max)) * 1e-9) {
        const double pad = std::abs(max) > 0 ? std::abs(max) * 0.1 : 1;
        min -= from_zero && min >= 0 ? 0 : pad;
        max += pad;
    }
    const double raw = (max - min) / 5;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double f : {1.0, 2.0, 5.0, 10.0})
        if (raw <= f * magnitude * (1 + 1e-9)) {
            step = f * magnitude;
            break;
        }
    Scale s;
    s.step = step;
    s.lo = std::floor(min / step + 1e-9) * step;
    s.hi = std::ceil(max / step - 1e-9) * step;
    if (s.hi <= s.lo) s.hi = s.lo + step;
    return s;
}

std::pair<double, double> extent(const Chart& chart, bool stacked) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto see = [&](std::optional<double> v) {
        if (!v || !std::isfinite(*v)) return;
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
    };
    if (stacked) {
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            double pos = 0, neg = 0;
            for (const auto& s : chart.series)
                if (s.values[i]) (*s.values[i] >= 0 ? pos : neg) += *s.values[i];
            see(pos);
            see(neg);
        }
    } else {
        for (const auto& s : chart.series)
            for (const auto& v : s.values) see(v);
    }
    for (const auto& [low, high] : chart.ranges) {
        see(low);
        see(high);
    }
    see(chart.reference);
    see(chart.target);
    if (lo > hi) return {0, 1};  // no values at all
    return {lo, hi};
}

}  // namespace sats
