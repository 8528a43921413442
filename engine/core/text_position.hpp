#pragma once
// Converting byte offsets in UTF-8 text to 1-based line and column numbers.

#include <string>
#include <string_view>

namespace sats {

/// A 1-based line and column; the column counts characters (code points), not bytes.
struct LineColumn {
    int line = 1;
    int column = 1;
};

/// The line and column of byte `offset` in `text`.
LineColumn line_column_at(std::string_view text, std::size_t offset);

/// The code points of UTF-8 text; empty if it is malformed (a stray or missing continuation
/// byte, an overlong form, a surrogate, a code point past U+10FFFF).
std::u32string utf8_decode(std::string_view text);

/// UTF-8 of one code point.
std::string utf8_encode(char32_t code_point);

/// Whether `c` is an ASCII control character other than tab, line feed and carriage return
/// (XML forbids them; they have no place in metadata).
bool control_character(char c);

/// `text` without control_character()s.
std::string without_control_characters(std::string_view text);

/// `text` with &, <, > and " written as XML entities and the control characters XML forbids
/// left out (for XMP metadata and HTML).
std::string xml_escape(std::string_view text);

/// Number of code points in a UTF-8 string.
std::size_t utf8_length(std::string_view text);

}  // namespace sats
