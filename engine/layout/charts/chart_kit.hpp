#pragma once
// What every chart painter shares: the chart, the layout's chart style, and text shaped in
// the chart's size.

#include <optional>
#include <string>
#include <vector>

#include "layout/layout_context.hpp"

namespace sats {

/// The chart being drawn with the layout context it is drawn in; all coordinates in page points.
class ChartKit {
public:
    /// `percent`: ticks and labels are percentages of a whole (100 % bars), whatever the data's unit.
    ChartKit(const Chart& chart, LayoutContext& context, const SourceLocation& where, bool percent = false)
        : chart_(chart), c_(context), where_(where), percent_(percent) {}

    /// The same kit with ticks and labels in percent of a whole.
    ChartKit in_percent() const {
        ChartKit kit = *this;
        kit.percent_ = true;
        return kit;
    }

    /// The chart being drawn.
    const Chart& chart() const { return chart_; }
    /// The layout's sizes, colours and words.
    const LayoutStyle& style() const { return c_.style; }

    /// The height of one line of chart text (legend rows, labels above guides).
    double line_height() const { return c_.style.chart_size * 1.5; }

    /// The palette's colour of series (or slice) `i`.
    Color color(std::size_t i) const { return c_.style.chart_palette[i % c_.style.chart_palette.size()]; }

    /// `t` in the chart's text size, wrapped at `width` (0 = one line), in `color` if given.
    TextBlock text(const std::string& t, double width, Align align = Align::left, bool strong = false,
                   std::optional<Color> color = std::nullopt) const;

    /// Places every line of `block` from (`x`, `y`) down.
    static void place(const TextBlock& block, double x, double y, std::vector<FrameItem>& out);

    /// A value with `decimals` and the chart's unit (percent for 100 % bars).
    std::string format(double v, int decimals) const;

    /// The layout's text colour on dark fills, the body colour on light ones.
    Color text_on(const Color& fill) const;

private:
    const Chart& chart_;
    LayoutContext& c_;
    const SourceLocation& where_;
    bool percent_;
};

}  // namespace sats
