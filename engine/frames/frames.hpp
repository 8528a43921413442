#pragma once
// Frames: the immutable display list between layout and export. Pages of positioned glyph
// runs, rectangles, lines, images, links and structure tags, in points (1/72 inch), with the
// origin at the page's top left and y growing downwards. Exporters only walk these.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

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

/// A font face: shared by every run set in it, so a page of runs does not repeat its path.
struct FontRef {
    std::string file;  ///< the font file, embedded by the exporter
    int index = 0;     ///< face index in the file
    std::string name;  ///< PostScript name, for the debug dump
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

/// A raster image (PNG file) scaled into a box.
struct ImageItem {
    std::string file;
    double x = 0, y = 0, width = 0, height = 0;
    std::string alt;
};

/// A clickable area pointing at a URL.
struct LinkArea {
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;          ///< a URL, or "#name" for a place in the document
    std::string description;  ///< what the link says, for readers that cannot see it
};

/// Opens a structure element (P, H1, Table, TR, TD, L, LI, Figure, ...) for tagged PDF.
struct TagBegin {
    std::string role;
    std::string alt;   ///< text alternative (figures)
    std::string lang;  ///< language of the element's text (spans), "" = the document's
};

/// Closes the innermost open structure element.
struct TagEnd {};

/// A named destination at a position (bookmark and TOC targets).
struct Anchor {
    std::string name;
    double y = 0;
};

/// One item of a page's display list.
using FrameItem = std::variant<GlyphRun, FilledRect, Line, Path, ImageItem, LinkArea, TagBegin, TagEnd, Anchor>;

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

/// Document-level information.
struct DocumentInfo {
    std::string title;
    std::string subject;
    std::string author;
    std::string keywords;
    std::string language = "nb-NO";
    std::string date;  ///< ISO 8601, e.g. 2025-11-24T00:00:00Z
};

/// A laid-out document, ready for any exporter.
struct FrameDocument {
    DocumentInfo info;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
};

/// Moves an item down by `dy` points (up if negative).
void shift(FrameItem& item, double dy);

/// A plain-text listing of every item, stable between runs, for golden tests.
std::string dump_frames(const FrameDocument& document);

}  // namespace sats
