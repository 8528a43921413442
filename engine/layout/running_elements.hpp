#pragma once
// The running header and footer of every page but the cover: the layout's texts, the
// manifest's and each chapter's over them, their fields filled in for the page, cut with an
// ellipsis where they would run into each other.

#include <vector>

#include "frames/frames.hpp"
#include "layout/layout.hpp"
#include "layout/layout_context.hpp"

namespace sats {

/// Adds the running header and footer to each page of `document` after the cover, as artifacts;
/// none on chapter openers unless the layout asks. `headings` name the section ({avsnitt}) of each
/// page: the first level-2 heading on it, else the last one before it in its chapter. A text cut
/// to fit is warned about once, at its chapter's file.
void add_running_elements(FrameDocument& document, const PageFlow& flow, const ReportInfo& info,
                          const std::vector<HeadingEntry>& headings, LayoutContext& c);

}  // namespace sats
