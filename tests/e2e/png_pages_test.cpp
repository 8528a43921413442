// Page images (`--png`): glyphs sit where the frames put them, as in the PDF, and a build
// removes the page images an earlier, longer build of the same name left.

#include <gtest/gtest.h>

#include <cairo.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "export/cairo_drawer.hpp"
#include "export/png_export.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

/// The glyph of `character` in `font`.
std::uint32_t glyph_of(const FontRef& font, const char* character) {
    FontFaces faces;
    cairo_matrix_t size, identity;
    cairo_matrix_init_scale(&size, 12, 12);
    cairo_matrix_init_identity(&identity);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_scaled_font_t* scaled = cairo_scaled_font_create(faces.get(font), &size, &identity, options);
    cairo_glyph_t* glyphs = nullptr;
    int count = 0;
    cairo_scaled_font_text_to_glyphs(scaled, 0, 0, character, -1, &glyphs, &count, nullptr, nullptr, nullptr);
    const std::uint32_t id = count == 1 ? static_cast<std::uint32_t>(glyphs[0].index) : 0;
    cairo_glyph_free(glyphs);
    cairo_scaled_font_destroy(scaled);
    cairo_font_options_destroy(options);
    return id;
}

/// A PNG's pixels as grey levels, row by row (0 = black), and its width.
struct Grey {
    int width = 0, height = 0;
    std::vector<double> ink;  ///< 1 − brightness of each pixel: 0 white, 1 black
    double at(int x, int y) const { return ink[static_cast<std::size_t>(y * width + x)]; }
};

Grey decode(const std::string& png) {
    struct Reader {
        const std::string& bytes;
        std::size_t offset = 0;
    } reader{png};
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(
        [](void* closure, unsigned char* data, unsigned int length) {
            auto* r = static_cast<Reader*>(closure);
            if (r->offset + length > r->bytes.size()) return CAIRO_STATUS_READ_ERROR;
            std::copy_n(r->bytes.data() + r->offset, length, data);
            r->offset += length;
            return CAIRO_STATUS_SUCCESS;
        },
        &reader);
    Grey grey{cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface), {}};
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < grey.height; ++y)
        for (int x = 0; x < grey.width; ++x) {
            const auto* p = data + y * stride + x * 4;  // RGB24: blue, green, red, unused
            grey.ink.push_back(1.0 - (p[0] + p[1] + p[2]) / (3.0 * 255));
        }
    cairo_surface_destroy(surface);
    return grey;
}

/// The horizontal centre of the ink between columns `from` and `to` (pixels).
double ink_centre(const Grey& grey, int from, int to) {
    double sum = 0, weighted = 0;
    for (int y = 0; y < grey.height; ++y)
        for (int x = std::max(0, from); x < std::min(grey.width, to); ++x) {
            sum += grey.at(x, y);
            weighted += grey.at(x, y) * (x + 0.5);
        }
    return sum > 0 ? weighted / sum : -1;
}

// One glyph ('l', a plain stem) placed by the frames at steps of a fraction of a pixel: its
// ink must move with it, step for step. cairo 1.16 put glyphs on an image at whole pixels and
// hinted their stems to the grid, so the ink moved in whole pixels and drifted up to half a
// pixel from where the frames (and the PDF) put it: the uneven spacing of "hovedm ål".
TEST(PngPages, GlyphsSitWhereTheFramesSay) {
    auto font = std::make_shared<FontRef>();
    font->data = std::make_shared<const std::string>(test::read(test::source_dir() / "fonts" / "inter" / "Inter-Regular.ttf"));
    font->name = "Inter-Regular";
    const std::uint32_t l = glyph_of(*font, "l");
    ASSERT_NE(0u, l);
    auto shaped = std::make_shared<ShapedText>(ShapedText{{{l, 0, 0}}, "l", {{1, 1}}});
    FrameDocument document;
    document.pages.push_back(Page{200, 40, {}});
    constexpr double kDpi = 100, kScale = kDpi / 72, kStep = 14.13 / kScale;  // 14.13 px: each glyph 0.13 px further off the grid
    constexpr int kGlyphs = 12;
    for (int i = 0; i < kGlyphs; ++i)
        document.pages[0].items.push_back(GlyphRun{font, 14, {}, 10 + i * kStep, 25, shaped});
    const Grey page = decode(export_png(document, kDpi).at(0));

    // Each glyph's ink centre, less where the frames put the glyph, is the same for all (within
    // a quarter pixel: greys of antialiasing; snapped to whole pixels it spread by about 0.9 px).
    std::vector<double> offsets;
    for (int i = 0; i < kGlyphs; ++i) {
        const double x = (10 + i * kStep) * kScale;
        const double centre = ink_centre(page, static_cast<int>(x) - 3, static_cast<int>(x) + 8);
        ASSERT_GT(centre, 0) << "glyph " << i << " has no ink";
        offsets.push_back(centre - x);
    }
    const auto [low, high] = std::minmax_element(offsets.begin(), offsets.end());
    EXPECT_LT(*high - *low, 0.25) << "glyph ink drifts from the frames' positions by up to " << *high - *low << " px";
}

// A 10-page build after a 12-page build of the same name leaves no -011.png, -012.png; files
// that only look alike (another stem, another number form, another extension) stay.
TEST(PngPages, EarlierPageImagesOfTheSameNameAreRemoved) {
    const fs::path dir = test::temp_dir();
    const std::string mini = q(test::source_dir() / "tests" / "golden" / "mini");
    std::string out;
    ASSERT_EQ(0, test::run_sats("build " + mini + " --png -o " + q(dir / "mini.pdf"), &out)) << out;
    int pages = 0;
    while (fs::exists(dir / ("mini-00" + std::to_string(pages + 1) + ".png"))) ++pages;
    ASSERT_GE(pages, 2);
    const std::vector<std::string> stale{"mini-011.png", "mini-012.png", "mini-1000.png"};
    const std::vector<std::string> kept{"mini-12.png", "mini-0011.png", "mini-011.png.txt", "minis-011.png", "other-011.png",
                                        "mini-011.PNG", "mini-01a.png"};
    for (const auto& name : stale) std::ofstream(dir / name) << "old";
    for (const auto& name : kept) std::ofstream(dir / name) << "mine";
    ASSERT_EQ(0, test::run_sats("build " + mini + " --png -o " + q(dir / "mini.pdf"), &out)) << out;
    for (const auto& name : stale) EXPECT_FALSE(fs::exists(dir / name)) << name;
    for (const auto& name : kept) EXPECT_EQ("mine", test::read(dir / name)) << name;
    for (int p = 1; p <= pages; ++p) EXPECT_TRUE(fs::exists(dir / ("mini-00" + std::to_string(p) + ".png"))) << p;
}

}  // namespace
}  // namespace sats
