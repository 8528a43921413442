#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "layout/layout_context.hpp"

namespace sats {

namespace {

constexpr double kSubRowIndent = 10;
constexpr double kMinTextColumn = 60;

/// A shaped row: one text block per cell and the row's height.
struct ShapedRow {
    const TableRow* row;
    std::vector<TextBlock> cells;
    double height = 0;
    bool header = false;
};

TextSettings cell_settings(const LayoutContext& c, const TableCell& cell, double width, bool header) {
    TextSettings s = c.body(width);
    s.style.size = c.style.table_size;
    s.line_height = 1.25;
    s.justify = false;
    s.align = cell.align;
    if (header) {
        s.style.color = c.style.table_header_color;
        s.style.weight = "semibold";
    }
    return s;
}

/// Natural (unwrapped) width of every column, padding included.
std::vector<double> natural_widths(const Table& table, LayoutContext& c, std::size_t columns) {
    std::vector<double> widths(columns, 0);
    auto measure = [&](const TableRow& row, bool header) {
        for (std::size_t i = 0; i < row.cells.size() && i < columns; ++i) {
            // Headings may wrap between words, so only their longest word must fit.
            Inlines text = row.cells[i].text;
            if (header) {
                std::string longest, word;
                std::istringstream words(plain_text(text));
                while (words >> word)
                    if (word.size() > longest.size()) longest = word;
                text = {TextRun{longest}};
            }
            TextBlock block(c.pango, text, cell_settings(c, row.cells[i], 0, header));
            const double indent = i == 0 && row.level == 2 ? kSubRowIndent : 0;
            widths[i] = std::max(widths[i], block.width() + 2 * c.style.table_padding + indent);
        }
    };
    for (const auto& row : table.header) measure(row, true);
    for (const auto& row : table.body) measure(row, false);
    return widths;
}

/// Column widths filling `width`: numbers keep their natural width, text columns wrap.
/// Returns nothing if even the numbers do not fit.
std::optional<std::vector<double>> fit_columns(const Table& table, std::vector<double> widths, double width) {
    const double natural = std::accumulate(widths.begin(), widths.end(), 0.0);
    std::vector<bool> text_column(widths.size(), false);
    for (std::size_t i = 0; i < widths.size(); ++i)
        text_column[i] = !table.body.empty() && i < table.body[0].cells.size() && table.body[0].cells[i].align == Align::left;
    double text_natural = 0, fixed = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) (text_column[i] ? text_natural : fixed) += widths[i];
    if (natural <= width) {
        // Give the spare width to the text columns (or spread it if there are none).
        const double spare = width - natural;
        for (std::size_t i = 0; i < widths.size(); ++i)
            widths[i] += text_natural > 0 ? (text_column[i] ? spare * widths[i] / text_natural : 0)
                                          : spare / static_cast<double>(widths.size());
        return widths;
    }
    const auto text_count = static_cast<double>(std::count(text_column.begin(), text_column.end(), true));
    if (text_count == 0 || fixed + text_count * kMinTextColumn > width) return std::nullopt;
    const double available = width - fixed;
    for (std::size_t i = 0; i < widths.size(); ++i)
        if (text_column[i]) widths[i] = std::max(kMinTextColumn, available * widths[i] / text_natural);
    const double over = std::accumulate(widths.begin(), widths.end(), 0.0) - width;
    if (over > 0)  // minimums pushed us over: take it back from the widest text column
        *std::max_element(widths.begin(), widths.end()) -= over;
    return widths;
}

ShapedRow shape_row(const TableRow& row, bool header, const std::vector<double>& widths, LayoutContext& c,
                    const SourceLocation& where) {
    ShapedRow shaped{&row, {}, 0, header};
    for (std::size_t i = 0; i < widths.size(); ++i) {
        static const TableCell empty_cell{};
        const TableCell& cell = i < row.cells.size() ? row.cells[i] : empty_cell;
        const double indent = i == 0 && row.level == 2 ? kSubRowIndent : 0;
        shaped.cells.push_back(
            c.shape(cell.text, cell_settings(c, cell, widths[i] - 2 * c.style.table_padding - indent, header), where));
        shaped.height = std::max(shaped.height, shaped.cells.back().height() + 2 * c.style.table_padding);
    }
    return shaped;
}

void draw_row(const ShapedRow& row, std::size_t index, const std::vector<double>& widths, LayoutContext& c, double x) {
    auto& items = c.flow.items();
    const double width = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (row.header) items.push_back(FilledRect{x, c.flow.y, width, row.height, c.style.table_header_background});
    else if (row.row->total) items.push_back(FilledRect{x, c.flow.y, width, row.height, c.style.table_total_background});
    else if (index % 2 == 1) items.push_back(FilledRect{x, c.flow.y, width, row.height, c.style.table_stripe});
    items.push_back(TagBegin{"TR"});
    double cx = x;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        items.push_back(TagBegin{row.header ? "TH" : "TD"});
        const double indent = i == 0 && row.row->level == 2 ? kSubRowIndent : 0;
        double ly = c.flow.y + c.style.table_padding;
        for (std::size_t l = 0; l < row.cells[i].lines().size(); ++l) {
            row.cells[i].place_line(l, cx + c.style.table_padding + indent, ly, items);
            ly += row.cells[i].lines()[l].height;
        }
        items.push_back(TagEnd{});
        cx += widths[i];
    }
    items.push_back(TagEnd{});
    if (!row.header) items.push_back(Line{x, c.flow.y + row.height, x + width, c.flow.y + row.height, 0.4, c.style.table_rule});
    c.flow.y += row.height;
}

