#pragma once
// The value axis of a chart: grid lines with tick labels, the zero or base line, and the
// dashed reference and target lines.

#include <vector>

#include "layout/charts/chart_kit.hpp"
#include "layout/charts/scale.hpp"

namespace sats {

/// Grid lines and tick labels across `length` from `start` (horizontal lines when
/// `vertical`, the values running up); a darker zero line when values go below zero, else
/// a darker base line.
void draw_value_grid(const ChartKit& kit, const Scale& scale, double start, double length, bool vertical,
                     std::vector<FrameItem>& out);

/// The chart's reference and target lines, dashed, from `start` to `end`; the target with
/// its label (the chart's own, else the layout's target word and the value).
void draw_guides(const ChartKit& kit, const Scale& scale, double start, double end, bool vertical, std::vector<FrameItem>& out);

}  // namespace sats
