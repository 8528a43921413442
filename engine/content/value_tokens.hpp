#pragma once
// Placeholder values travel through Markdown and TOML parsing as tokens, so that text from the
// data is never read as markup: a CSV cell holding `[x](https://…)`, `# x` or `*x*` is printed
// as it is written. The parsers see only a token (private-use characters and digits, which
// neither Markdown nor a TOML string gives any meaning); the text is put in afterwards.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sats {

/// The token standing for value number `index` in a rendered chapter.
std::string value_token(std::size_t index);

/// `text` with every token replaced by its value from `values`. A token-like sequence with
/// no value of that number (typed by an author) is left as it is.
std::string expand_value_tokens(std::string_view text, const std::vector<std::string>& values);

/// The offset just after the value token that starts at `offset` in `text`, or `offset` if
/// none starts there.
std::size_t skip_value_token(std::string_view text, std::size_t offset);

/// A placeholder's text as one line: line breaks and tabs become spaces, other control
/// characters are dropped (a CSV cell may hold them; they would end or break a line of text).
std::string one_line(std::string_view value);

}  // namespace sats
