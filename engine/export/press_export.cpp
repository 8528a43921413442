#include "export/press_export.hpp"

#include "core/text_position.hpp"
#include "export/pdf_finish.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace sats {

Cmyk to_cmyk(const Color& rgb) {
    const double k = 1 - std::max({rgb.r, rgb.g, rgb.b});
    if (k >= 1 - 1e-9) return {0, 0, 0, 1};
    auto ink = [k](double v) { return std::clamp((1 - v - k) / (1 - k), 0.0, 1.0); };
    Cmyk c{ink(rgb.r), ink(rgb.g), ink(rgb.b), k};
    if (std::abs(rgb.r - rgb.g) < 0.004 && std::abs(rgb.g - rgb.b) < 0.004) c.c = c.m = c.y = 0;  // grey: K only
    return c;
}

namespace {

constexpr double kPi = 3.14159265358979323846;

/// The first libharu error of a document (libharu reports through a callback and carries on).
struct HaruErrors {
    HPDF_STATUS first = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
    auto* errors = static_cast<HaruErrors*>(data);
    if (errors->first == HPDF_OK) {
        errors->first = error;
        errors->detail = detail;
    }
}

/// A font loaded into the press document.
struct PressFont {
    HPDF_Font font = nullptr;
    std::string name;      ///< as libharu names it (the BaseFont after the subset tag)
    bool private_codes = false;  ///< every glyph g is also character U+E000 + g (fonts/inter)
    std::map<unsigned, std::string> texts;  ///< code drawn → the text it stands for
};

constexpr unsigned kPrivateUse = 0xE000;

/// Bytes as a file that exists only in memory (Linux memfd), for a library that reads files
/// by name; the file lives as long as something has it open.
class MemoryFile {
public:
    explicit MemoryFile(const std::string& bytes) : fd_(memfd_create("sats-font", MFD_CLOEXEC)) {
        if (fd_ < 0) throw std::runtime_error("cannot make a file in memory for a font");
        for (std::size_t written = 0; written < bytes.size();) {
            const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
            if (n <= 0) {
                ::close(fd_);
                throw std::runtime_error("cannot make a file in memory for a font");
            }
            written += static_cast<std::size_t>(n);
        }
    }
    ~MemoryFile() { ::close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    /// A name that opens the file.
    std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
    int fd_;
};

/// Whether the font maps U+E000 + g to glyph g (scripts/convert-inter adds these codes).
bool has_private_codes(const FontRef& ref) {
    FT_Library library;
    if (FT_Init_FreeType(&library)) return false;
    FT_Face face;
    bool yes = false;
    if (!FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(ref.data->data()), static_cast<FT_Long>(ref.data->size()),
                            ref.index, &face)) {
        yes = face->num_glyphs > 20 && FT_Get_Char_Index(face, kPrivateUse + 1) == 1 &&
              FT_Get_Char_Index(face, kPrivateUse + 20) == 20;
        FT_Done_Face(face);
    }
    FT_Done_FreeType(library);
    return yes;
}

/// Writes one page's frames with libharu, in press coordinates (origin at the sheet's
/// bottom left, the trimmed page `margin` in from each side).
class PressPage {
public:
    PressPage(HPDF_Doc pdf, HPDF_Page page, const Page& frame, const PressGeometry& g, std::map<std::string, PressFont>& fonts)
        : pdf_(pdf), page_(page), frame_(frame), g_(g), fonts_(fonts) {}

    void draw() {
        walk(frame_.items, *this);
        crop_marks();
    }

    // The walk over the page: groups are structure, which the press PDF does not have; what
    // cannot be drawn is reported where its group was written.
    void enter(const Group& group) { location_.enter(group); }
    void leave(const Group& group) { location_.leave(group); }
    template <typename Item>
    void operator()(const Item& item) {
        try {
            draw(item);
        } catch (const LocatedError&) {
            throw;
        } catch (const std::runtime_error& e) {
            throw LocatedError(location_.where(), e.what());
        }
    }

private:
    HPDF_REAL px(double x) const { return static_cast<HPDF_REAL>(g_.margin + x); }
    HPDF_REAL py(double y) const { return static_cast<HPDF_REAL>(g_.margin + frame_.height - y); }

