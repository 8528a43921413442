#pragma once
// The fonts layout may use: a private fontconfig configuration (`fonts/fonts.conf`) behind a
// pango font map at 72 dpi, with hinting and glyph-position rounding off for print.

#include <filesystem>
#include <memory>

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

    PangoContext* context() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sats
