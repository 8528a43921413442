#include "layout/style.hpp"

#include "core/toml_reader.hpp"

#include <algorithm>
#include <filesystem>

namespace sats {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

/// Reads the keys of one layout section, reporting wrong values and unknown keys.
class SectionReader {
public:
    SectionReader(const toml::table* table, const std::string& file, Diagnostics& diagnostics)
        : fields_(table ? *table : empty(), file, diagnostics), diagnostics_(diagnostics) {}
    ~SectionReader() { fields_.reject_unknown_keys(); }
    SectionReader(const SectionReader&) = delete;
    SectionReader& operator=(const SectionReader&) = delete;

    void number(const std::string& key, double& out, double scale = 1.0) {
        if (auto v = fields_.number(key)) out = *v * scale;
    }
    void text(const std::string& key, std::string& out) {
        if (auto v = fields_.string(key)) out = *v;
    }
    void colors(const std::string& key, std::vector<Color>& out) {
        if (!fields_.node(key)) return;
        std::vector<Color> read;
        for (const auto& text : fields_.strings(key)) {
            if (auto c = parse_color(text)) read.push_back(*c);
            else diagnostics_.error(fields_.location(key), "'" + key + "' must list colours written #rrggbb");
        }
        if (read.empty()) diagnostics_.error(fields_.location(key), "'" + key + "' needs at least one colour");
        else out = read;
    }
    void strings(const std::string& key, std::vector<std::string>& out) {
        if (fields_.node(key)) out = fields_.strings(key);
    }
    void flag(const std::string& key, bool& out) {
        if (auto v = fields_.boolean(key)) out = *v;
    }
    void color(const std::string& key, Color& out) {
        const auto v = fields_.string(key);
        if (!v) return;
        if (auto c = parse_color(*v)) out = *c;
        else diagnostics_.error(fields_.location(key), "'" + key + "' must be a colour written #rrggbb");
    }
    /// A list of exactly N values, each read by `read`.
    template <typename T, std::size_t N, typename Read>
    void list(const std::string& key, std::array<T, N>& out, Read read) {
        const auto* node = fields_.node(key);
        if (!node) return;
        const auto* array = node->as_array();
        if (!array || array->size() != N) {
            diagnostics_.error(fields_.location(key), "'" + key + "' must be a list of " + std::to_string(N) + " values");
            return;
        }
        for (std::size_t i = 0; i < N; ++i) read((*array)[i], out[i]);
    }

private:
    static const toml::table& empty() {
        static const toml::table table;
        return table;
    }
    TomlFields fields_;
    Diagnostics& diagnostics_;
};

}  // namespace

