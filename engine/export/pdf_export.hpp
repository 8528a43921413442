#pragma once
// The screen PDF: cairo's PDF surface drawing the frames, with embedded subset fonts,
// text that extracts (glyph clusters), links, outline, structure tags and fixed metadata.

#include <string>

#include <vector>

#include "export/tagged_element.hpp"
#include "frames/frames.hpp"

namespace sats {

/// Draws `document` into a PDF and returns its bytes. Same frames give the same bytes. The
/// structure elements cairo made are appended to `elements` in the order it made them (for
/// the finishing pass). Throws std::runtime_error if cairo fails (for example, a font's data
/// is not a font).
std::string export_pdf(const FrameDocument& document, std::vector<TaggedElement>& elements);

}  // namespace sats
