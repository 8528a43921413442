// A chart placed in the page flow: its numbered caption, the legend and the drawing by the
// painter for its type (layout/charts/), and its notes and source line, moved whole to the
// next page if it does not fit.
#include "layout/charts/chart_painter.hpp"
#include "layout/charts/legend.hpp"
#include "layout/layout_context.hpp"

namespace sats {

void layout_chart(const Numbered<Chart>& chart, const SourceLocation& where, LayoutContext& c, double x, double width) {
    const auto painter = make_chart_painter(ChartKit(chart, c, where));
    const std::string& caption = chart.numbering.caption;
    std::optional<TextBlock> caption_block;
    if (!caption.empty()) caption_block.emplace(small_text(c, caption, c.style.caption_size, width, true, where));
    const std::vector<TextBlock> below = notes_below(chart.notes, chart.source, c, width, where);
    double below_height = 0;
    for (const auto& b : below) below_height += b.height();
    const double legend = legend_height(*painter, width);
    const double plot = painter->plot_height(width, chart.height > 0 ? chart.height : c.style.chart_height);
    const double caption_height = caption_block ? caption_block->height() + 4 : 0;
    c.flow.ensure(caption_height + legend + plot + 4 + below_height);  // a figure moves whole to the next page

    c.flow.items().push_back(Anchor{chart.numbering.anchor, c.flow.y});
    {
        auto figure = c.flow.group(Role::figure, chart.alt, {}, where);
        if (caption_block) {
            {
                auto caption_group = c.flow.group(Role::caption, {}, {}, where);
                place_lines(*caption_block, c, x);
            }
            c.flow.y += 4;
        }
        // The drawing is the figure's content; readers get its text alternative instead.
        draw_legend(*painter, x, c.flow.y, width, c.flow.items());
        c.flow.y += legend;
        painter->draw(x, c.flow.y, width, plot, c.flow.items());
        c.flow.y += plot + 4;
        place_notes(below, c, x);
    }
    c.flow.y += c.style.table_space_after;
}

}  // namespace sats
