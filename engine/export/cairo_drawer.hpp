#pragma once
// Drawing frames with cairo, shared by every cairo exporter (PDF, PNG): glyph runs through
// FreeType faces of the laid-out font files, rectangles, lines, images, links and tags.

#include <map>
#include <string>
#include <vector>

#include <cairo.h>

#include "frames/frames.hpp"

namespace sats {

/// Cairo font faces by font file, each owning its FreeType face.
class FontFaces {
public:
    FontFaces() = default;
    ~FontFaces();
    FontFaces(const FontFaces&) = delete;
    FontFaces& operator=(const FontFaces&) = delete;

    /// The face of `file` (face `index`); throws std::runtime_error if it cannot be read.
    cairo_font_face_t* get(const std::string& file, int index);

private:
    std::map<std::string, cairo_font_face_t*> faces_;
};

/// Draws the items of pages onto a cairo context, one item at a time (a std::visit visitor).
/// Tags and links only have an effect on PDF surfaces.
class PageDrawer {
public:
    PageDrawer(cairo_t* cr, FontFaces& fonts) : cr_(cr), fonts_(fonts) {}

    void operator()(const GlyphRun& run);
    void operator()(const FilledRect& r);
    void operator()(const Line& l);
    void operator()(const Path& p);
    void operator()(const ImageItem& image);
    void operator()(const LinkArea& link);
    void operator()(const TagBegin& tag);
    void operator()(const TagEnd&);
    void operator()(const Anchor& anchor);

private:
    void set_color(const Color& c);

    cairo_t* cr_;
    FontFaces& fonts_;
    std::vector<std::string> open_;       ///< open structure elements ("" inside artifacts)
    std::vector<std::string> suspended_;  ///< elements closed around the current artifact, innermost first
    int artifact_depth_ = 0;
};

/// A cairo write function appending to the std::string `closure` points at.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

/// `text` in single quotes for cairo's tag attributes, with quotes and backslashes escaped.
std::string quoted(const std::string& text);

}  // namespace sats
