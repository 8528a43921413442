#pragma once
// A piece of styled text shaped and broken into lines by pango, converted to glyph runs.
// Layout places the lines one by one, so a paragraph can continue on the next page.

#include <vector>

#include "content/document.hpp"
#include "frames/frames.hpp"
#include "layout/font_files.hpp"
#include "layout/style.hpp"

typedef struct _PangoContext PangoContext;

namespace sats {

/// Paragraph settings for a text block.
struct TextSettings {
    TextStyle style;
    double width = 0;          ///< line width; 0 = no wrapping
    Align align = Align::left;
    bool justify = false;
    double line_height = 1.4;  ///< times the font size
    Color link_color;
    bool tabular = false;      ///< tabular (fixed-width) figures, for tables
    std::string code_font = "Monospace";  ///< family for `code` runs
};

/// One laid-out line: its glyph runs and link areas relative to the line's top left.
struct TextLine {
    double height = 0;  ///< distance to the next line's top
    double width = 0;   ///< ink-independent (logical) width
    std::vector<FrameItem> items;
};

/// Styled text shaped once, then placed line by line.
class TextBlock {
public:
    /// Shapes `text` in `settings` with `context`; the runs' fonts come from `fonts`.
    TextBlock(PangoContext* context, const Inlines& text, const TextSettings& settings, FontFiles& fonts);

    const std::vector<TextLine>& lines() const { return lines_; }
    double height() const;
    double width() const;
    /// Characters no font of the configuration could draw (shown as boxes).
    int unknown_glyphs() const { return unknown_glyphs_; }
    /// Lines wider than the width they were set to (an unbreakable word or number).
    int overfull_lines() const { return overfull_lines_; }
    /// The text of the first overfull line and how far it sticks out, for the warning.
    const std::string& overfull_text() const { return overfull_text_; }
    double overfull_by() const { return overfull_by_; }

    /// Appends line `index` with its top left at (x, y) to `out`.
    void place_line(std::size_t index, double x, double y, std::vector<FrameItem>& out) const;

private:
    std::vector<TextLine> lines_;
    int unknown_glyphs_ = 0;
    int overfull_lines_ = 0;
    std::string overfull_text_;
    double overfull_by_ = 0;
};

/// Pango's weight for a layout weight name ("normal", "medium", "semibold", "bold").
int pango_weight_of(const std::string& name);

}  // namespace sats
