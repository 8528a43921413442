#include "layout/text_block.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string_view>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

namespace sats {

namespace {

constexpr double kScale = PANGO_SCALE;
constexpr double kOverfullTolerance = 0.5;  ///< points a line may stick out before it counts as overfull

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using AttrList = std::unique_ptr<PangoAttrList, Deleter<PangoAttrList, pango_attr_list_unref>>;
using LayoutIter = std::unique_ptr<PangoLayoutIter, Deleter<PangoLayoutIter, pango_layout_iter_free>>;

void insert(PangoAttrList* list, PangoAttribute* attr, std::size_t start, std::size_t end) {
    attr->start_index = static_cast<guint>(start);
    attr->end_index = static_cast<guint>(end);
    pango_attr_list_insert(list, attr);
}

/// A link's byte range in the layout text.
struct LinkRange {
    std::size_t start, end;
    std::string uri;
};

/// Converts one pango run to a glyph run with its origin at the run's baseline start.
GlyphRun glyph_run(PangoGlyphItem* run, const std::string& text, double x, double baseline, const Color& color,
                   FontFiles& fonts) {
    GlyphRun out;
    PangoFont* font = run->item->analysis.font;
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    int index = 0;
    double pixel_size = 0;
    FcChar8* full_name = nullptr;
    FcPatternGetString(pattern, FC_FILE, 0, &file);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
    FcPatternGetDouble(pattern, FC_PIXEL_SIZE, 0, &pixel_size);
    FcPatternGetString(pattern, FC_POSTSCRIPT_NAME, 0, &full_name);
    out.font = fonts.face(file ? reinterpret_cast<const char*>(file) : "", index,
                        full_name ? reinterpret_cast<const char*>(full_name) : "");
    out.size = pixel_size;
    out.color = color;
    out.x = x;
    out.y = baseline;
    const auto offset = static_cast<std::size_t>(run->item->offset);
    const auto length = static_cast<std::size_t>(run->item->length);
    ShapedText shaped;
    shaped.text = text.substr(offset, length);

    const PangoGlyphString* glyphs = run->glyphs;
    double pen = 0;
    int cluster_start = -1;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& info = glyphs->glyphs[i];
        const int cluster = glyphs->log_clusters[i];
        if (cluster != cluster_start) {
            shaped.clusters.push_back({0, 0});
            cluster_start = cluster;
        }
        const bool empty = info.glyph == PANGO_GLYPH_EMPTY;
        if (!empty) {
            const std::uint32_t id = (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : info.glyph;
            shaped.glyphs.push_back({id, pen + info.geometry.x_offset / kScale, info.geometry.y_offset / kScale});
            ++shaped.clusters.back().glyphs;
        }
        pen += info.geometry.width / kScale;
    }
    // Cluster byte lengths: from each cluster start to the next (runs are left to right here).
    std::vector<int> starts;
    for (int i = 0; i < glyphs->num_glyphs; ++i)
        if (starts.empty() || starts.back() != glyphs->log_clusters[i]) starts.push_back(glyphs->log_clusters[i]);
    for (std::size_t c = 0; c < starts.size(); ++c) {
        const int end = c + 1 < starts.size() ? starts[c + 1] : static_cast<int>(length);
        shaped.clusters[c].bytes = end - starts[c];
    }
    // Drop clusters that draw nothing and hold nothing; cairo needs at least one of the two.
    shaped.clusters.erase(std::remove_if(shaped.clusters.begin(), shaped.clusters.end(),
                                         [](const Cluster& c) { return c.bytes == 0 && c.glyphs == 0; }),
                          shaped.clusters.end());
    out.shaped = std::make_shared<const ShapedText>(std::move(shaped));
    return out;
}

/// An invisible break opportunity (zero width space).
constexpr std::string_view kBreak = "\u200B";

/// pango breaks a word that is wider than the line between characters in time quadratic in
/// the word's length (a paragraph of one 100 000-character word took 48 s to lay out, against
/// 1 s for the same length in words). So a word gets a kBreak after every this many
/// characters: no real word is that long, and no text takes longer than ordinary words.
constexpr std::size_t kMaxUnbrokenChars = 500;

/// Appends `text` to `out` with a kBreak after every kMaxUnbrokenChars characters without a
/// space, tab or line end; `unbroken` counts such characters before `text` (a word may go on
/// over several runs), and after it.
void append_breakable(std::string& out, const std::string& text, std::size_t& unbroken) {
    for (const char c : text) {
        const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_character && unbroken == kMaxUnbrokenChars) {
            out += kBreak;
            unbroken = 0;
        }
        out += c;
        if (c == ' ' || c == '\t' || c == '\n') unbroken = 0;
        else if (starts_character) ++unbroken;
    }
}

/// `text` without what was added for line breaking: U+00AD (soft hyphens inserted for
/// hyphenation) and kBreak.
std::string without_breaks(std::string text) {
    for (const std::string_view added : {std::string_view("\u00AD"), kBreak})
        for (auto at = text.find(added); at != std::string::npos; at = text.find(added, at)) text.erase(at, added.size());
    return text;
}

/// Pango 1.50 justifies a line that ends in a soft hyphen and then adds the hyphen, which
/// sticks out into the margin by its width. Squeeze such a line back to the measure (by a
/// fraction of a percent, spread over the whole line).
void fit_justified(TextLine& line, double width) {
    const double factor = width / line.width;
    for_each<GlyphRun>(line.items, [factor](GlyphRun& run) {
        run.x *= factor;
        auto scaled = std::make_shared<ShapedText>(*run.shaped);
        for (auto& glyph : scaled->glyphs) glyph.x *= factor;
        run.shaped = std::move(scaled);
    });
    for_each<LinkArea>(line.items, [factor](LinkArea& link) {
        link.x *= factor;
        link.width *= factor;
    });
    line.width = width;
}

}  // namespace

