// Tables: column widths from content, numbers lined up on the decimal comma (each unit group of
// a column on its own), header groups spanning columns, rows indented by level, splitting
// between rows with the caption continued and the header repeated, notes kept with the last
// part, and shrinking when too wide.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include "layout/layout_context.hpp"

namespace sats {

namespace {

constexpr double kLevelIndent = 10;  ///< indent of the first cell per row level below 1
constexpr double kMaxGrowth = 24;    ///< the most a column of a table narrower than the text is widened
constexpr double kShrinkStep = 0.5;
constexpr double kKeepWhole = 0.4;  ///< tables up to this share of the text height are never split

/// Indent of the first cell of `row`: one step per level below 1 (levels 0 and 1 are not indented).
double indent_of(const TableRow& row) { return std::max(0, row.level - 1) * kLevelIndent; }

/// A table's cells at one text size: shared settings and the measuring they need.
class TableShaper {
public:
    TableShaper(LayoutContext& c, double size) : c_(c), size_(size) {}

    double size() const { return size_; }
    double padding() const { return c_.style.table_padding * size_ / c_.style.table_size; }

    TextSettings settings(const TableCell& cell, double width, bool header) const {
        TextSettings s = c_.body(width);
        s.style.size = size_;
        s.line_height = 1.25;
        s.justify = false;
        s.align = cell.align;
        s.tabular = true;
        if (header) {
            s.style.color = c_.style.table_header_color;
            s.style.weight = "semibold";
        }
        return s;
    }

    /// The text `cell` shows: its own, or for a blank cell of a number column the layout's `blank`.
    Inlines shown(const TableCell& cell, bool header) const {
        if (header || cell.align != Align::right || !plain_text(cell.text).empty() || c_.style.table_blank.empty()) return cell.text;
        return {TextRun{c_.style.table_blank}};
    }

    /// Width of `text` on one line, with the typography it will get.
    double measure(const Inlines& text, const TableCell& cell, bool header) const {
        return c_.shape_plain(text, settings(cell, 0, header)).width();
    }

    /// Width of the widest word of `cell` (words are split at ordinary spaces only).
    double widest_word(const TableCell& cell, bool header) const {
        double widest = 0;
        std::istringstream words(plain_text(cell.text));
        std::string word;
        while (words >> word) widest = std::max(widest, measure({TextRun{word}}, cell, header));
        return widest;
    }

    /// The part of a number from its decimal comma on (",4 %"), or its non-digit ending (" %").
    static std::string tail(const std::string& number) {
        const auto comma = number.rfind(',');
        if (comma != std::string::npos) return number.substr(comma);
        return ending(number);
    }

    /// What follows a number's last digit (" %", " kr"); "" for a symbol or a blank cell.
    static std::string ending(const std::string& number) {
        const auto last_digit = number.find_last_of("0123456789");
        return last_digit == std::string::npos ? "" : number.substr(last_digit + 1);
    }

