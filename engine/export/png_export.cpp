#include "export/png_export.hpp"

#include <cmath>
#include <stdexcept>

#include "export/cairo_drawer.hpp"

namespace sats {

namespace {

/// Font options for page images that match the PDF: outlines and metrics unhinted (hinting
/// moves stems and widths to the pixel grid, away from where the frames put them), grey
/// antialiasing (no colour fringes).
void set_unhinted(cairo_t* cr) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
}

}  // namespace

std::vector<std::string> export_png(const FrameDocument& document, double dpi) {
    std::vector<std::string> pngs;
    FontFaces fonts;
    const double scale = dpi / 72.0;
    for (const auto& page : document.pages) {
        const int width = static_cast<int>(std::ceil(page.width * scale));
        const int height = static_cast<int>(std::ceil(page.height * scale));
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
        cairo_t* cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        set_unhinted(cr);
        PageDrawer drawer(cr, fonts);
        walk(page.items, drawer);
        std::string bytes;
        const cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        const cairo_status_t written = cairo_surface_write_to_png_stream(surface, append_to_string, &bytes);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS || written != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("PNG output failed: ") +
                                     cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : written));
        pngs.push_back(std::move(bytes));
    }
    return pngs;
}

}  // namespace sats
