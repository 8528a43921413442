// Charts drawn into frames as vector paths and text in the report's fonts: columns, bars
// (with a range and a reference line), lines (with a target line), pies and donuts, stacked
// and 100 % bars. Nice 1-2-5 ticks, bars from zero, a zero line, legends, value labels that
// are left out where they would collide, markers and direct labels that read in grey.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/number_format.hpp"
#include "layout/layout_context.hpp"

namespace sats {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr std::size_t kMaxDirectLabels = 6;  ///< more line series than this are named by the legend only

/// A value axis: from `lo` to `hi` in steps of `step`, mapped onto [from, to] on the page.
struct Scale {
    double lo = 0, hi = 1, step = 1;
    double from = 0, to = 1;
    double at(double v) const { return from + (v - lo) / (hi - lo) * (to - from); }
    int decimals() const { return step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9)); }
};

/// Ticks in 1-2-5 steps covering [min, max]; with zero when `from_zero`.
Scale nice_scale(double min, double max, bool from_zero) {
    if (from_zero) {
        min = std::min(min, 0.0);
        max = std::max(max, 0.0);
    }
    if (max - min < 1e-12) {
        const double pad = std::abs(max) > 0 ? std::abs(max) * 0.1 : 1;
        min -= from_zero && min >= 0 ? 0 : pad;
        max += pad;
    }
    const double raw = (max - min) / 5;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double f : {1.0, 2.0, 5.0, 10.0})
        if (raw <= f * magnitude * (1 + 1e-9)) {
            step = f * magnitude;
            break;
        }
    Scale s;
    s.step = step;
    s.lo = std::floor(min / step + 1e-9) * step;
    s.hi = std::ceil(max / step - 1e-9) * step;
    if (s.hi <= s.lo) s.hi = s.lo + step;
    return s;
}

Path rect_path(double x, double y, double w, double h, Color fill) {
    Path p;
    p.steps = {{PathStep::move, x, y}, {PathStep::line, x + w, y}, {PathStep::line, x + w, y + h},
               {PathStep::line, x, y + h}, {PathStep::close}};
    p.fill = fill;
    return p;
}

Path line_path(double x1, double y1, double x2, double y2, Color stroke, double width, std::vector<double> dash = {}) {
    Path p;
    p.steps = {{PathStep::move, x1, y1}, {PathStep::line, x2, y2}};
    p.stroke = stroke;
    p.width = width;
    p.dash = std::move(dash);
    return p;
}

/// A marker of one of four shapes (circle, square, triangle, diamond) so series differ in grey.
Path marker(int shape, double x, double y, double r, Color color) {
    Path p;
    switch (shape % 4) {
        case 0: p.steps = {{PathStep::move, x + r, y}, {PathStep::arc, x, y, r, 0, 2 * kPi}, {PathStep::close}}; break;
        case 1: p = rect_path(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, color); break;
        case 2:
            p.steps = {{PathStep::move, x, y - r * 1.2}, {PathStep::line, x + r * 1.1, y + r * 0.8},
                       {PathStep::line, x - r * 1.1, y + r * 0.8}, {PathStep::close}};
            break;
        default:
            p.steps = {{PathStep::move, x, y - r * 1.3}, {PathStep::line, x + r * 1.1, y}, {PathStep::line, x, y + r * 1.3},
                       {PathStep::line, x - r * 1.1, y}, {PathStep::close}};
    }
    p.fill = color;
    return p;
}

/// Dash patterns by series, so lines differ in grey as well as in colour.
std::vector<double> dash_of(std::size_t series) {
    switch (series % 4) {
        case 0: return {};
        case 1: return {5, 2.5};
        case 2: return {1.5, 2};
        default: return {7, 2, 1.5, 2};
    }
}

/// Draws one chart at a position; all coordinates in page points.
class ChartPainter {
public:
    ChartPainter(const Chart& chart, LayoutContext& c, const SourceLocation& where)
        : chart_(chart), c_(c), where_(where), s_(c.style), full_(chart.type == "stacked100") {}

    /// The legend's height at `width` (0 when the chart needs none).
    double legend_height(double width) {
        const auto entries = legend_entries();
        if (entries.empty()) return 0;
        double x = 0, height = line_height();
        for (const auto& e : entries) {
            const double w = 14 + text(e, 0).width() + 12;
            if (x > 0 && x + w > width) {
                x = 0;
                height += line_height();
            }
            x += w;
        }
        return height + 6;
    }

