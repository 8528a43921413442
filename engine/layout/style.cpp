#include "layout/style.hpp"

#include "content/page_settings.hpp"
#include "core/counter_format.hpp"
#include "core/toml_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <type_traits>
#include <variant>

namespace sats {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

/// Where a layout key's value is stored.
using LayoutSlot = std::variant<double LayoutStyle::*, bool LayoutStyle::*, std::string LayoutStyle::*, Color LayoutStyle::*,
                                std::vector<Color> LayoutStyle::*, std::vector<std::string> LayoutStyle::*>;

/// A key of a layout section read straight into a member; numbers are multiplied by `scale`.
struct LayoutKey {
    const char* name;
    LayoutSlot slot;
    double scale = 1.0;
};

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
    /// The section's left, center and right running texts (of the header or footer, `what`).
    RunningTexts running(const std::string& what) { return read_running_texts(fields_, what); }
    /// Where `key` is written, or the section's place if it is not.
    SourceLocation location(const std::string& key) const { return fields_.location(key); }
    /// Reports an error about the value of `key`, where it is written.
    void error(const std::string& key, std::string message, std::string hint = {}) {
        diagnostics_.error(location(key), std::move(message), std::move(hint));
    }
    /// Warns about the value of `key`, where it is written.
    void warning(const std::string& key, std::string message, std::string hint = {}) {
        diagnostics_.warning(location(key), std::move(message), std::move(hint));
    }
    /// A font family: read into `out` (kept if the key is absent), and added to `named` with
    /// where it is written, or the section's place if `always` and it is not.
    void font(const std::string& key, std::string& out, std::vector<NamedFont>& named, bool always) {
        const bool given = fields_.node(key) != nullptr;
        text(key, out);
        if (given || always) named.push_back({out, location(key)});
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
    /// Reads `key` into its member of `style`.
    void read(const LayoutKey& key, LayoutStyle& style) {
        std::visit(
            [&](auto member) {
                auto& out = style.*member;
                using T = std::remove_reference_t<decltype(out)>;
                if constexpr (std::is_same_v<T, double>) number(key.name, out, key.scale);
                else if constexpr (std::is_same_v<T, bool>) flag(key.name, out);
                else if constexpr (std::is_same_v<T, std::string>) text(key.name, out);
                else if constexpr (std::is_same_v<T, Color>) color(key.name, out);
                else if constexpr (std::is_same_v<T, std::vector<Color>>) colors(key.name, out);
                else strings(key.name, out);
            },
            key.slot);
    }
    /// A list of one value per heading level, at least `least` of them. The levels left out
    /// get `rest`, or repeat the last value given.
    template <typename T, typename Read>
    void levels(const std::string& key, std::array<T, kMaxHeadingLevel>& out, Read read, std::size_t least = 4,
                std::optional<T> rest = std::nullopt) {
        const auto* node = fields_.node(key);
        if (!node) return;
        const auto* array = node->as_array();
        if (!array || array->size() < least || array->size() > kMaxHeadingLevel) {
            diagnostics_.error(fields_.location(key), "'" + key + "' must be a list of " + std::to_string(least) + " to " +
                                                          std::to_string(kMaxHeadingLevel) + " values, one per heading level");
            return;
        }
        for (std::size_t i = 0; i < kMaxHeadingLevel; ++i) {
            if (i < array->size() || !rest) read((*array)[std::min(i, array->size() - 1)], out[i]);
            else out[i] = *rest;
        }
    }

private:
    static const toml::table& empty() {
        static const toml::table table;
        return table;
    }
    TomlFields fields_;
    Diagnostics& diagnostics_;
};

/// The [headings] section: one font and colour for all levels, and lists of a value per
/// level for sizes, weights, spacing and numbering.
void read_headings(SectionReader& h, LayoutStyle& s) {
    std::string font = s.body.font;
    Color color = s.body.color;
    h.font("font", font, s.fonts, false);
    h.color("color", color);
    for (auto& heading : s.headings) {
        heading.font = font;
        heading.color = color;
    }
    std::array<double, kMaxHeadingLevel> sizes{22, 15, 12, 10.5, 10, 10};
    std::array<std::string, kMaxHeadingLevel> weights{"bold", "bold", "semibold", "semibold", "semibold", "normal"};
    auto read_number = [](const toml::node& n, double& out) { out = n.value<double>().value_or(out); };
    auto read_text = [](const toml::node& n, std::string& out) { out = n.value<std::string>().value_or(out); };
    h.levels("sizes", sizes, read_number);
    h.levels("weights", weights, read_text);
    const std::vector<std::string> known(std::begin(kFontWeights), std::end(kFontWeights));
    for (const auto& weight : weights)
        if (std::find(known.begin(), known.end(), weight) == known.end())
            h.warning("weights", "unknown font weight '" + weight + "'; it is set as normal", did_you_mean(weight, known));
    h.levels("space_before", s.heading_space_before, read_number);
    h.levels("space_after", s.heading_space_after, read_number);
    h.levels("numbering", s.heading_numbering, read_text, 1, std::optional<std::string>(""));
    for (const auto& pattern : s.heading_numbering)
        if (!pattern.empty() && counter_marks(pattern) == 0)
            h.warning("numbering", "the numbering pattern '" + pattern + "' has no number in it",
                      "write 1, a, A, i or I where the number goes, e.g. \"1.1\" or \"A.\"");
    h.text("run_in_separator", s.run_in_separator);
    for (std::size_t i = 0; i < kMaxHeadingLevel; ++i) {
        s.headings[i].size = sizes[i];
        s.headings[i].weight = weights[i];
    }
}

/// Checks the [fields] section's words and the room it leaves the values.
void check_fields(SectionReader& r, const LayoutStyle& s) {
    const std::vector<std::string> styles(std::begin(kFieldStyles), std::end(kFieldStyles));
    if (std::find(styles.begin(), styles.end(), s.fields_style) == styles.end()) {
        const std::string near = did_you_mean(s.fields_style, styles);
        r.error("style", "unknown field block style '" + s.fields_style + "'", near.empty() ? "one of: box, rules, plain" : near);
    }
    const std::vector<std::string> weights(std::begin(kFontWeights), std::end(kFontWeights));
    if (std::find(weights.begin(), weights.end(), s.fields_label_weight) == weights.end())
        r.warning("label_weight", "unknown font weight '" + s.fields_label_weight + "'; it is set as normal",
                  did_you_mean(s.fields_label_weight, weights));
    if (s.fields_label_width <= 0 || s.fields_label_width + s.fields_gap > s.text_width() / 2)
        r.error("label_width", "'label_width' and 'gap' must leave the values at least half the text width (" +
                                   std::to_string(static_cast<int>(s.text_width())) + " pt)");
}

/// The keys of each section that go straight into one member of LayoutStyle (the others are
/// read by load_layout itself). Lengths written in millimetres are scaled to points.
const std::vector<LayoutKey>& plain_keys(const std::string& section) {
    using S = LayoutStyle;
    static const std::map<std::string, std::vector<LayoutKey>> keys{
        {"page",
         {{"width_mm", &S::page_width, kPointsPerMm}, {"height_mm", &S::page_height, kPointsPerMm},
          {"margin_top_mm", &S::margin_top, kPointsPerMm}, {"margin_bottom_mm", &S::margin_bottom, kPointsPerMm},
          {"margin_left_mm", &S::margin_left, kPointsPerMm}, {"margin_right_mm", &S::margin_right, kPointsPerMm}}},
        {"text",
         {{"line_height", &S::line_height}, {"paragraph_space", &S::paragraph_space}, {"justify", &S::justify},
          {"hyphenate", &S::hyphenate}, {"hyphenation_dictionary", &S::hyphenation_dictionary},
          {"hyphenation_exceptions", &S::hyphenation_exceptions}, {"hyphenation_words", &S::hyphenation_words}}},
        {"table",
         {{"size", &S::table_size}, {"min_size", &S::table_min_size}, {"stripes", &S::table_stripes},
          {"padding", &S::table_padding}, {"header_background", &S::table_header_background},
          {"header_color", &S::table_header_color}, {"stripe", &S::table_stripe}, {"rule_color", &S::table_rule},
          {"total_background", &S::table_total_background}, {"caption_size", &S::caption_size},
          {"note_size", &S::note_size}, {"space_after", &S::table_space_after}}},
        {"labels",
         {{"table", &S::label_table}, {"figure", &S::label_figure}, {"page", &S::label_page},
          {"continued", &S::label_continued}, {"target", &S::label_target}, {"full_report", &S::label_full_report}}},
        {"toc", {{"title", &S::toc_title}}},
        {"lists", {{"bullets", &S::bullets}, {"numbers", &S::list_numbers}}},
        {"chart",
         {{"height", &S::chart_height}, {"size", &S::chart_size}, {"line_width", &S::chart_line_width},
          {"palette", &S::chart_palette}, {"grid", &S::chart_grid}, {"grid_width", &S::chart_grid_width},
          {"axis", &S::chart_axis}, {"axis_width", &S::chart_axis_width}, {"range", &S::chart_range},
          {"reference", &S::chart_reference}, {"reference_width", &S::chart_reference_width},
          {"background", &S::chart_background}, {"on_dark", &S::chart_on_dark}}},
        {"fields",
         {{"style", &S::fields_style}, {"label_width", &S::fields_label_width}, {"label_weight", &S::fields_label_weight},
          {"label_color", &S::fields_label_color}, {"gap", &S::fields_gap}, {"padding", &S::fields_padding},
          {"background", &S::fields_background}, {"border", &S::fields_border}, {"border_width", &S::fields_border_width},
          {"rule", &S::fields_rule}, {"rule_width", &S::fields_rule_width}, {"space_after", &S::fields_space_after}}},
        {"footer", {{"on_chapter_openers", &S::footer_on_openers}}},
        {"header", {{"show", &S::header}, {"on_chapter_openers", &S::header_on_openers}}},
        {"cover", {{"band", &S::cover_band}}},
        {"colors", {{"link", &S::link}, {"accent", &S::accent}}},
        {"web",
         {{"caption_color", &S::web_caption}, {"line_height", &S::web_line_height}, {"title_size", &S::web_title_size},
          {"caption_size", &S::web_caption_size}, {"width", &S::web_width}}},
    };
    static const std::vector<LayoutKey> none;
    const auto it = keys.find(section);
    return it == keys.end() ? none : it->second;
}

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
    const auto section = [&](const char* name, const std::function<void(SectionReader&)>& own_keys = {}) {
        SectionReader reader(top.table(name), file, diagnostics);
        for (const auto& key : plain_keys(name)) reader.read(key, s);
        if (own_keys) own_keys(reader);
    };
    section("page");
    section("text", [&](SectionReader& r) {
        r.font("font", s.body.font, s.fonts, true);
        s.hyphenation_at = r.location("hyphenation_dictionary");
        r.number("size", s.body.size);
        r.color("color", s.body.color);
    });
    section("headings", [&](SectionReader& r) { read_headings(r, s); });
    section("table");
    section("lists", [&](SectionReader& r) {
        if (s.bullets.empty()) r.warning("bullets", "'bullets' is empty; lists use \u2022", "give one marker per level");
        if (s.list_numbers.empty()) r.warning("numbers", "'numbers' is empty; numbered lists use 1.", "give one pattern per level");
        if (s.bullets.empty()) s.bullets = {"\u2022"};
        if (s.list_numbers.empty()) s.list_numbers = {"1."};
    });
    section("labels");
    section("toc", [&](SectionReader& r) {
        double levels = s.toc_levels;
        r.number("levels", levels);
        s.toc_levels = static_cast<int>(levels);
    });
    section("chart");
    section("fields", [&](SectionReader& r) { check_fields(r, s); });
    s.code = s.body;
    s.code.font = "DejaVu Sans Mono";
    section("code", [&](SectionReader& r) {
        r.font("font", s.code.font, s.fonts, true);
        r.number("size", s.code.size);
    });
    s.footer = s.body;
    section("footer", [&](SectionReader& r) {
        s.footer_texts = r.running("footer").over(s.footer_texts);
        r.number("size", s.footer.size);
        r.color("color", s.footer.color);
    });
    section("header", [&](SectionReader& r) { s.header_texts = r.running("header").over(s.header_texts); });
    section("cover");
    section("colors");
    section("web");
    top.reject_unknown_keys();
    return s;
}

}  // namespace sats
