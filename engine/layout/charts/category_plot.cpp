#include "layout/charts/category_plot.hpp"

#include <algorithm>

#include "layout/charts/axes.hpp"

namespace sats {

CategoryPlot draw_category_frame(const ChartKit& kit, double x, double y, double width, double height, bool from_zero,
                                 double right_room, std::vector<FrameItem>& out) {
    const Chart& chart = kit.chart();
    const auto [min, max] = extent(chart, false);
    CategoryPlot plot;
    plot.scale = nice_scale(min, max, from_zero);
    // Room for the tick labels at the left and the category names below.
    double tick_width = 0;
    for (const double v : plot.scale.ticks())
        tick_width = std::max(tick_width, kit.text(kit.format(v, plot.scale.decimals()), 0).width());
    const double right = std::min(right_room, width * 0.3);
    plot.margin = x + width - right;
    plot.left = x + tick_width + 6;
    const double plot_width = x + width - right - plot.left;
    plot.right = plot.left + plot_width;
    plot.slot = plot_width / static_cast<double>(chart.categories.size());
    double label_height = 0;
    std::vector<TextBlock> category_labels;
    for (const auto& name : chart.categories) {
        category_labels.push_back(kit.text(name, std::max(plot.slot - 4, 20.0), Align::center));
        label_height = std::max(label_height, category_labels.back().height());
    }
    const double top = y + 4, bottom = y + height - label_height - 4;
    plot.scale.from = bottom;
    plot.scale.to = top;
    draw_value_grid(kit, plot.scale, plot.left, plot_width, true, out);
    for (std::size_t i = 0; i < category_labels.size(); ++i)
        ChartKit::place(category_labels[i], plot.left + plot.slot * static_cast<double>(i) + 2, bottom + 4, out);
    return plot;
}

}  // namespace sats
