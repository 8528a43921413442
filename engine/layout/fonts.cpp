#include "layout/fonts.hpp"

#include <stdexcept>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

namespace sats {

struct FontSetup::Impl {
    FcConfig* config = nullptr;
    PangoFontMap* font_map = nullptr;
    PangoContext* context = nullptr;
};

FontSetup::FontSetup(const std::filesystem::path& resource_dir) : impl_(std::make_unique<Impl>()) {
    const auto conf = (resource_dir / "fonts" / "fonts.conf").string();
    impl_->config = FcConfigCreate();
    if (!FcConfigParseAndLoad(impl_->config, reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue)) {
        FcConfigDestroy(impl_->config);
        throw std::runtime_error("cannot load the font configuration " + conf);
    }
    const auto bundled = (resource_dir / "fonts").string();
    FcConfigAppFontAddDir(impl_->config, reinterpret_cast<const FcChar8*>(bundled.c_str()));
    FcConfigBuildFonts(impl_->config);

    impl_->font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(impl_->font_map), impl_->config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(impl_->font_map), 72.0);
    impl_->context = pango_font_map_create_context(impl_->font_map);
    pango_context_set_round_glyph_positions(impl_->context, FALSE);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(impl_->context, options);
    cairo_font_options_destroy(options);
    PangoLanguage* norwegian = pango_language_from_string("nb");
    pango_context_set_language(impl_->context, norwegian);
}

FontSetup::~FontSetup() {
    if (impl_->context) g_object_unref(impl_->context);
    if (impl_->font_map) g_object_unref(impl_->font_map);
    if (impl_->config) FcConfigDestroy(impl_->config);
}

PangoContext* FontSetup::context() const { return impl_->context; }

bool FontSetup::has_family(const std::string& family) const {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    FcFontSet* faces = FcFontList(impl_->config, pattern, objects);
    const bool found = faces && faces->nfont > 0;
    if (faces) FcFontSetDestroy(faces);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return found;
}

void warn_missing_fonts(const LayoutStyle& style, const FontSetup& fonts, Diagnostics& diagnostics) {
    for (const auto& font : style.fonts)
        if (!fonts.has_family(font.family))
            diagnostics.warning(font.where, "the font '" + font.family + "' is not installed; its text is set in another font",
                                "sats sees the fonts in the folders fonts/fonts.conf lists and in fonts/");
}

}  // namespace sats
