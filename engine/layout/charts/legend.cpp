#include "layout/charts/legend.hpp"

namespace sats {

namespace {

constexpr double kKeyWidth = 14;  ///< the key and the space after it
constexpr double kGap = 12;       ///< between one entry and the next

}  // namespace

double legend_height(const ChartPainter& painter, double width) {
    const ChartKit& kit = painter.kit();
    const auto entries = painter.legend_entries();
    if (entries.empty()) return 0;
    double x = 0, height = kit.line_height();
    for (const auto& e : entries) {
        const double w = kKeyWidth + kit.text(e, 0).width() + kGap;
        if (x > 0 && x + w > width) {
            x = 0;
            height += kit.line_height();
        }
        x += w;
    }
    return height + 6;
}

void draw_legend(const ChartPainter& painter, double x0, double y0, double width, std::vector<FrameItem>& out) {
    const ChartKit& kit = painter.kit();
    const auto entries = painter.legend_entries();
    double x = x0, y = y0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TextBlock label = kit.text(entries[i], 0);
        const double w = kKeyWidth + label.width() + kGap;
        if (x > x0 && x + w > x0 + width) {
            x = x0;
            y += kit.line_height();
        }
        painter.draw_key(i, x, y + kit.line_height() / 2, out);
        label.place_line(0, x + kKeyWidth, y, out);
        x += w;
    }
}

}  // namespace sats
