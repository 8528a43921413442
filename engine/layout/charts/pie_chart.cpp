// Pies and donuts: one series, slices clockwise from the top, and a key beside the pie
// with each category's colour, name and value.
#include <algorithm>
#include <numbers>

#include "layout/charts/chart_painter.hpp"
#include "layout/charts/shapes.hpp"

namespace sats {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kHole = 0.55;  ///< a donut's hole, as a share of its radius

class PieChart : public ChartPainter {
public:
    PieChart(const ChartKit& kit, bool donut) : ChartPainter(kit), donut_(donut) {}

    /// None: the key beside the pie names the slices.
    std::vector<std::string> legend_entries() const override { return {}; }

    void draw(double x, double y, double width, double height, std::vector<FrameItem>& out) const override {
        const Chart& chart = kit_.chart();
        const Color background = kit_.style().chart_background;
        const auto& values = chart.series[0].values;
        double total = 0;
        for (const auto& v : values) total += std::max(0.0, v.value_or(0));
        const double r = std::min(height / 2 - 4, width / 4);
        const double cx = x + r + 4, cy = y + height / 2;
        double angle = -kPi / 2;
        for (std::size_t i = 0; i < values.size() && total > 0; ++i) {
            const double v = std::max(0.0, values[i].value_or(0));
            const double sweep = v / total * 2 * kPi;
            Path slice;
            slice.steps = {{PathStep::move, cx, cy}, {PathStep::arc, cx, cy, r, angle, angle + sweep}, {PathStep::close}};
            slice.fill = kit_.color(i);
            slice.stroke = background;
            slice.width = 1;
            out.push_back(slice);
            angle += sweep;
        }
        if (donut_) {
            Path hole;
            hole.steps = {{PathStep::move, cx + r * kHole, cy}, {PathStep::arc, cx, cy, r * kHole, 0, 2 * kPi}, {PathStep::close}};
            hole.fill = background;
            out.push_back(hole);
        }
        // The key: colour, name and value, one per line.
        const double key_x = cx + r + 20;
        double key_y = cy - static_cast<double>(values.size()) * kit_.line_height() / 2;
        for (std::size_t i = 0; i < values.size(); ++i) {
            out.push_back(rect_path(key_x, key_y + 2, 9, 8, kit_.color(i)));
            const TextBlock label = kit_.text(chart.categories[i] + "  " + (values[i] ? kit_.format(*values[i], chart.decimals) : chart.series[0].mark(i)),
                                              x + width - key_x - 14);
            ChartKit::place(label, key_x + 14, key_y, out);
            key_y += std::max(kit_.line_height(), label.height());
        }
    }

private:
    bool donut_;
};

}  // namespace

std::unique_ptr<ChartPainter> pie_chart(const ChartKit& kit) { return std::make_unique<PieChart>(kit, false); }

std::unique_ptr<ChartPainter> donut_chart(const ChartKit& kit) { return std::make_unique<PieChart>(kit, true); }

}  // namespace sats