    void fill(const Color& c) {
        const Cmyk k = to_cmyk(c);
        HPDF_Page_SetCMYKFill(page_, k.c, k.m, k.y, k.k);
    }
    void stroke(const Color& c) {
        const Cmyk k = to_cmyk(c);
        HPDF_Page_SetCMYKStroke(page_, k.c, k.m, k.y, k.k);
    }

    PressFont& font(const FontRef& ref) {
        const std::string key = ref.name + "#" + std::to_string(ref.index);
        if (const auto it = fonts_.find(key); it != fonts_.end()) return it->second;
        if (!ref.data) throw std::runtime_error("the font " + ref.name + " could not be read");
        // libharu reads fonts only from files: it gets the bytes the frames carry as a file in memory.
        const MemoryFile file(*ref.data);
        const bool collection = ref.data->compare(0, 4, "ttcf") == 0;
        const char* name = collection ? HPDF_LoadTTFontFromFile2(pdf_, file.path().c_str(), ref.index, HPDF_TRUE)
                                      : HPDF_LoadTTFontFromFile(pdf_, file.path().c_str(), HPDF_TRUE);
        HPDF_Font font = name ? HPDF_GetFont(pdf_, name, "UTF-8") : nullptr;
        if (!font)
            throw std::runtime_error("the press PDF needs TrueType fonts, and " + ref.name +
                                     " cannot be read as one (libharu does not read OpenType CFF fonts); "
                                     "choose a layout whose fonts are TrueType");
        return fonts_[key] = PressFont{font, name, has_private_codes(ref), {}};
    }

