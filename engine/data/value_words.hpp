#pragma once
// The words a signed value offers in chapter text: `{{x.over_under}}` → "over", "under" or
// "på linje med", `{{x.abs_over_under}}` → "4,4 % over", and the direction behind the flags
// `.over`, `.under` and `.lik`, as the project's `[words]` and language set them.

#include <optional>
#include <string>
#include <vector>

#include "content/word_settings.hpp"
#include "data/value.hpp"

namespace sats {

/// Turns signed values into Norwegian words.
class ValueWords {
public:
    /// Bokmål words, equal only when shown as zero.
    ValueWords() = default;
    /// The words of `language` ("nn" = nynorsk, else bokmål) with the project's `settings`.
    ValueWords(WordSettings settings, const std::string& language);

    /// Whether `v`, as shown, is over, under or equal to zero: equal when its shown magnitude
    /// is at most the threshold of its unit. Nothing for a value without a number.
    std::optional<Direction> direction(const Value& v) const;

    /// The text of `v` with the word suffix `suffix` (a form name, or `abs_` and a form name):
    /// the word ("over"), or the magnitude with its word ("4,4 % over"; the word alone when
    /// equal). A value without a number has no word ("") and its `abs_` form is its symbol.
    /// Nothing if `suffix` is not a word suffix.
    std::optional<std::string> resolve(const Value& v, const std::string& suffix) const;

    /// Every word suffix: each form name and each with `abs_` before it.
    static std::vector<std::string> suffixes();

private:
    /// The word of the form `form` for `direction`, or nothing if `form` is unknown.
    std::optional<std::string> word(const std::string& form, Direction direction) const;

    WordSettings settings_;
    bool nynorsk_ = false;
};

}  // namespace sats