int pango_weight_of(const std::string& name) {
    static constexpr int weights[] = {PANGO_WEIGHT_LIGHT, PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_MEDIUM, PANGO_WEIGHT_SEMIBOLD,
                                      PANGO_WEIGHT_BOLD};
    static_assert(std::size(weights) == std::size(kFontWeights), "a pango weight for each name in kFontWeights");
    for (std::size_t i = 0; i < std::size(kFontWeights); ++i)
        if (name == kFontWeights[i]) return weights[i];
    return PANGO_WEIGHT_NORMAL;
}

TextBlock::TextBlock(PangoContext* context, const Inlines& runs, const TextSettings& settings, FontFiles& fonts) {
    std::string text;
    AttrList attrs(pango_attr_list_new());
    std::vector<LinkRange> links;
    std::vector<LinkRange> languages;  // text in another language: range and language code
    std::size_t unbroken = 0;
    for (const auto& run : runs) {
        const std::size_t start = text.size();
        append_breakable(text, run.text, unbroken);
        const std::size_t end = text.size();
        if (run.strong) insert(attrs.get(), pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
        if (run.emphasis) insert(attrs.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
        if (run.code) insert(attrs.get(), pango_attr_family_new(settings.code_font.c_str()), start, end);
        if (run.superscript) {
            insert(attrs.get(), pango_attr_rise_new(static_cast<int>(settings.style.size * 0.35 * kScale)), start, end);
            insert(attrs.get(), pango_attr_scale_new(0.7), start, end);
        }
        if (!run.link.empty()) {
            insert(attrs.get(), pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
            links.push_back({start, end, run.link});
        }
        if (!run.lang.empty()) {
            insert(attrs.get(), pango_attr_language_new(pango_language_from_string(run.lang.c_str())), start, end);
            languages.push_back({start, end, run.lang});
        }
    }

    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, settings.style.font.c_str());
    pango_font_description_set_absolute_size(font, settings.style.size * kScale);
    pango_font_description_set_weight(font, static_cast<PangoWeight>(pango_weight_of(settings.style.weight)));
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    if (settings.tabular) insert(attrs.get(), pango_attr_font_features_new("tnum"), 0, text.size());
    // Baselines `line_height` × the font size apart, whatever the font's own ascent and descent.
    insert(attrs.get(), pango_attr_line_height_new_absolute(static_cast<int>(settings.style.size * settings.line_height * kScale)),
           0, text.size());
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout, attrs.get());
    if (settings.width > 0) {
        pango_layout_set_width(layout, static_cast<int>(settings.width * kScale));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout, settings.align == Align::right    ? PANGO_ALIGN_RIGHT
                                       : settings.align == Align::center ? PANGO_ALIGN_CENTER
                                                                         : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(layout, settings.justify);
    unknown_glyphs_ = pango_layout_get_unknown_glyphs_count(layout);

    LayoutIter iter(pango_layout_get_iter(layout));
    double previous_top = -1;
    do {
        PangoRectangle line_rect;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &line_rect);
        const double top = line_rect.y / kScale;
        if (top != previous_top) {
            if (!lines_.empty()) lines_.back().height = top - previous_top;
            lines_.push_back({line_rect.height / kScale, line_rect.width / kScale, {}});
            previous_top = top;
        }
        PangoGlyphItem* run = pango_layout_iter_get_run_readonly(iter.get());
        if (!run) continue;
        PangoRectangle run_rect;
        pango_layout_iter_get_run_extents(iter.get(), nullptr, &run_rect);
        const double baseline = pango_layout_iter_get_baseline(iter.get()) / kScale - top;
        const double x = run_rect.x / kScale;
        const auto offset = static_cast<std::size_t>(run->item->offset);
        const auto link = std::find_if(links.begin(), links.end(),
                                       [&](const LinkRange& l) { return offset >= l.start && offset < l.end; });
        const Color color = link != links.end() ? settings.link_color : settings.style.color;
        auto glyphs = glyph_run(run, text, x, baseline, color, fonts);
        const auto language = std::find_if(languages.begin(), languages.end(),
                                           [&](const LinkRange& l) { return offset >= l.start && offset < l.end; });
        const bool drawn = !glyphs.glyphs().empty() || !glyphs.text().empty();
        if (language != languages.end()) {
            Group span{Role::span, {}, language->uri, {}, false, false, {}};
            if (drawn) span.items.push_back(std::move(glyphs));
            lines_.back().items.push_back(std::move(span));
        } else if (drawn) {
            lines_.back().items.push_back(std::move(glyphs));
        }
        if (link != links.end())
            lines_.back().items.push_back(LinkArea{x, 0, run_rect.width / kScale, lines_.back().height, link->uri,
                                                   without_breaks(text.substr(link->start, link->end - link->start))});
    } while (pango_layout_iter_next_run(iter.get()));
    g_object_unref(layout);
    if (settings.width > 0)
        for (auto& line : lines_) {
            if (settings.justify && line.width > settings.width + kOverfullTolerance) fit_justified(line, settings.width);
            if (line.width <= settings.width + kOverfullTolerance) continue;
            if (++overfull_lines_ > 1) continue;
            overfull_by_ = line.width - settings.width;
            for_each<GlyphRun>(line.items, [this](const GlyphRun& run) { overfull_text_ += run.text(); });
        }
}

double TextBlock::height() const {
    double h = 0;
    for (const auto& line : lines_) h += line.height;
    return h;
}

double TextBlock::width() const {
    double w = 0;
    for (const auto& line : lines_) w = std::max(w, line.width);
    return w;
}

void TextBlock::place_line(std::size_t index, double x, double y, std::vector<FrameItem>& out) const {
    for (const auto& item : lines_.at(index).items) {
        FrameItem placed = item;
        translate(placed, x, y);
        out.push_back(std::move(placed));
    }
}

}  // namespace sats
