#include "layout/charts/chart_painter.hpp"

namespace sats {

std::unique_ptr<ChartPainter> make_chart_painter(const ChartKit& kit) {
    switch (kit.chart().type) {
        case ChartType::bar: return bar_chart(kit);
        case ChartType::stacked: return stacked_bar_chart(kit);
        case ChartType::stacked100: return full_bar_chart(kit);
        case ChartType::column: return column_chart(kit);
        case ChartType::line: return line_chart(kit);
        case ChartType::pie: return pie_chart(kit);
        case ChartType::donut: return donut_chart(kit);
    }
    return column_chart(kit);  // not reached: the switch names every type
}

}  // namespace sats