    /// Draws a run glyph by glyph, each where layout put it. With private codes (fonts/inter)
    /// each glyph is asked for by its own code, so alternates such as tabular figures are the
    /// very glyphs of the screen PDF; other fonts get the characters of each cluster. Character
    /// spacing takes the pen exactly to the next piece, so text extraction sees one string.
    void draw(const GlyphRun& run) {
        PressFont& f = font(*run.font);
        struct Piece {
            std::string text;    ///< what to show
            const Glyph* glyph;  ///< where
        };
        std::vector<Piece> pieces;
        std::size_t byte = 0, glyph = 0;
        for (const auto& cluster : run.clusters()) {
            const std::string text = run.text().substr(byte, static_cast<std::size_t>(cluster.bytes));
            byte += static_cast<std::size_t>(cluster.bytes);
            for (int i = 0; i < cluster.glyphs && glyph < run.glyphs().size(); ++i, ++glyph) {
                const Glyph& g = run.glyphs()[glyph];
                if (f.private_codes && g.id > 0 && kPrivateUse + g.id <= 0xF8FF) {
                    const unsigned code = kPrivateUse + g.id;
                    f.texts.emplace(code, i == 0 ? text : "");  // the first text a glyph shows stands for it
                    pieces.push_back({utf8_encode(code), &g});
                } else if (i == 0 && !text.empty()) {
                    pieces.push_back({text, &g});
                }
            }
        }
        if (pieces.empty()) return;
        HPDF_Page_BeginText(page_);
        HPDF_Page_SetFontAndSize(page_, f.font, static_cast<HPDF_REAL>(run.size));
        fill(run.color);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const auto& piece = pieces[i];
            const double x = run.x + piece.glyph->x, y = run.y + piece.glyph->y;
            if (i == 0 || piece.glyph->y != pieces[i - 1].glyph->y)
                HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, px(x), py(y));
            const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(piece.text.data());
            const HPDF_TextWidth measured = HPDF_Font_TextWidth(f.font, bytes, static_cast<HPDF_UINT>(piece.text.size()));
            const double width = measured.width * run.size / 1000.0;
            const double next = i + 1 < pieces.size() ? run.x + pieces[i + 1].glyph->x : x + width;
            const double characters = std::max<HPDF_UINT>(measured.numchars, 1);
            HPDF_Page_SetCharSpace(page_, static_cast<HPDF_REAL>((next - x - width) / characters));
            HPDF_Page_ShowText(page_, piece.text.c_str());
        }
        HPDF_Page_SetCharSpace(page_, 0);
        HPDF_Page_EndText(page_);
    }

    void draw(const FilledRect& r) {
        // A background that touches an edge of the page runs on into the bleed there.
        double x = r.x, y = r.y, w = r.width, h = r.height;
        constexpr double edge = 0.01;
        if (x <= edge) { x -= g_.bleed; w += g_.bleed; }
        if (y <= edge) { y -= g_.bleed; h += g_.bleed; }
        if (r.x + r.width >= frame_.width - edge) w += g_.bleed;
        if (r.y + r.height >= frame_.height - edge) h += g_.bleed;
        fill(r.color);
        HPDF_Page_Rectangle(page_, px(x), py(y + h), static_cast<HPDF_REAL>(w),
                            static_cast<HPDF_REAL>(h));
        HPDF_Page_Fill(page_);
    }

    void draw(const Line& l) {
        HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(l.width));
        HPDF_Page_SetDash(page_, nullptr, 0, 0);
        stroke(l.color);
        HPDF_Page_MoveTo(page_, px(l.x1), py(l.y1));
        HPDF_Page_LineTo(page_, px(l.x2), py(l.y2));
        HPDF_Page_Stroke(page_);
    }

    /// An arc around (cx, cy) from angle a1 to a2 (clockwise on the page), as Bézier curves
    /// of at most a quarter turn each, starting with a line to its first point if `connect`.
    void arc(double cx, double cy, double r, double a1, double a2, bool connect) {
        auto point = [&](double a) { return std::pair{cx + r * std::cos(a), cy + r * std::sin(a)}; };
        const auto [x0, y0] = point(a1);
        if (connect) HPDF_Page_LineTo(page_, px(x0), py(y0));
        else HPDF_Page_MoveTo(page_, px(x0), py(y0));
        while (a2 < a1) a2 += 2 * kPi;
        const int parts = std::max(1, static_cast<int>(std::ceil((a2 - a1) / (kPi / 2))));
        const double step = (a2 - a1) / parts;
        const double t = 4.0 / 3.0 * std::tan(step / 4);
        for (int i = 0; i < parts; ++i) {
            const double s = a1 + i * step, e = s + step;
            const double x1 = cx + r * (std::cos(s) - t * std::sin(s)), y1 = cy + r * (std::sin(s) + t * std::cos(s));
            const double x2 = cx + r * (std::cos(e) + t * std::sin(e)), y2 = cy + r * (std::sin(e) - t * std::cos(e));
            const auto [x3, y3] = point(e);
            HPDF_Page_CurveTo(page_, px(x1), py(y1), px(x2),
                              py(y2), px(x3), py(y3));
        }
    }

    void draw(const Path& p) {
        if (p.steps.empty() || (!p.fill && !p.stroke)) return;
        // Colours and line style first: PDF allows no state change while a path is built.
        if (p.fill) fill(*p.fill);
        if (p.stroke) {
            stroke(*p.stroke);
            HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(p.width));
            std::vector<HPDF_UINT16> dash;
            for (const double d : p.dash) dash.push_back(static_cast<HPDF_UINT16>(std::max(1.0, std::round(d))));
            HPDF_Page_SetDash(page_, dash.empty() ? nullptr : dash.data(),
                              static_cast<HPDF_UINT>(std::min<std::size_t>(dash.size(), 8)), 0);
        }
        bool open = false;  // a current point exists
        for (const auto& s : p.steps) {
            switch (s.kind) {
                case PathStep::move:
                    HPDF_Page_MoveTo(page_, px(s.x), py(s.y));
                    open = true;
                    break;
                case PathStep::line:
                    HPDF_Page_LineTo(page_, px(s.x), py(s.y));
                    break;
                case PathStep::arc:
                    arc(s.x, s.y, s.radius, s.angle1, s.angle2, open);
                    open = true;
                    break;
                case PathStep::close:
                    HPDF_Page_ClosePath(page_);
                    break;
            }
        }
        if (p.fill && p.stroke) HPDF_Page_FillStroke(page_);
        else if (p.fill) HPDF_Page_Fill(page_);
        else HPDF_Page_Stroke(page_);
    }

    /// A PNG flattened onto white and converted pixel by pixel to CMYK (no alpha, no RGB).
    void draw(const ImageItem& image) {
        const Bitmap& bitmap = *image.bitmap;
        const int w = bitmap.width, h = bitmap.height, stride = bitmap.stride;
        const unsigned char* data = bitmap.pixels.data();
        std::vector<HPDF_BYTE> cmyk;
        cmyk.reserve(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
        for (int row = 0; row < h; ++row)
            for (int col = 0; col < w; ++col) {
                std::uint32_t argb;
                std::memcpy(&argb, data + row * stride + col * 4, 4);
                const double a = bitmap.alpha ? ((argb >> 24) & 0xff) / 255.0 : 1;  // premultiplied: over white adds 1 - a
                const Color c{((argb >> 16) & 0xff) / 255.0 + 1 - a, ((argb >> 8) & 0xff) / 255.0 + 1 - a,
                              (argb & 0xff) / 255.0 + 1 - a};
                const Cmyk k = to_cmyk(c);
                for (const double v : {k.c, k.m, k.y, k.k}) cmyk.push_back(static_cast<HPDF_BYTE>(std::lround(v * 255)));
            }
        HPDF_Image img = HPDF_LoadRawImageFromMem(pdf_, cmyk.data(), static_cast<HPDF_UINT>(w), static_cast<HPDF_UINT>(h),
                                                  HPDF_CS_DEVICE_CMYK, 8);
        if (!img) throw std::runtime_error("the image " + image.name + " could not be put into the press PDF");
        HPDF_Page_DrawImage(page_, img, px(image.x), py(image.y + image.height), static_cast<HPDF_REAL>(image.width),
                            static_cast<HPDF_REAL>(image.height));
    }

    // Links, anchors and structure tags are for the screen; the press PDF has none.
    void draw(const LinkArea&) {}
    void draw(const Anchor&) {}

    /// Crop marks at the four corners, in the margin beyond the bleed, in all four inks.
    void crop_marks() {
        HPDF_Page_SetLineWidth(page_, 0.25);
        HPDF_Page_SetDash(page_, nullptr, 0, 0);
        HPDF_Page_SetCMYKStroke(page_, 1, 1, 1, 1);
        const double gap = g_.bleed + 2 * 72 / 25.4;  // marks start 2 mm outside the bleed
        const double left = g_.margin, right = g_.margin + frame_.width;
        const double bottom = g_.margin, top = g_.margin + frame_.height;
        auto line = [&](double x1, double y1, double x2, double y2) {
            HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1));
            HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2));
        };
        for (const double x : {left, right})
            for (const double y : {bottom, top}) {
                const double out_x = x == left ? -1 : 1, out_y = y == bottom ? -1 : 1;
                line(x + out_x * gap, y, x + out_x * g_.margin, y);  // horizontal, along the trim edge
                line(x, y + out_y * gap, x, y + out_y * g_.margin);  // vertical
            }
        HPDF_Page_Stroke(page_);
    }

    HPDF_Doc pdf_;
    HPDF_Page page_;
    const Page& frame_;
    const PressGeometry& g_;
    std::map<std::string, PressFont>& fonts_;
    LocationTracker location_;
};

