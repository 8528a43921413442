#pragma once
// The finishing pass over cairo's PDF, with libqpdf: what makes it PDF/A-2a and PDF/UA —
// document language, marked and titled, XMP metadata that agrees with the Info dictionary,
// an sRGB output intent, /Alt on figures, /Scope on table headers, untagged content marked as
// artifacts, and a deterministic file identifier.

#include <string>

#include "frames/frames.hpp"

namespace sats {

/// Finishes `pdf` (cairo's output for `document`). `icc_profile` is the sRGB ICC profile.
/// Throws std::runtime_error if the PDF cannot be read.
std::string finish_pdf(const std::string& pdf, const FrameDocument& document, const std::string& icc_profile);

/// The text alternatives of the document's figures, in reading order.
std::vector<std::string> figure_alternatives(const FrameDocument& document);

}  // namespace sats
