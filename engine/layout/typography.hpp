#pragma once
// Norwegian typography applied to text before it is shaped: no line break inside numbers,
// between a number and its unit (`6 040 kr`, `5,4 %`) or inside a range (`2024–2027`);
// «» quotes and real dashes; soft hyphens from the hyphenator.

#include <string>
#include <vector>

#include "content/document.hpp"
#include "layout/hyphenator.hpp"

namespace sats {

/// Units that stay on the line of the number before them.
const std::vector<std::u32string>& units_kept_with_numbers();

/// The runs with Norwegian typography applied. Code runs are left as they are; links and
/// words with digits or in capitals are not hyphenated; no hyphenation if `hyphenator` is null.
Inlines apply_typography(const Inlines& runs, const Hyphenator* hyphenator);

}  // namespace sats
