#pragma once
// Drawing frames with cairo, shared by every cairo exporter (PDF, PNG, SVG): glyph runs through
// FreeType faces made from the fonts the frames carry, rectangles, lines, images, links and
// structure tags.

#include <map>
#include <string>
#include <vector>

#include <cairo.h>

#include "export/tagged_element.hpp"
#include "frames/frames.hpp"

namespace sats {

/// Cairo font faces of the fonts in the frames, each owning its FreeType face.
class FontFaces {
public:
    FontFaces() = default;
    ~FontFaces();
    FontFaces(const FontFaces&) = delete;
    FontFaces& operator=(const FontFaces&) = delete;

    /// The face of `font`; throws std::runtime_error if its data is missing or not a font.
    cairo_font_face_t* get(const FontRef& font);

private:
    std::map<const FontRef*, cairo_font_face_t*> faces_;
};

/// A cairo image surface showing `bitmap` (its pixels are copied); the caller destroys it.
cairo_surface_t* bitmap_surface(const Bitmap& bitmap);

/// Draws pages onto a cairo context: a visitor for walk(). Groups become structure tags and
/// links link annotations (both only have an effect on PDF surfaces). A group that continues
/// on the next page stays open there, so it is one element. Every structure element opened is
/// appended to `elements` if given. What cannot be drawn (a font or image whose data is not
/// one) throws a LocatedError at the place in the content it comes from. On an image surface
/// glyphs are filled as outlines, at the exact positions of the frames.
class PageDrawer {
public:
    PageDrawer(cairo_t* cr, FontFaces& fonts, std::vector<TaggedElement>* elements = nullptr)
        : cr_(cr), fonts_(fonts), elements_(elements) {}

    void enter(const Group& group);
    void leave(const Group& group);
    void operator()(const GlyphRun& run);
    void operator()(const FilledRect& r);
    void operator()(const Line& l);
    void operator()(const Path& p);
    void operator()(const ImageItem& image);
    void operator()(const LinkArea& link);
    void operator()(const Anchor& anchor);

private:
    void set_color(const Color& c);
    /// Has cairo open a structure element and records it.
    void begin(const TaggedElement& element);

    cairo_t* cr_;
    FontFaces& fonts_;
    std::vector<TaggedElement>* elements_;
    LocationTracker location_;
    std::vector<TaggedElement> open_;       ///< structure elements open in cairo, outermost first
    std::vector<TaggedElement> suspended_;  ///< elements closed around the current artifact, innermost first
    int artifact_depth_ = 0;
};

/// A cairo write function appending to the std::string `closure` points at.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

/// `text` in single quotes for cairo's tag attributes, with quotes and backslashes escaped.
std::string quoted(const std::string& text);

}  // namespace sats
