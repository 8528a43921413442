#pragma once
// The web summary: one self-contained, accessible HTML page made from the frames of the
// slide deck, so its numbers are the slides' (and the report's). Headings, lists and tables
// come from the structure tags; each figure becomes inline SVG drawn by cairo, with the
// figure's text alternative as its <title> and <desc>.

#include <string>

#include "frames/frames.hpp"

namespace sats {

/// The HTML page of `slides` (the title slide first). `report_link` is the file name of the full
/// report, in the page's folder, e.g. "kostra-2025.pdf"; the page links to it as a relative
/// address that no name can turn into another scheme ("./kostra-2025.pdf").
std::string export_html(const FrameDocument& slides, const std::string& report_link);

}  // namespace sats
