#pragma once
// Markdown (CommonMark + GFM tables and footnotes, parsed with cmark-gfm) to the document model.

#include <string>

#include "content/document.hpp"
#include "content/template.hpp"

namespace sats {

/// The longest paragraph or heading sats sets, in characters (about 25 pages); longer ones are
/// errors.
inline constexpr std::size_t kMaxParagraphChars = 100'000;

/// How deep Markdown may nest in all (block quotes, lists, emphasis, links); deeper text is an
/// error, reported once, and not read (it would exhaust the stack).
inline constexpr int kMaxNesting = 50;

/// How deep lists may nest; a deeper list is an error (its indent would leave the page).
inline constexpr int kMaxListDepth = 9;

/// The heights a chart block may ask for, in points (the drawing without caption and notes):
/// lower would leave no room for the bars, higher would not fit on a page.
inline constexpr double kMinChartHeight = 50;
inline constexpr double kMaxChartHeight = 600;

/// Parses rendered chapter text. `rendered.source_lines` maps output lines back to `file`
/// so diagnostics point where the author wrote the text.
Chapter parse_markdown(const RenderedText& rendered, const std::string& file, Diagnostics& diagnostics);

}  // namespace sats
