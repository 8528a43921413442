#pragma once
// The press PDF for the print shop, written with libharu from the same frames as the screen
// PDF: every glyph where layout put it, colours in CMYK, backgrounds that touch the page edge
// extended into a 3 mm bleed, crop marks outside it, TrimBox and BleedBox on every page, all
// fonts embedded, no RGB and no transparency.

#include <stdexcept>
#include <string>

#include "frames/frames.hpp"

namespace sats {

/// A colour in CMYK, components 0–1.
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;
};

/// The documented conversion of the screen's RGB: grey goes to black ink only (K), a colour
/// to C, M and Y under the K of its darkest part ("naive" or GCR 100 %, no ICC profile).
Cmyk to_cmyk(const Color& rgb);

/// Sizes of the press sheet around each trimmed page, in points.
struct PressGeometry {
    double bleed = 3 * 72 / 25.4;   ///< backgrounds reach this far past the trim
    double margin = 12 * 72 / 25.4; ///< from the trim to the sheet edge; crop marks sit in it
};

/// The press PDF of `document`; throws std::runtime_error with a message for the user if a
/// font is not TrueType or an image cannot be read.
std::string export_press_pdf(const FrameDocument& document, const PressGeometry& geometry = {});

}  // namespace sats
