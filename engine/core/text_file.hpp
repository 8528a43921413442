#pragma once
// The text of a file as sats reads it: UTF-8 without control characters, with every kind of
// line end (LF, CRLF, CR) read as LF so lines count alike everywhere.

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace sats {

/// `bytes` of `file` as text: a UTF-8 byte-order mark dropped, CRLF and lone CR made LF. If the
/// file is UTF-16 or holds malformed UTF-8 (an overlong form included) or a control character
/// other than tab, reports an error at the line and column of the first bad byte and returns
/// nothing.
std::optional<std::string> checked_text(std::string_view bytes, const std::string& file, Diagnostics& diagnostics);

}  // namespace sats