/// UTF-16BE hex of UTF-8 text, for a ToUnicode destination.
std::string utf16_hex(const std::string& text) {
    std::string hex;
    char unit[8];
    for (char32_t c : utf8_decode(text)) {
        if (c >= 0x10000) {
            c -= 0x10000;
            std::snprintf(unit, sizeof unit, "%04X", 0xD800 + (c >> 10));
            hex += unit;
            c = 0xDC00 + (c & 0x3FF);
        }
        std::snprintf(unit, sizeof unit, "%04X", c);
        hex += unit;
    }
    return hex;
}

/// Appends CMap `entries` in blocks of at most 100, as the format allows ("bfrange", "bfchar").
void append_blocks(std::string& cmap, const std::vector<std::string>& entries, const std::string& kind) {
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        cmap += std::to_string(n) + " begin" + kind + "\n";
        for (std::size_t j = i; j < i + n; ++j) cmap += entries[j];
        cmap += "end" + kind + "\n";
    }
}

/// libharu's UTF-8 fonts use the Unicode code point as the character code (UCS-2); their
/// ToUnicode CMap is malformed (a CID range), so text extraction fails. This one maps each
/// code to itself, in ranges within one high byte as the format requires, and each private
/// code drawn (a glyph asked for by its id) to the text it showed.
std::string to_unicode(const std::map<unsigned, std::string>& texts) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::string> ranges;
    char line[64];
    for (unsigned high = 0; high < 0x100; ++high) {
        if ((high >= 0xD8 && high <= 0xDF) || (high >= 0xE0 && high <= 0xF8)) continue;  // surrogates; private use
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        ranges.push_back(line);
    }
    append_blocks(cmap, ranges, "bfrange");
    std::vector<std::string> chars;
    for (const auto& [code, text] : texts) {
        if (text.empty()) continue;
        std::snprintf(line, sizeof line, "<%04X> <", code);
        chars.push_back(line + utf16_hex(text) + ">\n");
    }
    append_blocks(cmap, chars, "bfchar");
    return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

