#pragma once
// A chart's legend above the drawing: a key and a name per series, in rows that wrap.

#include <vector>

#include "layout/charts/chart_painter.hpp"

namespace sats {

/// The legend's height at `width` (0 when the chart needs none).
double legend_height(const ChartPainter& painter, double width);

/// Draws the legend from (`x0`, `y0`), wrapping at `width`.
void draw_legend(const ChartPainter& painter, double x0, double y0, double width, std::vector<FrameItem>& out);

}  // namespace sats
