#pragma once
// The screen PDF: cairo's PDF surface drawing the frames, with embedded subset fonts,
// text that extracts (glyph clusters), links, outline, structure tags and fixed metadata.

#include <string>

#include "frames/frames.hpp"

namespace sats {

/// Draws `document` into a PDF and returns its bytes. Same frames give the same bytes.
/// Throws std::runtime_error if cairo fails (for example, a font file cannot be read).
std::string export_pdf(const FrameDocument& document);

}  // namespace sats