/// Adds the boxes, correct ToUnicode maps and the document information libharu cannot
/// write, and writes the file with a deterministic ID.
std::string finish_press(const std::string& bytes, const FrameDocument& document, const PressGeometry& g,
                         const std::map<std::string, PressFont>& fonts) {
    QPDF pdf;
    pdf.processMemoryFile("libharu output", bytes.data(), bytes.size());
    const auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    // One ToUnicode map per font, found by the name libharu gave it ("HPDFAB+Inter-Regular").
    std::map<std::string, QPDFObjectHandle> maps;
    for (const auto& [key, font] : fonts) maps.emplace(font.name, QPDFObjectHandle::newStream(&pdf, to_unicode(font.texts)));
    auto map_for = [&](QPDFObjectHandle font) {
        std::string base = font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName() : "";
        if (const auto plus = base.find('+'); plus != std::string::npos) base = base.substr(plus + 1);
        for (const auto& [name, stream] : maps)
            if (base == name || base.rfind(name + ",", 0) == 0) return stream;
        return QPDFObjectHandle::newNull();
    };
    for (std::size_t p = 0; p < pages.size() && p < document.pages.size(); ++p) {
        const auto& frame = document.pages[p];
        auto box = [](double x1, double y1, double x2, double y2) {
            return QPDFObjectHandle::newArray({QPDFObjectHandle::newReal(x1, 3), QPDFObjectHandle::newReal(y1, 3),
                                               QPDFObjectHandle::newReal(x2, 3), QPDFObjectHandle::newReal(y2, 3)});
        };
        const double m = g.margin, b = g.bleed;
        auto page = pages[p].getObjectHandle();
        page.replaceKey("/TrimBox", box(m, m, m + frame.width, m + frame.height));
        page.replaceKey("/BleedBox", box(m - b, m - b, m + frame.width + b, m + frame.height + b));
        auto fonts = page.getKey("/Resources").getKey("/Font");
        if (!fonts.isDictionary()) continue;
        for (const auto& key : fonts.getKeys()) {
            auto font = fonts.getKey(key);
            if (!font.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
            if (auto stream = map_for(font); stream.isStream()) font.replaceKey("/ToUnicode", stream);
        }
    }
    auto info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(document.info.title));
    info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(document.info.author));
    info.replaceKey("/Producer", QPDFObjectHandle::newString("sats (libharu)"));
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));
    return write_deterministic(pdf);
}

}  // namespace

std::string export_press_pdf(const FrameDocument& document, const PressGeometry& geometry) {
    HaruErrors errors;
    HPDF_Doc pdf = HPDF_New(on_haru_error, &errors);
    if (!pdf) throw std::runtime_error("libharu could not start a document");
    std::string bytes;
    std::map<std::string, PressFont> fonts;
    try {
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        for (const auto& frame : document.pages) {
            HPDF_Page page = HPDF_AddPage(pdf);
            if (!page) break;  // libharu stopped after an error, reported below
            HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width + 2 * geometry.margin));
            HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height + 2 * geometry.margin));
            PressPage(pdf, page, frame, geometry, fonts).draw();
        }
        if (errors.first != HPDF_OK) {
            char code[64];
            std::snprintf(code, sizeof code, "error 0x%04X, detail %u", static_cast<unsigned>(errors.first),
                          static_cast<unsigned>(errors.detail));
            throw std::runtime_error(std::string("libharu failed writing the press PDF (") + code + ")");
        }
        HPDF_SaveToStream(pdf);
        bytes.resize(HPDF_GetStreamSize(pdf));
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
        HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
        bytes.resize(size);
    } catch (...) {
        HPDF_Free(pdf);
        throw;
    }
    HPDF_Free(pdf);
    return finish_press(bytes, document, geometry, fonts);
}

}  // namespace sats
