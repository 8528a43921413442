#include "export/cairo_drawer.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

namespace sats {

namespace {

/// FreeType faces are released by cairo (through the user data) whenever it lets go of them,
/// so the library they come from lives as long as the process.
FT_Library freetype() {
    static FT_Library shared = [] {
        FT_Library l = nullptr;
        if (FT_Init_FreeType(&l) != 0) throw std::runtime_error("cannot start FreeType");
        return l;
    }();
    return shared;
}

}  // namespace

FontFaces::~FontFaces() {
    for (auto& [key, face] : faces_) cairo_font_face_destroy(face);
}

namespace {

/// A FreeType face and the font bytes it reads from, released together when cairo lets go.
struct MemoryFace {
    FT_Face face = nullptr;
    std::shared_ptr<const std::string> data;
};

}  // namespace

cairo_font_face_t* FontFaces::get(const FontRef& font) {
    if (const auto it = faces_.find(&font); it != faces_.end()) return it->second;
    if (!font.data) throw std::runtime_error("the font " + font.name + " could not be read");
    auto owned = std::make_unique<MemoryFace>(MemoryFace{nullptr, font.data});
    if (FT_New_Memory_Face(freetype(), reinterpret_cast<const FT_Byte*>(font.data->data()),
                           static_cast<FT_Long>(font.data->size()), font.index, &owned->face) != 0)
        throw std::runtime_error("the font " + font.name + " is not a font FreeType reads");
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(owned->face, 0);
    static const cairo_user_data_key_t owner{};
    cairo_font_face_set_user_data(face, &owner, owned.release(), [](void* p) {
        auto* memory = static_cast<MemoryFace*>(p);
        FT_Done_Face(memory->face);
        delete memory;
    });
    faces_[&font] = face;
    return face;
}

cairo_surface_t* bitmap_surface(const Bitmap& bitmap) {
    const cairo_format_t format = bitmap.alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
    cairo_surface_t* surface = cairo_image_surface_create(format, bitmap.width, bitmap.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return surface;
    cairo_surface_flush(surface);
    unsigned char* to = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const auto row = static_cast<std::size_t>(std::min(stride, bitmap.stride));
    for (int y = 0; y < bitmap.height; ++y)
        std::memcpy(to + static_cast<std::ptrdiff_t>(y) * stride,
                    bitmap.pixels.data() + static_cast<std::ptrdiff_t>(y) * bitmap.stride, row);
    cairo_surface_mark_dirty(surface);
    return surface;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char ch : text) {
        if (ch == '\'' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "'";
}

void PageDrawer::operator()(const GlyphRun& run) {
    if (run.glyphs().empty()) return;
    try {
        cairo_set_font_face(cr_, fonts_.get(*run.font));
    } catch (const std::runtime_error& e) {
        throw LocatedError(location_.where(), e.what());
    }
    cairo_set_font_size(cr_, run.size);
    set_color(run.color);
    std::vector<cairo_glyph_t> glyphs;
    for (const auto& g : run.glyphs()) glyphs.push_back({g.id, run.x + g.x, run.y + g.y});
    std::vector<cairo_text_cluster_t> clusters;
    int bytes = 0, count = 0;
    for (const auto& c : run.clusters()) {
        clusters.push_back({c.bytes, c.glyphs});
        bytes += c.bytes;
        count += c.glyphs;
    }
    if (cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_IMAGE) {
        // cairo 1.16 puts glyphs on an image at whole pixels, a drift of up to half a pixel each
        // ("hovedm ål"); filled as outlines they sit exactly where the frames say, as in the PDF.
        cairo_glyph_path(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
        cairo_fill(cr_);
    } else if (bytes == static_cast<int>(run.text().size()) && count == static_cast<int>(glyphs.size()))
        cairo_show_text_glyphs(cr_, run.text().data(), static_cast<int>(run.text().size()), glyphs.data(),
                               static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                               cairo_text_cluster_flags_t(0));
    else
        cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
}
void PageDrawer::operator()(const FilledRect& r) {
    set_color(r.color);
    cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    cairo_fill(cr_);
}
void PageDrawer::operator()(const Line& l) {
    set_color(l.color);
    cairo_set_line_width(cr_, l.width);
    cairo_move_to(cr_, l.x1, l.y1);
    cairo_line_to(cr_, l.x2, l.y2);
    cairo_stroke(cr_);
}
void PageDrawer::operator()(const Path& p) {
    cairo_new_path(cr_);
    for (const auto& s : p.steps) {
        switch (s.kind) {
            case PathStep::move: cairo_move_to(cr_, s.x, s.y); break;
            case PathStep::line: cairo_line_to(cr_, s.x, s.y); break;
            case PathStep::arc: cairo_arc(cr_, s.x, s.y, s.radius, s.angle1, s.angle2); break;
            case PathStep::close: cairo_close_path(cr_); break;
        }
    }
    if (p.fill) {
        set_color(*p.fill);
        if (p.stroke) cairo_fill_preserve(cr_);
        else cairo_fill(cr_);
    }
    if (p.stroke) {
        set_color(*p.stroke);
        cairo_set_line_width(cr_, p.width);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_set_dash(cr_, p.dash.data(), static_cast<int>(p.dash.size()), 0);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
    }
}

void PageDrawer::operator()(const ImageItem& image) {
    cairo_surface_t* surface = bitmap_surface(*image.bitmap);
    const cairo_status_t status = cairo_surface_status(surface);
    if (status == CAIRO_STATUS_SUCCESS) {
        cairo_save(cr_);
        cairo_translate(cr_, image.x, image.y);
        cairo_scale(cr_, image.width / image.bitmap->width, image.height / image.bitmap->height);
        cairo_set_source_surface(cr_, surface, 0, 0);
        cairo_paint(cr_);
        cairo_restore(cr_);
    }
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw LocatedError(location_.where(), "the image " + image.name + " could not be drawn: " + cairo_status_to_string(status));
}
void PageDrawer::operator()(const LinkArea& link) {
    // "#name" links inside the document go to a named destination; others are URIs.
    const std::string target = link.uri.rfind('#', 0) == 0 ? "dest=" + quoted(link.uri.substr(1)) : "uri=" + quoted(link.uri);
    const std::string attributes = "rect=[" + std::to_string(link.x) + " " + std::to_string(link.y) + " " +
                                   std::to_string(link.width) + " " + std::to_string(link.height) + "] " + target;
    cairo_tag_begin(cr_, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_LINK);
    if (elements_ && artifact_depth_ == 0 && !open_.empty()) elements_->push_back({CAIRO_TAG_LINK, {}, {}});
}

void PageDrawer::begin(const TaggedElement& element) {
    cairo_tag_begin(cr_, element.type.c_str(), "");
    if (elements_) elements_->push_back(element);
}

void PageDrawer::enter(const Group& group) {
    location_.enter(group);
    if (group.role == Role::artifact) {
        if (artifact_depth_++ == 0) {
            // cairo 1.16 cannot mark artifacts, and what it draws while a structure element is
            // open becomes that element's content. So the open elements are closed around an
            // artifact (and opened again after it), leaving it outside the structure, where the
            // finishing pass marks it /Artifact.
            suspended_.assign(open_.rbegin(), open_.rend());
            for (const auto& element : suspended_) cairo_tag_end(cr_, element.type.c_str());
            open_.clear();
        }
        return;
    }
    if (artifact_depth_ > 0) return;  // structure inside decoration is decoration
    if (group.continued) return;       // still open from the page before
    open_.push_back({role_name(group.role), group.alt, group.lang, group.role == Role::th_row ? "Row" : "Column"});
    begin(open_.back());
}

void PageDrawer::leave(const Group& group) {
    location_.leave(group);
    if (group.role == Role::artifact) {
        if (--artifact_depth_ == 0) {
            for (auto it = suspended_.rbegin(); it != suspended_.rend(); ++it) {
                open_.push_back(*it);
                begin(*it);
            }
            suspended_.clear();
        }
        return;
    }
    if (artifact_depth_ > 0 || group.continues || open_.empty()) return;  // a continuing group stays open
    cairo_tag_end(cr_, open_.back().type.c_str());
    open_.pop_back();
}

void PageDrawer::operator()(const Anchor& anchor) {
    const std::string attributes = "name=" + quoted(anchor.name) + " x=0 y=" + std::to_string(anchor.y);
    cairo_tag_begin(cr_, CAIRO_TAG_DEST, attributes.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_DEST);
}

void PageDrawer::set_color(const Color& c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

}  // namespace sats
