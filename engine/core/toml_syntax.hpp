#pragma once
// TOML syntax errors worded for the writer: what is wrong, at the place the mistake was made
// (the opening '[' of a list never closed, the opening quote of a text never ended), not where
// the TOML reader noticed it, and how to put it right.

#include <string>
#include <string_view>

#include "core/text_position.hpp"

namespace sats {

/// One TOML syntax error as the writer should read it.
struct TomlSyntaxError {
    LineColumn at;      ///< where the mistake was made, in the TOML text
    std::string message;
    std::string hint;
};

/// Explains the error toml++ describes as `description` at `noticed` in `text`. Lines in the
/// hint (e.g. where a key given twice was first given) are shifted by `line_offset`.
TomlSyntaxError explain_toml_error(std::string_view text, LineColumn noticed, std::string_view description,
                                   int line_offset = 0);

}  // namespace sats
