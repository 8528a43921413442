#pragma once
// The attributes a writer puts at the end of a heading, as Pandoc reads them:
// `## Tiltak i 2026 {- .innfelt #tiltak}`.

#include <string>
#include <vector>

#include "content/document.hpp"

namespace sats {

/// The names a heading attribute may have, besides `#id`: `-` and `.unummerert` (no number),
/// `.innfelt` (run-in), and their English spellings.
const std::vector<std::string>& heading_attribute_names();

/// What the attributes of one heading say.
struct HeadingAttributes {
    bool unnumbered = false;
    bool run_in = false;
    std::string id;
    std::vector<std::string> unknown;  ///< names that are not heading attributes, as written
    std::string bad_id;                ///< an `#id` with characters other than a–z, 0–9, - and _
};

/// Takes a trailing `{…}` off the last run of `text` (with the spaces before it) and reads it.
/// Text that merely ends in braces without attribute syntax (`{}`) is left alone.
HeadingAttributes take_heading_attributes(Inlines& text);

}  // namespace sats
