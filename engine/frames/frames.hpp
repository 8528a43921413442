#pragma once
// Frames: the immutable display list between layout and export. Each page is a tree: groups
// (structure elements such as P, Table or Figure, and artifacts) holding positioned glyph runs,
// rectangles, lines, paths, images, links and anchors, in points (1/72 inch), with the origin at
// the page's top left and y growing downwards. Groups are balanced within their page; one that
// goes on over a page break is marked as continuing. Fonts and images are carried as data, so
// exporters only walk these and read no files.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/diagnostics.hpp"

namespace sats {

/// An RGB colour, components 0–1.
struct Color {
    double r = 0, g = 0, b = 0;
};

/// One glyph, positioned relative to its run's origin.
struct Glyph {
    std::uint32_t id = 0;
    double x = 0;
    double y = 0;
};

/// A cluster: `bytes` of the run's text drawn by `glyphs` glyphs (for text extraction).
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
};

/// A font face: shared by every run set in it, with the bytes of its font file (read through
/// the environment during layout), which the exporters embed.
struct FontRef {
    std::shared_ptr<const std::string> data;  ///< the font file (TrueType, OpenType or a collection)
    int index = 0;                             ///< face index in the file
    std::string name;                          ///< PostScript name, for the debug dump and errors
};

/// What a run draws: its glyphs and the text they show. Shaped once and shared by every
/// placement of the same run (a layout pass places the lines of a cached paragraph).
struct ShapedText {
    std::vector<Glyph> glyphs;
    std::string text;
    std::vector<Cluster> clusters;
};

/// Glyphs of one font at one size, with the text they show.
struct GlyphRun {
    std::shared_ptr<const FontRef> font;
    double size = 10;       ///< in points
    Color color;
    double x = 0, y = 0;    ///< baseline origin
    std::shared_ptr<const ShapedText> shaped;

    const std::vector<Glyph>& glyphs() const { return shaped->glyphs; }
    const std::string& text() const { return shaped->text; }
    const std::vector<Cluster>& clusters() const { return shaped->clusters; }
};

/// A filled rectangle.
struct FilledRect {
    double x = 0, y = 0, width = 0, height = 0;
    Color color;
};

/// A straight line.
struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
};

/// One step of a path: move to or line to a point, an arc around a centre, or close.
struct PathStep {
    enum Kind { move, line, arc, close } kind = move;
    double x = 0, y = 0;               ///< the point, or the arc's centre
    double radius = 0;                 ///< arc only
    double angle1 = 0, angle2 = 0;     ///< arc only, radians, clockwise on the page from +x
};

/// A vector path, filled and/or stroked (charts, rules).
struct Path {
    std::vector<PathStep> steps;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double width = 1;
    std::vector<double> dash;  ///< on/off lengths; empty = solid
};

/// Decoded pixels of an image, rows top to bottom, in cairo's layout: 32 bits a pixel, native
/// byte order, ARGB with premultiplied alpha (`alpha`) or RGB with the top byte unused.
struct Bitmap {
    int width = 0, height = 0;
    int stride = 0;  ///< bytes a row
    bool alpha = false;
    std::vector<unsigned char> pixels;
};

/// A raster image (a PNG read, checked and decoded during layout) scaled into a box.
struct ImageItem {
    std::shared_ptr<const Bitmap> bitmap;
    std::string name;  ///< the file's name, for the debug dump
    double x = 0, y = 0, width = 0, height = 0;
};

/// A clickable area pointing at a URL.
struct LinkArea {
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;          ///< a URL, or "#name" for a place in the document
    std::string description;  ///< what the link says, for readers that cannot see it
};

/// A named destination at a position (bookmark and TOC targets).
struct Anchor {
    std::string name;
    double y = 0;
};

/// What a group is in the document's structure: the structure types of tagged PDF that
/// sats writes, or an artifact (page furniture and decoration, outside the structure).
enum class Role {
    artifact,
    p, h1, h2, h3, h4, h5, h6,
    l, li, lbl, lbody,
    table, thead, tbody, tr, th, td,
    figure, caption, note,
    toc, toci,
    span, code,
    th_row,  ///< a table header cell for its row (TH with scope Row): the label of a field
};

/// The structure type's name in PDF ("P", "H1", "TOCI", "TH" for th_row; "Artifact" for artifacts).
const char* role_name(Role role);

