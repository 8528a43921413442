#pragma once
// What every part of the layout stage shares while laying out one report (private to layout/).

#include <cmath>
#include <filesystem>
#include <functional>

#include "core/diagnostics.hpp"
#include "core/environment.hpp"
#include "layout/hyphenator.hpp"
#include "layout/image_store.hpp"
#include "layout/page_flow.hpp"
#include "layout/references.hpp"
#include "layout/shape_cache.hpp"
#include "layout/text_block.hpp"
#include "layout/typography.hpp"
#include "resolve/resolved_document.hpp"

namespace sats {

/// Shared state of one layout run.
struct LayoutContext {
    PangoContext* pango;  ///< this thread's pango context
    ShapeCache& shapes;   ///< shaped text, kept across layout passes and shared by threads
    const LayoutStyle& style;
    PageFlow& flow;
    Diagnostics& diagnostics;
    const Environment& env;
    const ImageStore& images;  ///< the document's images, decoded before layout
    std::filesystem::path project_root;
    const Hyphenator* hyphenator;  ///< null when the layout turns hyphenation off
    const References& references;

    /// Body-text settings at `width`.
    TextSettings body(double width) const {
        TextSettings s;
        s.style = style.body;
        s.width = width;
        s.justify = style.justify;
        s.line_height = style.line_height;
        s.link_color = style.link;
        s.code_font = style.code.font;
        return s;
    }

    /// The block for `text` in `settings` with typography but no hyphenation, page numbers
    /// or warnings (labels, running heads, measuring), shaped once per build.
    const TextBlock& shape_plain(const Inlines& text, const TextSettings& settings) const {
        return shapes.get(pango, text, settings);
    }

    /// Shapes `text` with Norwegian typography (and hyphenation if `hyphenate`) and the pages of
    /// its page references, warning
    /// once per block about characters no font has.
    const TextBlock& shape(const Inlines& text, const TextSettings& settings, const SourceLocation& where,
                           bool hyphenate = true) const {
        const TextBlock& block = shapes.get(pango, references.with_pages(text), settings, hyphenate ? hyphenator : nullptr);
        if (block.unknown_glyphs() > 0)
            diagnostics.warning(where, std::to_string(block.unknown_glyphs()) +
                                           " character(s) here are in no configured font and would print as boxes");
        if (block.overfull_lines() > 0)
            diagnostics.warning(where, std::to_string(block.overfull_lines()) + " line(s) here are wider than their space (overfull by " +
                                           std::to_string(static_cast<int>(std::ceil(block.overfull_by()))) + " pt): «" +
                                           block.overfull_text() + "»");
        return block;
    }
};

/// Lays out a table at the cursor, splitting it between rows over pages.
void layout_table(const Numbered<Table>& table, const SourceLocation& where, LayoutContext& context, double x, double width);

/// Draws a chart at the cursor (moving it whole to the next page if needed), with its
/// numbered caption above and notes and source line below.
void layout_chart(const Numbered<Chart>& chart, const SourceLocation& where, LayoutContext& context, double x, double width);

/// Lays out `blocks` at `x` and `width` with `context` (layout.cpp's placing of blocks, for
/// the values of field blocks).
using PlaceBlocks = std::function<void(LayoutContext& context, const std::vector<ResolvedBlock>& blocks, double x, double width)>;

/// Lays out a field block at the cursor (field_layout.cpp): labels beside values in the layout's
/// [fields] look, kept on one page if it fits on one, else split between fields. `pages` are
/// the pages the flow fills (a field running over several pages is decorated on each).
void layout_fields(const ResolvedFieldBlock& fields, const SourceLocation& where, LayoutContext& context, double x, double width,
                   std::vector<Page>& pages, const PlaceBlocks& place_blocks);

/// The notes and source line under a table or figure, shaped at `width`.
std::vector<TextBlock> notes_below(const std::vector<std::string>& notes, const std::string& source, LayoutContext& context,
                                   double width, const SourceLocation& where);

/// Places notes from notes_below() as Note elements (inside the open table or figure).
void place_notes(const std::vector<TextBlock>& notes, LayoutContext& context, double x);

/// A one-line text in the body font at `size` (captions, notes), not hyphenated.
TextBlock small_text(LayoutContext& context, const std::string& text, double size, double width, bool strong,
                     const SourceLocation& where);

/// Places all lines of `block` at `x`, continuing on new pages; keeps at least two lines
/// together at each end of a page break (no widows or orphans) where the block allows.
void place_lines(const TextBlock& block, LayoutContext& context, double x);

}  // namespace sats
