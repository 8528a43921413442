#pragma once
// Markdown (CommonMark + GFM tables and footnotes, parsed with cmark-gfm) to the document model.

#include <string>

#include "content/document.hpp"
#include "content/template.hpp"

namespace sats {

/// Parses rendered chapter text. `rendered.source_lines` maps output lines back to `file`
/// so diagnostics point where the author wrote the text.
Chapter parse_markdown(const RenderedText& rendered, const std::string& file, Diagnostics& diagnostics);

}  // namespace sats
