// Lines: categories along the bottom, a line with markers per series that breaks at a
// missing value, each series named at its right end (with few series) or by the legend.
#include <algorithm>
#include <optional>

#include "layout/charts/axes.hpp"
#include "layout/charts/category_plot.hpp"
#include "layout/charts/chart_painter.hpp"
#include "layout/charts/shapes.hpp"

namespace sats {

namespace {

constexpr std::size_t kMaxDirectLabels = 6;  ///< more series than this are named by the legend only

class LineChart : public ChartPainter {
public:
    using ChartPainter::ChartPainter;

    /// A short line in the series' colour and dash with its marker.
    void draw_key(std::size_t i, double x, double mid, std::vector<FrameItem>& out) const override {
        out.push_back(line_path(x, mid, x + 12, mid, kit_.color(i), kit_.style().chart_line_width, dash_of(i)));
        out.push_back(marker(static_cast<int>(i), x + 6, mid, 2.2, kit_.color(i)));
    }

    void draw(double x, double y, double width, double height, std::vector<FrameItem>& out) const override {
        const Chart& chart = kit_.chart();
        const auto [min, max] = extent(chart, false);
        // Lines are labelled at their right end; with many series only the legend names them.
        const bool direct_labels = chart.series.size() <= kMaxDirectLabels;
        double right = 0;
        if (direct_labels)
            for (const auto& s : chart.series) right = std::max(right, kit_.text(s.name, 0).width() + 10);
        const CategoryPlot plot = draw_category_frame(kit_, x, y, width, height, min <= 0 || min < max * 0.5, right, out);
        draw_lines(plot, direct_labels ? std::optional<double>(plot.margin) : std::nullopt, out);
        draw_guides(kit_, plot.scale, plot.left, plot.right, true, out);
    }

private:
    /// The symbol of a gap in series `s`, in the series' colour, centred on the category at `x`
    /// just above the foot of the plot (the series one above another).
    void gap_mark(const CategoryPlot& plot, const std::string& mark, double x, std::size_t s, std::vector<FrameItem>& out) const {
        const TextBlock label = kit_.text(mark, 0, Align::left, false, kit_.color(s));
        const double foot = plot.scale.at(plot.scale.lo);
        label.place_line(0, x - label.width() / 2, foot - label.height() * static_cast<double>(s + 1) - 2, out);
    }

    void draw_lines(const CategoryPlot& plot, std::optional<double> label_x, std::vector<FrameItem>& out) const {
        const Chart& chart = kit_.chart();
        struct EndLabel {
            double y;
            std::size_t series;
        };
        auto at = [&](std::size_t i) { return plot.left + plot.slot * (static_cast<double>(i) + 0.5); };
        std::vector<EndLabel> ends;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            Path path;
            path.stroke = kit_.color(s);
            path.width = kit_.style().chart_line_width;
            path.dash = dash_of(s);
            bool pen_down = false;
            double last_y = 0;
            for (std::size_t i = 0; i < chart.categories.size(); ++i) {
                const auto& v = chart.series[s].values[i];
                if (!v) {  // a value without a number breaks the line: a gap with its symbol, never a zero
                    pen_down = false;
                    gap_mark(plot, chart.series[s].mark(i), at(i), s, out);
                    continue;
                }
                const double py = plot.scale.at(*v);
                path.steps.push_back({pen_down ? PathStep::line : PathStep::move, at(i), py});
                pen_down = true;
                last_y = py;
            }
            if (path.steps.empty()) continue;
            out.push_back(path);
            for (std::size_t i = 0; i < chart.categories.size(); ++i)
                if (const auto& v = chart.series[s].values[i])
                    out.push_back(marker(static_cast<int>(s), at(i), plot.scale.at(*v), 2.3, kit_.color(s)));
            ends.push_back({last_y, s});
        }
        if (!label_x) return;
        // Direct labels at the right end, pushed apart so they never overlap.
        std::sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
        const double gap = kit_.line_height();
        for (std::size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + gap);
        for (const auto& e : ends) {
            const TextBlock label = kit_.text(chart.series[e.series].name, 0);
            label.place_line(0, *label_x + 6, e.y - label.height() / 2, out);
        }
    }
};

}  // namespace

std::unique_ptr<ChartPainter> line_chart(const ChartKit& kit) { return std::make_unique<LineChart>(kit); }

}  // namespace sats
