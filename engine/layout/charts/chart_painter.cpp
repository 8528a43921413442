#include "layout/charts/chart_painter.hpp"

#include "layout/charts/shapes.hpp"

namespace sats {

std::vector<std::string> ChartPainter::legend_entries() const {
    const Chart& chart = kit_.chart();
    std::vector<std::string> entries;
    if (chart.series.size() < 2 && chart.ranges.empty()) return entries;
    for (const auto& s : chart.series) entries.push_back(s.name);
    return entries;
}

void ChartPainter::draw_key(std::size_t i, double x, double mid, std::vector<FrameItem>& out) const {
    out.push_back(rect_path(x + 1, mid - 4, 9, 8, kit_.color(i)));
}

double ChartPainter::plot_height(double, double requested) const { return requested; }

}  // namespace sats
