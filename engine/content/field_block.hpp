#pragma once
// Field blocks (```` ```felt ````): a label and a colon at the start of a line open a field,
// and the lines up to the next label hold its value, read as Markdown (paragraphs and lists).
//
//     ```felt
//     Tiltak: Felles saksbehandlingssystem
//     Status: Pågående
//     Kommentar:
//     - Anskaffelse ferdig i mars
//     ```
//
// A line opens a field only if it starts at the left edge with a label of at most
// kMaxFieldLabel characters followed by a colon and a space (or the line's end), and the label
// does not start like Markdown (`-`, `*`, `+`, `>`, `#`, `|`, a number and `.` or `)`). A
// colon elsewhere is text; a line of a value that should begin with words and a colon is
// indented, or its colon written `\:`.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"

namespace sats {

/// The longest label, in characters; a longer "label" before a colon is text.
inline constexpr std::size_t kMaxFieldLabel = 40;

/// A field as written in a field block, before its value is read as Markdown.
struct FieldText {
    std::string label;     ///< trimmed; placeholders still tokens
    int line = 0;          ///< the label's line in the block (1 = the line after the fence)
    int column = 1;        ///< the label's first byte in that line
    std::string value;     ///< the value's Markdown: the rest of the label's line, then its lines, dedented
    int value_column = 1;  ///< the byte in the label's line where the value's first line starts
    int indent = 0;        ///< spaces taken off the start of the value's later lines
};

/// Where line `line` (1 = the line after the fence, 0 = the fence), byte column `column`, of a
/// field block was written.
using FieldLocator = std::function<SourceLocation(int line, int column)>;

/// The fields of the text `body` of a field block. An empty block, text before the first
/// label, an empty label and a field without a value are errors, a label used twice in one
/// block a warning, each reported where it was written.
std::vector<FieldText> split_fields(std::string_view body, const FieldLocator& at, Diagnostics& diagnostics);

/// Reports every block of a field's value other than a paragraph or a list (of them) at its place:
/// a field holds text and lists only.
void check_field_value(const std::vector<Block>& blocks, Diagnostics& diagnostics);

}  // namespace sats