TextBlock small_text(LayoutContext& c, const std::string& text, double size, double width, bool strong,
                     const SourceLocation& where) {
    TextSettings s = c.body(width);
    s.style.size = size;
    s.justify = false;
    if (strong) s.style.weight = "semibold";
    return c.shape({TextRun{text}}, s, where);
}

}  // namespace

void layout_table(const Table& table, const SourceLocation& where, LayoutContext& c, double x, double width) {
    std::size_t columns = 0;
    for (const auto& row : table.header) columns = std::max(columns, row.cells.size());
    for (const auto& row : table.body) columns = std::max(columns, row.cells.size());
    if (columns == 0) return;
    const auto natural = natural_widths(table, c, columns);
    const auto widths = fit_columns(table, natural, width);
    if (!widths) {
        const double needed = std::accumulate(natural.begin(), natural.end(), 0.0);
        c.diagnostics.error(where, "table is too wide for the page: its " + std::to_string(columns) + " columns need " +
                                       std::to_string(static_cast<int>(std::lround(needed))) + " pt, the text width is " +
                                       std::to_string(static_cast<int>(std::lround(width))) + " pt",
                            "show fewer columns, or shorten the column headings");
        return;
    }
    std::vector<ShapedRow> header, body;
    for (const auto& row : table.header) header.push_back(shape_row(row, true, *widths, c, where));
    for (const auto& row : table.body) body.push_back(shape_row(row, false, *widths, c, where));
    double header_height = 0;
    for (const auto& h : header) header_height += h.height;

    std::optional<TextBlock> caption;
    if (!table.caption.empty()) caption.emplace(small_text(c, table.caption, c.style.caption_size, width, true, where));
    const double caption_height = caption ? caption->height() + 3 : 0;
    const double first_row = body.empty() ? 0 : body[0].height;
    c.flow.ensure(caption_height + header_height + first_row);

    c.flow.items().push_back(TagBegin{"Table"});
    if (caption) {
        c.flow.items().push_back(TagBegin{"Caption"});
        place_lines(*caption, c, x);
        c.flow.items().push_back(TagEnd{});
        c.flow.y += 3;
    }
    auto draw_header = [&] {
        for (std::size_t i = 0; i < header.size(); ++i) draw_row(header[i], i, *widths, c, x);
    };
    draw_header();
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i].height > c.flow.remaining()) {
            c.flow.new_page();
            draw_header();
        }
        draw_row(body[i], i, *widths, c, x);
    }
    c.flow.y += 3;
    for (const auto& note : table.notes) place_lines(small_text(c, note, c.style.note_size, width, false, where), c, x);
    if (!table.source.empty()) place_lines(small_text(c, table.source, c.style.note_size, width, false, where), c, x);
    c.flow.items().push_back(TagEnd{});
    c.flow.y += c.style.table_space_after;
}

}  // namespace sats
