#include "layout/charts/chart_kit.hpp"

#include "core/number_format.hpp"

namespace sats {

TextBlock ChartKit::text(const std::string& t, double width, Align align, bool strong, std::optional<Color> color) const {
    TextSettings settings = c_.body(width);
    settings.style.size = c_.style.chart_size;
    if (color) settings.style.color = *color;
    settings.justify = false;
    settings.align = align;
    settings.line_height = 1.25;
    settings.tabular = true;
    if (strong) settings.style.weight = "semibold";
    return c_.shape({TextRun{t}}, settings, where_, false);
}

void ChartKit::place(const TextBlock& block, double x, double y, std::vector<FrameItem>& out) {
    for (std::size_t i = 0; i < block.lines().size(); ++i) {
        block.place_line(i, x, y, out);
        y += block.lines()[i].height;
    }
}

std::string ChartKit::format(double v, int decimals) const {
    NumberStyle style;
    style.decimals = decimals;
    style.suffix = percent_ ? "%" : chart_.unit_suffix;
    return format_number(v, style);
}

Color ChartKit::text_on(const Color& fill) const {
    const double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
    return luminance < 0.5 ? c_.style.chart_on_dark : c_.style.body.color;
}

}  // namespace sats
