#pragma once
// Page images: each page of the frames drawn by cairo onto an image surface, as PNG bytes.

#include <string>
#include <vector>

#include "frames/frames.hpp"

namespace sats {

/// One PNG per page at `dpi`, white background. Throws std::runtime_error if cairo fails.
std::vector<std::string> export_png(const FrameDocument& document, double dpi = 100);

}  // namespace sats
