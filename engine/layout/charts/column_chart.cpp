// Columns: categories along the bottom, a column per series in each, from zero, with the
// value over each column where it fits.
#include <algorithm>
#include <cmath>

#include "layout/charts/axes.hpp"
#include "layout/charts/category_plot.hpp"
#include "layout/charts/chart_painter.hpp"
#include "layout/charts/shapes.hpp"

namespace sats {

namespace {

class ColumnChart : public ChartPainter {
public:
    using ChartPainter::ChartPainter;

    void draw(double x, double y, double width, double height, std::vector<FrameItem>& out) const override {
        const CategoryPlot plot = draw_category_frame(kit_, x, y, width, height, true, 0, out);
        draw_columns(plot, out);
        draw_guides(kit_, plot.scale, plot.left, plot.right, true, out);
    }

private:
    void draw_columns(const CategoryPlot& plot, std::vector<FrameItem>& out) const {
        const Chart& chart = kit_.chart();
        const Scale& scale = plot.scale;
        const std::size_t n = chart.series.size();
        const double group = plot.slot * 0.76;
        const double bar = group / static_cast<double>(n);
        const double zero = scale.at(std::clamp(0.0, scale.lo, scale.hi));
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            const double x0 = plot.left + plot.slot * static_cast<double>(i) + (plot.slot - group) / 2;
            for (std::size_t s = 0; s < n; ++s) {
                const auto& v = chart.series[s].values[i];
                const double bx = x0 + bar * static_cast<double>(s);
                if (!v) {  // a gap, marked with the value's symbol as SSB marks it
                    const TextBlock missing = kit_.text(chart.series[s].mark(i), bar, Align::center);
                    missing.place_line(0, bx, zero - missing.height(), out);
                    continue;
                }
                const double top = scale.at(*v);
                out.push_back(rect_path(bx + 0.5, std::min(top, zero), bar - 1, std::abs(zero - top), kit_.color(s)));
                // The value over the column (under it when negative), only where it fits.
                const TextBlock label = kit_.text(kit_.format(*v, chart.decimals), 0);
                if (label.width() <= bar + 1)
                    label.place_line(0, bx + (bar - label.width()) / 2, *v >= 0 ? top - label.height() : top + 1, out);
            }
        }
    }
};

}  // namespace

std::unique_ptr<ChartPainter> column_chart(const ChartKit& kit) { return std::make_unique<ColumnChart>(kit); }

}  // namespace sats