std::optional<Color> parse_color(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
    }
    return Color{((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0};
}

WebLook web_look(const LayoutStyle& style) {
    WebLook look;
    look.font = style.body.font;
    look.text = style.body.color;
    look.accent = style.accent;
    look.heading = style.headings[1].color;
    look.link = style.link;
    look.caption = style.web_caption;
    look.rule = style.table_rule;
    look.header_background = style.table_header_background;
    look.header_color = style.table_header_color;
    look.line_height = style.web_line_height;
    look.title_size = style.web_title_size;
    look.caption_size = style.web_caption_size;
    look.width = style.web_width;
    look.full_report = style.label_full_report;
    return look;
}

std::optional<LayoutStyle> load_layout(const Environment& env, const std::string& name, Diagnostics& diagnostics,
                                       const SourceLocation& asked_at) {
    const auto path = env.resource_dir() / "layouts" / name / "layout.toml";
    const std::string file = path.lexically_normal().string();
    const auto text = stays_inside(name) ? env.read_file(path) : std::nullopt;
    if (!text) {
        std::vector<std::string> known;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(env.resource_dir() / "layouts", ec))
            known.push_back(entry.path().filename().string());
        std::sort(known.begin(), known.end());
        const auto near = closest_match(name, known);
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        diagnostics.error(asked_at, "unknown layout '" + name + "'",
                          near.empty() ? "the layouts are: " + list : "did you mean '" + near + "'?");
        return std::nullopt;
    }
    const auto root = parse_toml(*text, file, diagnostics);
    if (!root) return std::nullopt;
    TomlFields top(*root, file, diagnostics);
    LayoutStyle s;
    {
        SectionReader page(top.table("page"), file, diagnostics);
        page.number("width_mm", s.page_width, kPointsPerMm);
        page.number("height_mm", s.page_height, kPointsPerMm);
        page.number("margin_top_mm", s.margin_top, kPointsPerMm);
        page.number("margin_bottom_mm", s.margin_bottom, kPointsPerMm);
        page.number("margin_left_mm", s.margin_left, kPointsPerMm);
        page.number("margin_right_mm", s.margin_right, kPointsPerMm);
    }
    {
        SectionReader text_section(top.table("text"), file, diagnostics);
        text_section.text("font", s.body.font);
        text_section.number("size", s.body.size);
        text_section.number("line_height", s.line_height);
        text_section.number("paragraph_space", s.paragraph_space);
        text_section.color("color", s.body.color);
        text_section.flag("justify", s.justify);
        text_section.flag("hyphenate", s.hyphenate);
        text_section.text("hyphenation_dictionary", s.hyphenation_dictionary);
        text_section.strings("hyphenation_exceptions", s.hyphenation_exceptions);
        text_section.strings("hyphenation_words", s.hyphenation_words);
    }
    {
        SectionReader h(top.table("headings"), file, diagnostics);
        std::string font = s.body.font;
        Color color = s.body.color;
        h.text("font", font);
        h.color("color", color);
        for (auto& heading : s.headings) {
            heading.font = font;
            heading.color = color;
        }
        std::array<double, 4> sizes{22, 15, 12, 10.5};
        std::array<std::string, 4> weights{"bold", "bold", "semibold", "semibold"};
        auto read_number = [](const toml::node& n, double& out) { out = n.value<double>().value_or(out); };
        h.list("sizes", sizes, read_number);
        h.list("weights", weights, [](const toml::node& n, std::string& out) { out = n.value<std::string>().value_or(out); });
        h.list("space_before", s.heading_space_before, read_number);
        h.list("space_after", s.heading_space_after, read_number);
        for (std::size_t i = 0; i < 4; ++i) {
            s.headings[i].size = sizes[i];
            s.headings[i].weight = weights[i];
        }
    }
    {
        SectionReader t(top.table("table"), file, diagnostics);
        t.number("size", s.table_size);
        t.number("min_size", s.table_min_size);
        t.flag("stripes", s.table_stripes);
        t.number("padding", s.table_padding);
        t.color("header_background", s.table_header_background);
        t.color("header_color", s.table_header_color);
        t.color("stripe", s.table_stripe);
        t.color("rule_color", s.table_rule);
        t.color("total_background", s.table_total_background);
        t.number("caption_size", s.caption_size);
        t.number("note_size", s.note_size);
        t.number("space_after", s.table_space_after);
    }
    {
        SectionReader l(top.table("labels"), file, diagnostics);
        l.text("table", s.label_table);
        l.text("figure", s.label_figure);
        l.text("page", s.label_page);
        l.text("continued", s.label_continued);
        l.text("target", s.label_target);
        l.text("full_report", s.label_full_report);
    }
    {
        SectionReader t(top.table("toc"), file, diagnostics);
        t.text("title", s.toc_title);
        double levels = s.toc_levels;
        t.number("levels", levels);
        s.toc_levels = static_cast<int>(levels);
    }
    {
        SectionReader ch(top.table("chart"), file, diagnostics);
        ch.number("height", s.chart_height);
        ch.number("size", s.chart_size);
        ch.number("line_width", s.chart_line_width);
        ch.colors("palette", s.chart_palette);
        ch.color("grid", s.chart_grid);
        ch.number("grid_width", s.chart_grid_width);
        ch.color("axis", s.chart_axis);
        ch.number("axis_width", s.chart_axis_width);
        ch.color("range", s.chart_range);
        ch.color("reference", s.chart_reference);
        ch.number("reference_width", s.chart_reference_width);
        ch.color("background", s.chart_background);
        ch.color("on_dark", s.chart_on_dark);
    }
    s.code = s.body;
    s.code.font = "DejaVu Sans Mono";
    {
        SectionReader c(top.table("code"), file, diagnostics);
        c.text("font", s.code.font);
        c.number("size", s.code.size);
    }
    s.footer = s.body;
    {
        SectionReader f(top.table("footer"), file, diagnostics);
        f.number("size", s.footer.size);
        f.color("color", s.footer.color);
        f.flag("on_chapter_openers", s.footer_on_openers);
    }
    {
        SectionReader h(top.table("header"), file, diagnostics);
        h.flag("show", s.header);
        h.flag("on_chapter_openers", s.header_on_openers);
    }
    {
        SectionReader c(top.table("cover"), file, diagnostics);
        c.number("band", s.cover_band);
    }
    {
        SectionReader c(top.table("colors"), file, diagnostics);
        c.color("link", s.link);
        c.color("accent", s.accent);
    }
    {
        SectionReader w(top.table("web"), file, diagnostics);
        w.color("caption_color", s.web_caption);
        w.number("line_height", s.web_line_height);
        w.number("title_size", s.web_title_size);
        w.number("caption_size", s.web_caption_size);
        w.number("width", s.web_width);
    }
    top.reject_unknown_keys();
    return s;
}

}  // namespace sats
