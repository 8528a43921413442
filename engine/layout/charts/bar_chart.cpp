// Horizontal bars: categories down the left, a bar per series in each, or the series stacked
// in one bar, or stacked to 100 %; a lowest–highest range behind each category if given.
#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "layout/charts/axes.hpp"
#include "layout/charts/chart_painter.hpp"
#include "layout/charts/shapes.hpp"

namespace sats {

namespace {

/// How the series of one category share its row.
enum class Stacking { none, stacked, full };

class BarChart : public ChartPainter {
public:
    BarChart(const ChartKit& kit, Stacking stacking) : ChartPainter(kit), stacking_(stacking) {}

    /// More than `requested` when the category names need more lines than the rows have room for.
    double plot_height(double width, double requested) const override {
        const Chart& chart = kit_.chart();
        double tallest = 0;
        for (const auto& name : chart.categories) tallest = std::max(tallest, kit_.text(name, label_width(width) - 6).height());
        return std::max(requested, static_cast<double>(chart.categories.size()) * (tallest + 6) + kit_.line_height());
    }

    void draw(double x, double y, double width, double height, std::vector<FrameItem>& out) const override {
        const Chart& chart = kit_.chart();
        const std::size_t n = chart.categories.size();
        auto [min, max] = extent(chart, stacking_ != Stacking::none);
        if (stacking_ == Stacking::full) {
            min = 0;
            max = 100;
        }
        Scale scale = nice_scale(min, max, true);
        const double names_width = label_width(width);
        std::vector<TextBlock> labels;
        for (const auto& name : chart.categories) labels.push_back(kit_.text(name, names_width - 6));
        const double plot_left = x + names_width, plot_width = width - names_width - 4;
        const double axis_label = kit_.line_height();
        const double row = (height - axis_label) / static_cast<double>(n);
        scale.from = plot_left;
        scale.to = plot_left + plot_width;
        draw_value_grid(kit_, scale, y, height - axis_label, false, out);
        for (std::size_t i = 0; i < n; ++i) {
            const double top = y + row * static_cast<double>(i);
            ChartKit::place(labels[i], x, top + (row - labels[i].height()) / 2, out);
            if (i < chart.ranges.size() && chart.ranges[i].first && chart.ranges[i].second) {
                const double a = scale.at(*chart.ranges[i].first), b = scale.at(*chart.ranges[i].second);
                out.push_back(rect_path(std::min(a, b), top + row * 0.12, std::abs(b - a), row * 0.76, kit_.style().chart_range));
            }
            if (stacking_ == Stacking::none) draw_side_by_side(scale, i, top, row, out);
            else draw_stacked(scale, i, top, row, out);
        }
        draw_guides(kit_, scale, y, y + height - axis_label, false, out);
    }

private:
    /// The width of the category names at the left.
    static double label_width(double width) { return width * 0.34; }

    /// One thin bar per series from zero, its value at the end where the band is tall enough.
    void draw_side_by_side(const Scale& scale, std::size_t i, double top, double row, std::vector<FrameItem>& out) const {
        const Chart& chart = kit_.chart();
        const double zero = scale.at(0);
        const std::size_t m = chart.series.size();
        const double band = row * 0.6 / static_cast<double>(m);
        for (std::size_t s = 0; s < m; ++s) {
            const auto& v = chart.series[s].values[i];
            const double by = top + row * 0.2 + band * static_cast<double>(s);
            if (!v) {  // a gap, marked with the value's symbol at the zero line
                const TextBlock missing = kit_.text(chart.series[s].mark(i), 0);
                if (missing.height() <= band + 2) missing.place_line(0, zero + 2, by + (band - missing.height()) / 2, out);
                continue;
            }
            const double end = scale.at(*v);
            out.push_back(rect_path(std::min(zero, end), by + 0.4, std::abs(end - zero), band - 0.8, kit_.color(s)));
            const TextBlock label = kit_.text(kit_.format(*v, chart.decimals), 0);
            if (label.height() <= band + 2) {
                const double lx = *v >= 0 ? end + 2 : end - 2 - label.width();
                label.place_line(0, lx, by + (band - label.height()) / 2, out);
            }
        }
    }

    /// The series end to end in one bar (as shares of their sum for 100 % bars), each
    /// labelled inside where its value fits.
    void draw_stacked(const Scale& scale, std::size_t i, double top, double row, std::vector<FrameItem>& out) const {
        const Chart& chart = kit_.chart();
        const bool full = stacking_ == Stacking::full;
        double total = 0;
        for (const auto& s : chart.series) total += s.values[i].value_or(0);
        double pos = 0;
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            double v = chart.series[s].values[i].value_or(0);
            if (full) v = total != 0 ? v / total * 100 : 0;
            const double a = scale.at(pos), b = scale.at(pos + v);
            out.push_back(rect_path(a, top + row * 0.22, b - a, row * 0.56, kit_.color(s)));
            const TextBlock label = kit_.text(full ? format_percent(v, 0) : kit_.format(v, chart.decimals), 0, Align::left,
                                              false, kit_.text_on(kit_.color(s)));
            if (label.width() + 2 <= b - a)
                label.place_line(0, a + (b - a - label.width()) / 2, top + (row - label.height()) / 2, out);
            pos += v;
        }
    }

    Stacking stacking_;
};

}  // namespace

std::unique_ptr<ChartPainter> bar_chart(const ChartKit& kit) { return std::make_unique<BarChart>(kit, Stacking::none); }

std::unique_ptr<ChartPainter> stacked_bar_chart(const ChartKit& kit) {
    return std::make_unique<BarChart>(kit, Stacking::stacked);
}

std::unique_ptr<ChartPainter> full_bar_chart(const ChartKit& kit) {
    return std::make_unique<BarChart>(kit.in_percent(), Stacking::full);
}

}  // namespace sats
