#include "layout/charts/axes.hpp"

#include <cmath>

#include "layout/charts/shapes.hpp"

namespace sats {

namespace {

/// A line across the plot at page position `p`.
Path across(double p, double start, double end, bool vertical, Color stroke, double width, std::vector<double> dash = {}) {
    return vertical ? line_path(start, p, end, p, stroke, width, std::move(dash)) : line_path(p, start, p, end, stroke, width, std::move(dash));
}

}  // namespace

void draw_value_grid(const ChartKit& kit, const Scale& scale, double start, double length, bool vertical,
                     std::vector<FrameItem>& out) {
    const LayoutStyle& s = kit.style();
    for (const double v : scale.ticks()) {
        const double p = scale.at(v);
        const TextBlock label = kit.text(kit.format(v, scale.decimals()), 0);
        out.push_back(across(p, start, start + length, vertical, s.chart_grid, s.chart_grid_width));
        if (vertical) label.place_line(0, start - 6 - label.width(), p - label.height() / 2, out);
        else label.place_line(0, p - label.width() / 2, start + length + 2, out);
    }
    const double base = scale.lo < 0 && scale.hi > 0 ? 0 : scale.lo < 0 ? scale.hi : scale.lo;
    out.push_back(across(scale.at(base), start, start + length, vertical, s.chart_axis, s.chart_axis_width));
}

void draw_guides(const ChartKit& kit, const Scale& scale, double start, double end, bool vertical, std::vector<FrameItem>& out) {
    const LayoutStyle& s = kit.style();
    const Chart& chart = kit.chart();
    auto guide = [&](double v, const std::string& label) {
        const double p = scale.at(v);
        out.push_back(across(p, start, end, vertical, s.chart_reference, s.chart_reference_width, {4, 3}));
        if (label.empty()) return;
        const TextBlock text = kit.text(label, 0, Align::left, true);
        if (vertical) text.place_line(0, start + 3, p - kit.line_height(), out);
        else text.place_line(0, p + 3, start - kit.line_height(), out);
    };
    if (chart.target)
        guide(*chart.target, chart.target_label.empty() ? s.label_target + ": " + kit.format(*chart.target, chart.decimals)
                                                         : chart.target_label);
    if (chart.reference) guide(*chart.reference, "");
}

}  // namespace sats