    /// Width of the tail() of a number cell, in the style of its last run (a total row's is bold).
    double tail_width(const TableCell& cell) const {
        const std::string t = tail(plain_text(cell.text));
        if (t.empty()) return 0;
        TextRun run = cell.text.back();
        run.text = t;
        return measure({run}, cell, false);
    }

private:
    LayoutContext& c_;
    double size_;
};

bool is_number(const TableCell& cell) { return cell.align == Align::right; }

/// The numbers of a column that line up on one decimal comma: the cell's group (its unit), or
/// without one, those with the same ending.
std::string group_of(const TableCell& cell) {
    return cell.group.empty() ? TableShaper::ending(plain_text(cell.text)) : cell.group;
}

/// Column widths, each column's narrowest width, and per column and number group the widest
/// part after the decimal comma.
struct Columns {
    std::vector<double> widths;
    std::vector<double> minimums;  ///< numbers at their natural width; text at its widest word or the layout's minimum
    std::vector<std::map<std::string, double>> tails;
    std::vector<bool> text;  ///< a text column, which may wrap
    double total() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }
    double tail(std::size_t column, const TableCell& cell) const {
        const auto it = tails[column].find(group_of(cell));
        return it == tails[column].end() ? 0 : it->second;
    }
};

std::size_t column_count(const Table& table) {
    std::size_t n = 0;
    for (const auto* rows : {&table.header, &table.body})
        for (const auto& row : *rows) {
            std::size_t spanned = 0;
            for (const auto& cell : row.cells) spanned += static_cast<std::size_t>(cell.span);
            n = std::max(n, spanned);
        }
    return n;
}

/// Natural widths: the widest cell of each column on one line; and the narrowest each column
/// may get. No word is ever broken: a column is at least as wide as its widest word, headings
/// included (they wrap between words only); a text column at least `min_text` if its text is
/// wider.
Columns natural_columns(const Table& table, const TableShaper& shaper, std::size_t count, double min_text) {
    Columns cols{std::vector<double>(count, 0), std::vector<double>(count, 0), std::vector<std::map<std::string, double>>(count),
                 std::vector<bool>(count, false)};
    for (const auto& row : table.body)
        for (std::size_t i = 0; i < row.cells.size() && i < count; ++i) {
            const auto& cell = row.cells[i];
            if (!is_number(cell)) cols.text[i] = true;
            else cols.tails[i][group_of(cell)] = std::max(cols.tail(i, cell), shaper.tail_width(cell));
        }
    auto widen = [&](std::size_t i, double width) { cols.widths[i] = std::max(cols.widths[i], width); };
    auto keep = [&](std::size_t i, double width) { cols.minimums[i] = std::max(cols.minimums[i], width); };
    const double padding = 2 * shaper.padding();
    for (const auto& row : table.header) {
        std::size_t column = 0;
        for (const auto& cell : row.cells) {
            if (cell.span == 1 && column < count) {
                widen(column, shaper.widest_word(cell, true) + padding);
                keep(column, shaper.widest_word(cell, true) + padding);
            }
            column += static_cast<std::size_t>(cell.span);
        }
    }
    for (const auto& row : table.body)
        for (std::size_t i = 0; i < row.cells.size() && i < count; ++i) {
            const auto& cell = row.cells[i];
            const double indent = i == 0 ? indent_of(row) : 0;
            double width = shaper.measure(shaper.shown(cell, false), cell, false);
            if (is_number(cell)) width += cols.tail(i, cell) - shaper.tail_width(cell);  // room to line up the commas
            widen(i, width + padding + indent);
            if (!is_number(cell)) keep(i, shaper.widest_word(cell, false) + padding + indent);
        }
    for (std::size_t i = 0; i < count; ++i)
        cols.minimums[i] = cols.text[i] ? std::max(cols.minimums[i], std::min(min_text, cols.widths[i])) : cols.widths[i];
    return cols;
}

/// Fits the columns into `width`. A table that fits is set at its natural width, each column
/// widened by the same amount up to kMaxGrowth, so a narrow table is not stretched across the
/// page. Otherwise every column gets its minimum, and the rest is shared in proportion to what
/// each column would take more: a text column its width on one line, a number column
/// kMaxGrowth of room, so the numbers are not squeezed while the labels take the page. Nothing
/// if even the minimums do not fit.
std::optional<Columns> fit_columns(Columns cols, double width) {
    const double natural = cols.total();
    if (natural <= width) {
        const double extra = std::min(kMaxGrowth, (width - natural) / static_cast<double>(cols.widths.size()));
        for (auto& w : cols.widths) w += extra;
        return cols;
    }
    const double minimum = std::accumulate(cols.minimums.begin(), cols.minimums.end(), 0.0);
    if (minimum > width) return std::nullopt;
    std::vector<double> wishes(cols.widths.size());
    for (std::size_t i = 0; i < wishes.size(); ++i) wishes[i] = cols.text[i] ? cols.widths[i] - cols.minimums[i] : kMaxGrowth;
    const double wish = std::accumulate(wishes.begin(), wishes.end(), 0.0);  // > width - minimum: natural > width
    for (std::size_t i = 0; i < wishes.size(); ++i) cols.widths[i] = cols.minimums[i] + (width - minimum) * wishes[i] / wish;
    return cols;
}

/// The heading of column `i` (its cell in the last header row), for messages.
std::string column_name(const Table& table, std::size_t i) {
    if (!table.header.empty()) {
        std::size_t column = 0;
        for (const auto& cell : table.header.back().cells) {
            if (column == i && cell.span == 1 && !plain_text(cell.text).empty()) return "'" + plain_text(cell.text) + "'";
            column += static_cast<std::size_t>(cell.span);
        }
    }
    return "column " + std::to_string(i + 1);
}

/// Why a table does not fit `width` even at its smallest size (`cols` measured at that size):
/// the error's message and hint, naming the text columns whose minimum makes it too wide, or
/// else the number columns.
std::pair<std::string, std::string> too_wide(const Table& table, const Columns& cols, double width) {
    auto points = [](double v) { return std::to_string(static_cast<int>(std::lround(v))) + " pt"; };
    const double minimum = std::accumulate(cols.minimums.begin(), cols.minimums.end(), 0.0);
    double numbers = 0;
    std::string text_columns;
    std::size_t text_count = 0, number_count = 0;
    for (std::size_t i = 0; i < cols.widths.size(); ++i) {
        if (!cols.text[i]) {
            numbers += cols.minimums[i];
            ++number_count;
        } else if (cols.minimums[i] > 0) {
            text_columns += (text_count++ == 0 ? "" : ", ") + column_name(table, i) + " (" + points(cols.minimums[i]) + ")";
        }
    }
    std::string message = "table is too wide for the page: its " + std::to_string(cols.widths.size()) + " columns need " +
                          points(minimum) + " with the text at the layout's smallest table size, the text width is " + points(width);
    if (numbers > width || text_count == 0)
        return {message + "; the " + std::to_string(number_count) + " number columns alone need " + points(numbers),
                "show fewer columns, or shorten the column headings"};
    return {message + "; the number columns need " + points(numbers) + ", and the text column" + (text_count > 1 ? "s " : " ") +
                text_columns + " cannot be narrower than " + (text_count > 1 ? "their" : "its") + " longest word or the layout's minimum",
            "shorten the longest words of " + std::string(text_count > 1 ? "those columns" : "that column") +
                " (labels, headings), show fewer columns, or use a layout with a wider page"};
}

/// One shaped cell: its text and where it starts.
struct ShapedCell {
    TextBlock block;
    double x = 0, width = 0;  ///< relative to the table's left edge
    double inset = 0;         ///< extra space at the right (decimal alignment)
    bool group = false;       ///< a header group label, underlined across its columns
};

/// A shaped row and its height.
struct ShapedRow {
    const TableRow* row;
    std::vector<ShapedCell> cells;
    double height = 0;
    bool header = false;
};

ShapedRow shape_row(const TableRow& row, bool header, const Columns& cols, const TableShaper& shaper, LayoutContext& c,
                    const SourceLocation& where) {
    ShapedRow shaped{&row, {}, 0, header};
    const bool grouped = std::any_of(row.cells.begin(), row.cells.end(), [](const TableCell& t) { return t.span > 1; });
    double x = 0;
    std::size_t column = 0;
    for (const auto& cell : row.cells) {
        if (column >= cols.widths.size()) break;
        double width = 0;
        for (int k = 0; k < cell.span && column < cols.widths.size(); ++k) width += cols.widths[column++];
        const double indent = shaped.cells.empty() ? indent_of(row) : 0;
        const double inset = !header && is_number(cell) ? cols.tail(column - 1, cell) - shaper.tail_width(cell) : 0;
        const double text_width = width - 2 * shaper.padding() - indent - inset;
        // Headings wrap between words only; text cells are hyphenated at the dictionary's points.
        TextBlock block = c.shape(shaper.shown(cell, header), shaper.settings(cell, text_width, header), where, !header && !is_number(cell));
        shaped.height = std::max(shaped.height, block.height() + 2 * shaper.padding());
        const bool group = header && grouped && !plain_text(cell.text).empty();
        shaped.cells.push_back({std::move(block), x + indent, width - indent, inset, group});
        x += width;
    }
    return shaped;
}

void draw_row(const ShapedRow& row, std::size_t index, double table_width, const TableShaper& shaper, LayoutContext& c,
              double x) {
    auto& items = c.flow.items();
    const auto& s = c.style;
    if (row.header) items.push_back(FilledRect{x, c.flow.y, table_width, row.height, s.table_header_background});
    else if (row.row->total) items.push_back(FilledRect{x, c.flow.y, table_width, row.height, s.table_total_background});
    else if (s.table_stripes && index % 2 == 1) items.push_back(FilledRect{x, c.flow.y, table_width, row.height, s.table_stripe});
    {
        auto table_row = c.flow.group(Role::tr);
        for (const auto& cell : row.cells) {
            {
                auto table_cell = c.flow.group(row.header ? Role::th : Role::td);
                double y = c.flow.y + shaper.padding();
                for (std::size_t l = 0; l < cell.block.lines().size(); ++l) {
                    cell.block.place_line(l, x + cell.x + shaper.padding(), y, c.flow.items());
                    y += cell.block.lines()[l].height;
                }
            }
            if (row.header && cell.x > 0)  // a thin line between header cells and groups
                c.flow.items().push_back(
                    Line{x + cell.x, c.flow.y + 2, x + cell.x, c.flow.y + row.height - 2, 0.3, s.table_header_color});
        }
    }
    const double bottom = c.flow.y + row.height;
    if (row.header) {
        for (const auto& cell : row.cells)  // a rule under each group label, across its columns
            if (cell.group)
                items.push_back(Line{x + cell.x + 2, bottom - 0.5, x + cell.x + cell.width - 2, bottom - 0.5, 0.4, s.table_header_color});
    } else {
        items.push_back(Line{x, bottom, x + table_width, bottom, 0.4, s.table_rule});
    }
    c.flow.y = bottom;
}

}  // namespace

