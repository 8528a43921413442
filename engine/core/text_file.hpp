#pragma once
// The text of a file as sats reads it: UTF-8 without control characters, with every kind of
// line end (LF, CRLF, CR) read as LF so lines count alike everywhere.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace sats {

/// `bytes` of `file` as text: a UTF-8 byte-order mark dropped, CRLF and lone CR made LF. If the
/// file is UTF-16 or holds malformed UTF-8 (an overlong form included) or a control character
/// other than tab, reports an error at the line and column of the first bad byte and returns
/// nothing.
std::optional<std::string> checked_text(std::string_view bytes, const std::string& file, Diagnostics& diagnostics);

/// The encodings a data file may be in (`encoding =` of a data source). SSB's statistics bank
/// has written Windows-1252; its API writes UTF-8, and Excel may save UTF-16.
enum class TextEncoding {
    automatic,     ///< UTF-8, or UTF-16 with a byte-order mark, or Windows-1252 if it is not UTF-8
    utf8,          ///< UTF-8 only (or UTF-16 with a byte-order mark, which cannot be mistaken)
    windows1252,   ///< Windows-1252 (which includes Latin-1's letters)
};

/// The encoding named in content ("utf-8", "windows-1252", or Latin-1's names for it), or nothing.
std::optional<TextEncoding> parse_text_encoding(const std::string& name);

/// The names parse_text_encoding() knows, for hints.
std::vector<std::string> text_encoding_names();

/// `bytes` of the data file `file` as text in `encoding`, converted to UTF-8 and then checked as
/// checked_text() does. With `automatic`, a file that is not UTF-8 and holds no letter written
/// as UTF-8 is read as Windows-1252, and a note says so. A byte that is in neither encoding is an error at its line and
/// column.
std::optional<std::string> decoded_text(std::string_view bytes, const std::string& file, TextEncoding encoding,
                                        Diagnostics& diagnostics);

}  // namespace sats
