#pragma once
// Markdown without traps: CommonMark lets a list interrupt a paragraph, so a wrapped line that
// happens to begin "1. halvår …" or "- 5 elever …" silently becomes a list. sats begins a list
// only where the writer meant one: after a blank line, a heading or another block, or after a
// line that ends with a colon ("Tiltakene er:"). A marker on a line that continues a paragraph
// stays text, and is reported so the writer can see what was done.

#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

namespace sats {

/// A line that continues a paragraph but begins like a list item.
struct ParagraphMarker {
    int line = 0;        ///< the line, as cmark counts them (from 1)
    int column = 0;      ///< the byte column of the marker, from 1
    std::string marker;  ///< as written: "1.", "2)", "-"
};

/// Turns every list in `document` that interrupts a paragraph (it starts on the line after the
/// paragraph's last line, which does not end with ':') back into lines of that paragraph, and
/// returns every line of a paragraph that begins with a list marker, in document order (a
/// number of three or more digits, such as a year, "2024.", is not taken for a list marker).
/// `lines` are the lines of the text cmark parsed. A list of anything but one-paragraph items
/// on consecutive lines, and a list nested right under an item's first line, are left alone.
std::vector<ParagraphMarker> keep_paragraph_lines(cmark_node* document, const std::vector<std::string_view>& lines);

}  // namespace sats
