#pragma once
// A layout as data (`layouts/<name>/layout.toml`): page size and margins, fonts, sizes and
// colours. Nothing about the look of a report is hard-coded in C++.

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "content/document.hpp"
#include "content/running_texts.hpp"
#include "core/environment.hpp"
#include "frames/frames.hpp"

namespace sats {

/// Font family, size, weight and colour of one kind of text.
struct TextStyle {
    std::string font = "Inter";
    double size = 10;
    std::string weight = "normal";
    Color color;
};

/// The font weights a layout may name, lightest first; pango_weight_of (layout/text_block.hpp)
/// gives each its pango weight.
inline constexpr const char* kFontWeights[] = {"light", "normal", "medium", "semibold", "bold"};

/// The looks a layout may give field blocks: a box (background, border, rules between fields),
/// rules above, between and below the fields, or the two columns alone.
inline constexpr const char* kFieldStyles[] = {"box", "rules", "plain"};

/// A font family a layout names, and where it names it (its section if the family is a default).
struct NamedFont {
    std::string family;
    SourceLocation where;
};

/// Everything a layout file sets.
struct LayoutStyle {
    double page_width = 595.2756, page_height = 841.8898;
    double margin_top = 70.87, margin_bottom = 70.87, margin_left = 70.87, margin_right = 62.36;

    TextStyle body;
    double line_height = 1.4;
    double paragraph_space = 6;
    bool justify = false;
    bool hyphenate = true;
    std::string hyphenation_dictionary = "/usr/share/hyphen/hyph_nb_NO.dic";
    SourceLocation hyphenation_at;  ///< where the dictionary is named (the [text] section if it is not)
    std::vector<std::string> hyphenation_exceptions;  ///< words never hyphenated (lower case)
    std::vector<std::string> hyphenation_words;       ///< break points the patterns miss: "kom-mu-ne"

    std::array<TextStyle, kMaxHeadingLevel> headings;
    std::array<double, kMaxHeadingLevel> heading_space_before{0, 18, 14, 10, 8, 6};
    std::array<double, kMaxHeadingLevel> heading_space_after{14, 8, 6, 4, 3, 3};
    /// Per level, the pattern of heading numbers ("1.1"; see pattern_text), "" = not numbered.
    std::array<std::string, kMaxHeadingLevel> heading_numbering{};
    std::string run_in_separator = ". ";  ///< after a run-in heading's text, unless it ends in . : ? or !

    /// List markers by nesting depth, the outermost first; deeper lists repeat the last.
    std::vector<std::string> bullets{"\u2022", "\u2013", "\u25E6"};
    std::vector<std::string> list_numbers{"1.", "a)", "i."};  ///< patterns (see pattern_text)

    double table_size = 8.5;
    double table_min_size = 7;  ///< a table too wide shrinks its text down to this size
    double table_padding = 3.5;
    Color table_header_background{0, 0.31, 0.49};
    Color table_header_color{1, 1, 1};
    Color table_stripe{0.93, 0.95, 0.97};
    bool table_stripes = true;  ///< zebra stripes; rules between rows either way
    Color table_rule{0.6, 0.7, 0.77};
    Color table_total_background{0.85, 0.89, 0.93};
    double caption_size = 9;
    double note_size = 8;
    double table_space_after = 12;

    std::string label_table = "Tabell";
    std::string label_figure = "Figur";
    std::string label_page = "side";
    std::string label_continued = "forts.";
    std::string label_target = "Mål";                       ///< before the value of a chart's target line
    std::string label_full_report = "Les hele rapporten";   ///< the web page's link to the PDF
    std::string toc_title = "Innhold";  ///< "" = no table of contents
    int toc_levels = 2;

    // Charts
    double chart_height = 200;       ///< height of the drawing (without caption, legend and notes)
    double chart_size = 8;           ///< text size of ticks, labels and legend
    double chart_line_width = 1.75;  ///< lines of line charts
    std::vector<Color> chart_palette{{0, 0.314, 0.49}, {0.835, 0.369, 0}, {0, 0.62, 0.451}, {0.8, 0.475, 0.655}};
    Color chart_grid{0.85, 0.85, 0.85};
    Color chart_axis{0.4, 0.4, 0.4};
    Color chart_range{0.82, 0.85, 0.88};
    Color chart_reference{0.2, 0.2, 0.2};
    double chart_grid_width = 0.5;
    double chart_axis_width = 0.9;
    double chart_reference_width = 1;
    Color chart_background{1, 1, 1};  ///< between pie slices and in a donut's hole
    Color chart_on_dark{1, 1, 1};     ///< value labels inside dark bars

    // Field blocks (```felt), the [fields] section: a label column beside a value column
    std::string fields_style = "box";  ///< one of kFieldStyles
    double fields_label_width = 110;   ///< the label column, without the gap
    std::string fields_label_weight = "semibold";
    Color fields_label_color{0, 0.31, 0.49};
    double fields_gap = 10;            ///< between the label and the value column
    double fields_padding = 6;         ///< above and below each field, and inside the box at the sides
    Color fields_background{0.93, 0.95, 0.97};  ///< "box": behind the fields
    Color fields_border{0.6, 0.7, 0.77};        ///< "box": around the fields
    double fields_border_width = 0.75;          ///< 0 = no border
    Color fields_rule{0.6, 0.7, 0.77};          ///< between fields; "rules" also above and below the block
    double fields_rule_width = 0.5;             ///< 0 = no rules
    double fields_space_after = 12;

    // The web summary (HTML), sizes in rem
    Color web_caption{68 / 255.0, 68 / 255.0, 68 / 255.0};  ///< figure captions and source lines
    double web_line_height = 1.5;
    double web_title_size = 2;
    double web_caption_size = 0.85;
    double web_width = 46;  ///< the text column

    TextStyle code;
    TextStyle footer;
    std::vector<NamedFont> fonts;  ///< every family the text, headings and code are set in
    bool header = true;                   ///< running header (with a rule under it)
    RunningTexts header_texts{"{tittel}", "", "{kapittel}"};  ///< the header's left, centre and right
    RunningTexts footer_texts{"", "{side}", ""};              ///< the footer's
    bool header_on_openers = false;       ///< also on a chapter's first page
    bool footer_on_openers = true;        ///< page number on a chapter's first page
    double cover_band = 0.42;             ///< share of the cover's height in the accent colour
    Color link{0, 0.36, 0.6};
    Color accent{0, 0.31, 0.49};

    double text_width() const { return page_width - margin_left - margin_right; }
    double bottom() const { return page_height - margin_bottom; }
};

/// Loads `<resources>/layouts/<name>/layout.toml`; errors go to `diagnostics`, an unknown
/// name at `asked_at` (where the layout was chosen).
std::optional<LayoutStyle> load_layout(const Environment& env, const std::string& name, Diagnostics& diagnostics,
                                       const SourceLocation& asked_at = {});

/// What the web summary takes from the layout: the fonts and colours of its text, headings,
/// links and tables, and its own sizes and words.
WebLook web_look(const LayoutStyle& style);

/// Parses "#rrggbb"; nothing if malformed.
std::optional<Color> parse_color(const std::string& text);

}  // namespace sats