    void draw_legend(double x0, double y0, double width, std::vector<FrameItem>& out) {
        const auto entries = legend_entries();
        double x = x0, y = y0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const TextBlock label = text(entries[i], 0);
            const double w = 14 + label.width() + 12;
            if (x > x0 && x + w > x0 + width) {
                x = x0;
                y += line_height();
            }
            const double mid = y + line_height() / 2;
            if (chart_.type == "line") {
                out.push_back(line_path(x, mid, x + 12, mid, color(i), s_.chart_line_width, dash_of(i)));
                out.push_back(marker(static_cast<int>(i), x + 6, mid, 2.2, color(i)));
            } else {
                out.push_back(rect_path(x + 1, mid - 4, 9, 8, color(i)));
            }
            label.place_line(0, x + 14, y, out);
            x += w;
        }
    }

    /// The drawing's height: `requested`, or more for horizontal bars whose category names
    /// need more lines than their rows have room for.
    double plot_height(double width, double requested) const {
        if (chart_.type != "bar" && chart_.type != "stacked" && chart_.type != "stacked100") return requested;
        double tallest = 0;
        for (const auto& name : chart_.categories) tallest = std::max(tallest, text(name, bar_label_width(width) - 6).height());
        return std::max(requested, static_cast<double>(chart_.categories.size()) * (tallest + 6) + line_height());
    }

    /// Draws the plot in the box; returns false (with an error) if it cannot.
    bool draw(double x, double y, double width, double height, std::vector<FrameItem>& out) {
        if (chart_.type == "pie" || chart_.type == "donut") draw_pie(x, y, width, height, out);
        else if (chart_.type == "bar" || chart_.type == "stacked" || chart_.type == "stacked100") draw_bars(x, y, width, height, out);
        else draw_vertical(x, y, width, height, out);
        return true;
    }

