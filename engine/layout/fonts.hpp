#pragma once
// The fonts layout may use: a private fontconfig configuration (`fonts/fonts.conf`) behind a
// pango font map at 72 dpi, with hinting and glyph-position rounding off for print.

#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostics.hpp"
#include "layout/style.hpp"

typedef struct _PangoContext PangoContext;

namespace sats {

/// Owns the font map and the pango context all layouts of a run share.
class FontSetup {
public:
    /// Loads `<resources>/fonts/fonts.conf`; throws std::runtime_error if it cannot.
    explicit FontSetup(const std::filesystem::path& resource_dir);
    ~FontSetup();
    FontSetup(const FontSetup&) = delete;
    FontSetup& operator=(const FontSetup&) = delete;

    /// The pango context layouts shape text with.
    PangoContext* context() const;

    /// Whether the configuration has a face of `family` (else pango sets its text in another font).
    bool has_family(const std::string& family) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Warns at each font family `style` names that `fonts` does not have, whose text pango would
/// otherwise set in a fallback font without a word.
void warn_missing_fonts(const LayoutStyle& style, const FontSetup& fonts, Diagnostics& diagnostics);

}  // namespace sats
