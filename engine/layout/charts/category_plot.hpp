#pragma once
// The frame of a chart with categories along the bottom and values up the left (columns
// and lines): tick labels, grid, category names, and the room left for the marks.

#include <vector>

#include "layout/charts/chart_kit.hpp"
#include "layout/charts/scale.hpp"

namespace sats {

/// Where the marks of a category chart go.
struct CategoryPlot {
    Scale scale;        ///< values to page positions, up the left
    double left = 0;    ///< the plot's left edge
    double right = 0;   ///< the plot's right edge
    double slot = 0;    ///< the width of one category
    double margin = 0;  ///< the left edge of the room kept at the right (for direct labels)
};

/// Draws the value grid and the category names in the box and returns the plot inside them.
/// The scale starts at zero when `from_zero`; `right_room` is kept free at the right (at most
/// 30 % of the width).
CategoryPlot draw_category_frame(const ChartKit& kit, double x, double y, double width, double height, bool from_zero,
                                 double right_room, std::vector<FrameItem>& out);

}  // namespace sats