private:
    double line_height() const { return s_.chart_size * 1.5; }
    static double bar_label_width(double width) { return width * 0.34; }
    Color color(std::size_t i) const { return s_.chart_palette[i % s_.chart_palette.size()]; }

    TextBlock text(const std::string& t, double width, Align align = Align::left, bool strong = false,
                   std::optional<Color> color = std::nullopt) const {
        TextSettings settings = c_.body(width);
        settings.style.size = s_.chart_size;
        if (color) settings.style.color = *color;
        settings.justify = false;
        settings.align = align;
        settings.line_height = 1.25;
        settings.tabular = true;
        if (strong) settings.style.weight = "semibold";
        return c_.shape({TextRun{t}}, settings, where_, false);
    }

    void place(const TextBlock& block, double x, double y, std::vector<FrameItem>& out) const {
        for (std::size_t i = 0; i < block.lines().size(); ++i) {
            block.place_line(i, x, y, out);
            y += block.lines()[i].height;
        }
    }

    std::string format(double v, int decimals) const {
        NumberStyle style;
        style.decimals = decimals;
        style.suffix = full_ ? "%" : chart_.unit_suffix;
        return format_number(v, style);
    }

    /// White text on dark fills, the body colour on light ones.
    Color text_on(const Color& fill) const {
        const double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
        return luminance < 0.5 ? Color{1, 1, 1} : s_.body.color;
    }

    std::vector<std::string> legend_entries() const {
        std::vector<std::string> entries;
        if (chart_.type == "pie" || chart_.type == "donut") return entries;  // labelled beside the pie
        if (chart_.series.size() < 2 && chart_.ranges.empty()) return entries;
        for (const auto& s : chart_.series) entries.push_back(s.name);
        return entries;
    }

    /// Smallest and largest of every value, range, reference and target line.
    std::pair<double, double> extent(bool stacked) const {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        auto see = [&](std::optional<double> v) {
            if (!v) return;
            lo = std::min(lo, *v);
            hi = std::max(hi, *v);
        };
        if (stacked) {
            for (std::size_t i = 0; i < chart_.categories.size(); ++i) {
                double pos = 0, neg = 0;
                for (const auto& s : chart_.series)
                    if (s.values[i]) (*s.values[i] >= 0 ? pos : neg) += *s.values[i];
                see(pos);
                see(neg);
            }
        } else {
            for (const auto& s : chart_.series)
                for (const auto& v : s.values) see(v);
        }
        for (const auto& [low, high] : chart_.ranges) {
            see(low);
            see(high);
        }
        see(chart_.reference);
        see(chart_.target);
        if (lo > hi) return {0, 1};  // no values at all
        return {lo, hi};
    }

    /// Columns and lines: categories along the bottom, values up the left.
    void draw_vertical(double x, double y, double width, double height, std::vector<FrameItem>& out) {
        const bool lines = chart_.type == "line";
        const auto [min, max] = extent(false);
        Scale scale = nice_scale(min, max, !lines || min <= 0 || min < max * 0.5);
        // Room for the tick labels at the left, category labels below, direct labels at the right.
        double tick_width = 0;
        for (double v = scale.lo; v <= scale.hi + scale.step / 2; v += scale.step)
            tick_width = std::max(tick_width, text(format(v, scale.decimals()), 0).width());
        // Lines are labelled at their right end; with many series only the legend names them.
        const bool direct_labels = lines && chart_.series.size() <= kMaxDirectLabels;
        double right = 0;
        if (direct_labels)
            for (const auto& s : chart_.series) right = std::max(right, text(s.name, 0).width() + 10);
        right = std::min(right, width * 0.3);
        const double left = x + tick_width + 6;
        const double plot_width = x + width - right - left;
        const double slot = plot_width / static_cast<double>(chart_.categories.size());
        double label_height = 0;
        std::vector<TextBlock> category_labels;
        for (const auto& name : chart_.categories) {
            category_labels.push_back(text(name, std::max(slot - 4, 20.0), Align::center));
            label_height = std::max(label_height, category_labels.back().height());
        }
        const double top = y + 4, bottom = y + height - label_height - 4;
        scale.from = bottom;
        scale.to = top;
        draw_value_grid(scale, left, plot_width, true, out);
        for (std::size_t i = 0; i < category_labels.size(); ++i)
            place(category_labels[i], left + slot * static_cast<double>(i) + 2, bottom + 4, out);
        if (lines) draw_lines(scale, left, slot, direct_labels ? std::optional<double>(x + width - right) : std::nullopt, out);
        else draw_columns(scale, left, slot, out);
        draw_guides(scale, left, left + plot_width, true, out);
    }

    /// Grid lines and tick labels; a darker zero line when values go below zero.
    void draw_value_grid(const Scale& scale, double start, double length, bool vertical, std::vector<FrameItem>& out) {
        for (double v = scale.lo; v <= scale.hi + scale.step / 2; v += scale.step) {
            const double p = scale.at(v);
            const TextBlock label = text(format(std::abs(v) < scale.step / 1e6 ? 0 : v, scale.decimals()), 0);
            if (vertical) {
                out.push_back(line_path(start, p, start + length, p, s_.chart_grid, 0.5));
                label.place_line(0, start - 6 - label.width(), p - label.height() / 2, out);
            } else {
                out.push_back(line_path(p, start, p, start + length, s_.chart_grid, 0.5));
                label.place_line(0, p - label.width() / 2, start + length + 2, out);
            }
        }
        if (scale.lo < 0 && scale.hi > 0) {
            const double zero = scale.at(0);
            out.push_back(vertical ? line_path(start, zero, start + length, zero, s_.chart_axis, 0.9)
                                   : line_path(zero, start, zero, start + length, s_.chart_axis, 0.9));
        } else {
            const double base = scale.at(scale.lo < 0 ? scale.hi : scale.lo);
            out.push_back(vertical ? line_path(start, base, start + length, base, s_.chart_axis, 0.9)
                                   : line_path(base, start, base, start + length, s_.chart_axis, 0.9));
        }
    }

    /// Reference and target lines, dashed, with their labels.
    void draw_guides(const Scale& scale, double start, double end, bool vertical, std::vector<FrameItem>& out) {
        auto guide = [&](double v, const std::string& label) {
            const double p = scale.at(v);
            if (vertical) {
                out.push_back(line_path(start, p, end, p, s_.chart_reference, 1, {4, 3}));
                if (!label.empty()) text(label, 0, Align::left, true).place_line(0, start + 3, p - line_height(), out);
            } else {
                out.push_back(line_path(p, start, p, end, s_.chart_reference, 1, {4, 3}));
                if (!label.empty()) text(label, 0, Align::left, true).place_line(0, p + 3, start - line_height(), out);
            }
        };
        if (chart_.target) guide(*chart_.target, chart_.target_label.empty() ? "Mål: " + format(*chart_.target, chart_.decimals)
                                                                            : chart_.target_label);
        if (chart_.reference) guide(*chart_.reference, "");
    }

    void draw_columns(const Scale& scale, double left, double slot, std::vector<FrameItem>& out) {
        const std::size_t n = chart_.series.size();
        const double group = slot * 0.76;
        const double bar = group / static_cast<double>(n);
        const double zero = scale.at(std::clamp(0.0, scale.lo, scale.hi));
        for (std::size_t i = 0; i < chart_.categories.size(); ++i) {
            const double x0 = left + slot * static_cast<double>(i) + (slot - group) / 2;
            for (std::size_t s = 0; s < n; ++s) {
                const auto& v = chart_.series[s].values[i];
                const double bx = x0 + bar * static_cast<double>(s);
                if (!v) {  // a gap, marked as SSB marks a missing value
                    const TextBlock missing = text("..", bar, Align::center);
                    missing.place_line(0, bx, zero - missing.height(), out);
                    continue;
                }
                const double top = scale.at(*v);
                out.push_back(rect_path(bx + 0.5, std::min(top, zero), bar - 1, std::abs(zero - top), color(s)));
                // The value over the bar (under it when negative), only where it fits.
                const TextBlock label = text(format(*v, chart_.decimals), 0);
                if (label.width() <= bar + 1)
                    label.place_line(0, bx + (bar - label.width()) / 2, *v >= 0 ? top - label.height() : top + 1, out);
            }
        }
    }

    void draw_lines(const Scale& scale, double left, double slot, std::optional<double> label_x, std::vector<FrameItem>& out) {
        struct EndLabel {
            double y;
            std::size_t series;
        };
        std::vector<EndLabel> ends;
        for (std::size_t s = 0; s < chart_.series.size(); ++s) {
            Path path;
            path.stroke = color(s);
            path.width = s_.chart_line_width;
            path.dash = dash_of(s);
            bool pen_down = false;
            double last_y = 0;
            for (std::size_t i = 0; i < chart_.categories.size(); ++i) {
                const auto& v = chart_.series[s].values[i];
                if (!v) {  // a missing value breaks the line: a gap, never a zero
                    pen_down = false;
                    continue;
                }
                const double px = left + slot * (static_cast<double>(i) + 0.5), py = scale.at(*v);
                path.steps.push_back({pen_down ? PathStep::line : PathStep::move, px, py});
                pen_down = true;
                last_y = py;
            }
            if (path.steps.empty()) continue;
            out.push_back(path);
            for (std::size_t i = 0; i < chart_.categories.size(); ++i)
                if (const auto& v = chart_.series[s].values[i])
                    out.push_back(marker(static_cast<int>(s), left + slot * (static_cast<double>(i) + 0.5), scale.at(*v), 2.3, color(s)));
            ends.push_back({last_y, s});
        }
        if (!label_x) return;
        // Direct labels at the right end, pushed apart so they never overlap.
        std::sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
        const double gap = line_height();
        for (std::size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + gap);
        for (const auto& e : ends) {
            const TextBlock label = text(chart_.series[e.series].name, 0);
            label.place_line(0, *label_x + 6, e.y - label.height() / 2, out);
        }
    }

    /// Horizontal bars: categories down the left; plain, stacked or stacked to 100 %.
    void draw_bars(double x, double y, double width, double height, std::vector<FrameItem>& out) {
        const bool stacked = chart_.type != "bar", full = chart_.type == "stacked100";
        const std::size_t n = chart_.categories.size();
        auto [min, max] = extent(stacked);
        if (full) {
            min = 0;
            max = 100;
        }
        Scale scale = nice_scale(min, max, true);
        const double label_width = bar_label_width(width);
        std::vector<TextBlock> labels;
        double row = height / static_cast<double>(n);
        for (const auto& name : chart_.categories) labels.push_back(text(name, label_width - 6));
        const double plot_left = x + label_width, plot_width = width - label_width - 4;
        const double axis_label = line_height();
        row = (height - axis_label) / static_cast<double>(n);
        scale.from = plot_left;
        scale.to = plot_left + plot_width;
        draw_value_grid(scale, y, height - axis_label, false, out);
        const double zero = scale.at(0);
        for (std::size_t i = 0; i < n; ++i) {
            const double top = y + row * static_cast<double>(i);
            place(labels[i], x, top + (row - labels[i].height()) / 2, out);
            if (i < chart_.ranges.size() && chart_.ranges[i].first && chart_.ranges[i].second) {
                const double a = scale.at(*chart_.ranges[i].first), b = scale.at(*chart_.ranges[i].second);
                out.push_back(rect_path(std::min(a, b), top + row * 0.12, std::abs(b - a), row * 0.76, s_.chart_range));
            }
            if (stacked) {
                double total = 0;
                for (const auto& s : chart_.series) total += s.values[i].value_or(0);
                double pos = 0;
                for (std::size_t s = 0; s < chart_.series.size(); ++s) {
                    double v = chart_.series[s].values[i].value_or(0);
                    if (full) v = total != 0 ? v / total * 100 : 0;
                    const double a = scale.at(pos), b = scale.at(pos + v);
                    out.push_back(rect_path(a, top + row * 0.22, b - a, row * 0.56, color(s)));
                    const TextBlock label = text(full ? format_percent(v, 0) : format(v, chart_.decimals), 0, Align::left, false,
                                                 text_on(color(s)));
                    if (label.width() + 2 <= b - a)
                        label.place_line(0, a + (b - a - label.width()) / 2, top + (row - label.height()) / 2, out);
                    pos += v;
                }
                continue;
            }
            const std::size_t m = chart_.series.size();
            const double band = row * 0.6 / static_cast<double>(m);
            for (std::size_t s = 0; s < m; ++s) {
                const auto& v = chart_.series[s].values[i];
                const double by = top + row * 0.2 + band * static_cast<double>(s);
                if (!v) continue;
                const double end = scale.at(*v);
                out.push_back(rect_path(std::min(zero, end), by + 0.4, std::abs(end - zero), band - 0.8, color(s)));
                const TextBlock label = text(format(*v, chart_.decimals), 0);
                if (label.height() <= band + 2) {
                    const double lx = *v >= 0 ? end + 2 : end - 2 - label.width();
                    label.place_line(0, lx, by + (band - label.height()) / 2, out);
                }
            }
        }
        draw_guides(scale, y, y + height - axis_label, false, out);
    }

    /// Pie or donut, slices clockwise from the top, labelled in a list beside it.
    void draw_pie(double x, double y, double width, double height, std::vector<FrameItem>& out) {
        const auto& values = chart_.series[0].values;
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
            slice.fill = color(i);
            slice.stroke = Color{1, 1, 1};
            slice.width = 1;
            out.push_back(slice);
            angle += sweep;
        }
        if (chart_.type == "donut") {
            Path hole;
            hole.steps = {{PathStep::move, cx + r * 0.55, cy}, {PathStep::arc, cx, cy, r * 0.55, 0, 2 * kPi}, {PathStep::close}};
            hole.fill = Color{1, 1, 1};
            out.push_back(hole);
        }
        // The key: colour, name and value, one per line.
        const double key_x = cx + r + 20;
        double key_y = cy - static_cast<double>(values.size()) * line_height() / 2;
        for (std::size_t i = 0; i < values.size(); ++i) {
            out.push_back(rect_path(key_x, key_y + 2, 9, 8, color(i)));
            const TextBlock label = text(chart_.categories[i] + "  " + (values[i] ? format(*values[i], chart_.decimals) : ".."),
                                         x + width - key_x - 14);
            place(label, key_x + 14, key_y, out);
            key_y += std::max(line_height(), label.height());
        }
    }

    const Chart& chart_;
    LayoutContext& c_;
    const SourceLocation& where_;
    const LayoutStyle& s_;
    bool full_;  ///< 100 % bars: ticks and labels in percent
};

}  // namespace

void layout_chart(const Numbered<Chart>& chart, const SourceLocation& where, LayoutContext& c, double x, double width) {
    ChartPainter painter(chart, c, where);
    const std::string& caption = chart.numbering.caption;
    std::optional<TextBlock> caption_block;
    if (!caption.empty()) caption_block.emplace(small_text(c, caption, c.style.caption_size, width, true, where));
    const std::vector<TextBlock> below = notes_below(chart.notes, chart.source, c, width, where);
    double below_height = 0;
    for (const auto& b : below) below_height += b.height();
    const double legend = painter.legend_height(width);
    const double plot = painter.plot_height(width, chart.height > 0 ? chart.height : c.style.chart_height);
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
        painter.draw_legend(x, c.flow.y, width, c.flow.items());
        c.flow.y += legend;
        painter.draw(x, c.flow.y, width, plot, c.flow.items());
        c.flow.y += plot + 4;
        place_notes(below, c, x);
    }
    c.flow.y += c.style.table_space_after;
}

}  // namespace sats