/// The heading role of `level` (1–6).
Role heading_role(int level);

/// The heading level of `role` (1–6), or 0 if it is not a heading.
int heading_level(Role role);

struct FrameItem;

/// A structure element (or an artifact) on one page and the items inside it, in drawing order.
struct Group {
    Role role = Role::p;
    std::string alt;        ///< text alternative (figures)
    std::string lang;       ///< language of the element's text (spans), "" = the document's
    SourceLocation where;   ///< where the content it shows was written, if known
    bool continued = false; ///< begun on an earlier page: this is the rest of it
    bool continues = false; ///< goes on on the next page
    std::vector<FrameItem> items;
};

/// One item of a page: something drawn, a link, an anchor, or a group of items.
struct FrameItem : std::variant<GlyphRun, FilledRect, Line, Path, ImageItem, LinkArea, Anchor, Group> {
    using variant::variant;
};

/// One page.
struct Page {
    double width = 595.2756;   ///< A4
    double height = 841.8898;
    std::vector<FrameItem> items;
};

/// An outline (bookmark) entry.
struct OutlineEntry {
    std::string title;
    int level = 1;
    std::string anchor;
};

/// The look of the web summary, from the layout the document was laid out in (sizes in rem).
struct WebLook {
    std::string font;  ///< of the text, before the browser's fallbacks
    Color text, accent, heading, link, caption, rule, header_background, header_color;
    double line_height = 0, title_size = 0, caption_size = 0, width = 0;
    std::string full_report;  ///< the link to the PDF says this, then the title
};

/// Document-level information.
struct DocumentInfo {
    std::string title;
    std::string subject;
    std::string author;
    std::string keywords;
    std::string language = "nb-NO";
    std::string date;  ///< ISO 8601, e.g. 2025-11-24T00:00:00Z
    WebLook web;
};

/// A laid-out document, ready for any exporter.
struct FrameDocument {
    DocumentInfo info;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
};

/// A colour written "#rrggbb".
std::string hex(const Color& c);

/// Moves an item (with everything inside it) by `dx` points right and `dy` points down.
void translate(FrameItem& item, double dx, double dy);

/// Walks `items` in drawing order, depth first: `visitor.enter(group)` before a group's items
/// and `visitor.leave(group)` after them; `visitor(item)` for every other item. The one walker
/// of the display list: exporters, the dump and tests use it.
template <typename Visitor>
void walk(const std::vector<FrameItem>& items, Visitor&& visitor) {
    for (const auto& item : items) {
        if (const auto* group = std::get_if<Group>(&item)) {
            visitor.enter(*group);
            walk(group->items, visitor);
            visitor.leave(*group);
        } else {
            std::visit([&](const auto& leaf) {
                if constexpr (!std::is_same_v<std::decay_t<decltype(leaf)>, Group>) visitor(leaf);
            }, static_cast<const FrameItem::variant&>(item));
        }
    }
}

/// Follows a walk() and knows where in the content the item being visited was written: the
/// location of the innermost group that has one. Exporters report their failures there.
class LocationTracker {
public:
    void enter(const Group& group) { stack_.push_back(group.where.file.empty() && !stack_.empty() ? stack_.back() : group.where); }
    void leave(const Group&) { stack_.pop_back(); }
    /// The location of what is being visited (empty outside any located group).
    SourceLocation where() const { return stack_.empty() ? SourceLocation{} : stack_.back(); }

private:
    std::vector<SourceLocation> stack_;
};

/// Calls `f` with every item of type `T` in `items` and the groups inside them.
template <typename T, typename F>
void for_each(const std::vector<FrameItem>& items, F&& f) {
    for (const auto& item : items) {
        if (const auto* group = std::get_if<Group>(&item)) for_each<T>(group->items, f);
        else if (const auto* leaf = std::get_if<T>(&item)) f(*leaf);
    }
}

/// The same, for changing the items.
template <typename T, typename F>
void for_each(std::vector<FrameItem>& items, F&& f) {
    for (auto& item : items) {
        if (auto* group = std::get_if<Group>(&item)) for_each<T>(group->items, f);
        else if (auto* leaf = std::get_if<T>(&item)) f(*leaf);
    }
}

/// A plain-text listing of every item, stable between runs, for golden tests.
std::string dump_frames(const FrameDocument& document);

}  // namespace sats