TextBlock small_text(LayoutContext& c, const std::string& text, double size, double width, bool strong,
                     const SourceLocation& where) {
    TextSettings s = c.body(width);
    s.style.size = size;
    s.justify = false;
    if (strong) s.style.weight = "semibold";
    return c.shape({TextRun{text}}, s, where, false);
}

std::vector<TextBlock> notes_below(const std::vector<std::string>& notes, const std::string& source, LayoutContext& c,
                                   double width, const SourceLocation& where) {
    std::vector<TextBlock> blocks;
    for (const auto& note : notes) blocks.push_back(small_text(c, note, c.style.note_size, width, false, where));
    if (!source.empty()) blocks.push_back(small_text(c, source, c.style.note_size, width, false, where));
    return blocks;
}

void place_notes(const std::vector<TextBlock>& notes, LayoutContext& c, double x) {
    for (const auto& block : notes) {
        auto note = c.flow.group(Role::note);
        place_lines(block, c, x);
    }
}

namespace {

double height_of(const std::vector<TextBlock>& blocks) {
    double h = 0;
    for (const auto& b : blocks) h += b.height();
    return h;
}

}  // namespace

void layout_table(const Numbered<Table>& table, const SourceLocation& where, LayoutContext& c, double x, double width) {
    const std::size_t count = column_count(table);
    if (count == 0) return;
    // Shrink the text step by step until the table fits, down to the layout's minimum.
    std::optional<Columns> cols;
    std::optional<TableShaper> shaper;
    std::optional<Columns> smallest;
    for (double size = c.style.table_size; size >= c.style.table_min_size - 1e-9; size -= kShrinkStep) {
        shaper.emplace(c, size);
        smallest = natural_columns(table, *shaper, count, c.style.table_min_text_width);
        cols = fit_columns(*smallest, width);
        if (cols) break;
    }
    if (!cols) {
        if (smallest) {
            const auto [message, hint] = too_wide(table, *smallest, width);
            c.diagnostics.error(where, message, hint);
        }
        return;
    }
    std::vector<ShapedRow> header, body;
    for (const auto& row : table.header) header.push_back(shape_row(row, true, *cols, *shaper, c, where));
    for (const auto& row : table.body) body.push_back(shape_row(row, false, *cols, *shaper, c, where));
    double header_height = 0;
    for (const auto& h : header) header_height += h.height;

    const std::vector<TextBlock> below = notes_below(table.notes, table.source, c, width, where);  // kept with the last rows
    const double below_height = below.empty() ? 0 : 3 + height_of(below);

    const std::string& caption = table.numbering.caption;
    auto caption_block = [&](bool continued) {
        const std::string text = continued ? caption + " (" + c.style.label_continued + ")" : caption;
        return small_text(c, text, c.style.caption_size, width, true, where);
    };
    auto start_part = [&](bool continued) {
        if (!caption.empty()) {
            const TextBlock block = caption_block(continued);
            auto caption_group = c.flow.group(continued ? Role::artifact : Role::caption, {}, {}, where);
            place_lines(block, c, x);
            c.flow.y += 3;
        }
        // A repeated header is decoration: only the first one is part of the structure.
        auto head = c.flow.group(continued ? Role::artifact : Role::thead);
        for (std::size_t i = 0; i < header.size(); ++i) draw_row(header[i], i, cols->total(), *shaper, c, x);
    };

    const double caption_height = caption.empty() ? 0 : caption_block(false).height() + 3;
    double rows_height = 0;
    for (const auto& row : body) rows_height += row.height;
    const double whole = caption_height + header_height + rows_height + below_height;
    const double text_height = c.style.bottom() - c.style.margin_top;
    // A small table is never split; a long one starts with at least two rows.
    double first_rows = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(2, body.size()); ++i) first_rows += body[i].height;
    c.flow.ensure(whole <= kKeepWhole * text_height ? whole : caption_height + header_height + first_rows);
    c.flow.items().push_back(Anchor{table.numbering.anchor, c.flow.y});
    auto table_group = c.flow.group(Role::table, {}, {}, where);
    start_part(false);
    {
    auto table_body = c.flow.group(Role::tbody);
    for (std::size_t i = 0; i < body.size(); ++i) {
        // The last part holds at least two rows, and the notes and source line.
        double needs = body[i].height;
        if (i + 2 >= body.size()) {
            needs = below_height;
            for (std::size_t k = i; k < body.size(); ++k) needs += body[k].height;
        }
        if (needs > c.flow.remaining()) {
            c.flow.new_page();
            start_part(true);
        }
        draw_row(body[i], i, cols->total(), *shaper, c, x);
    }
    }
    c.flow.y += 3;
    place_notes(below, c, x);
    c.flow.y += c.style.table_space_after;
}

}  // namespace sats
