#pragma once
// The second half of the resolve stage: numbering and cross-references. Captioned tables and
// figures are numbered in reading order ("Tabell 3", "Figur 5"), headings, tables and figures
// get anchors, and every internal link ("#id") gets its text. Layout only adds page numbers.

#include <array>
#include <string>
#include <vector>

#include "resolve/resolved_document.hpp"

namespace sats {

/// Words the numbering and references use (the layout's `[labels]`).
struct ReferenceLabels {
    std::string table = "Tabell";
    std::string figure = "Figur";
    std::string page = "side";
    /// Per heading level, the pattern of its number ("1.1"; see pattern_text), "" = none.
    std::array<std::string, kMaxHeadingLevel> heading_numbering{};
};

/// The document of `chapters` with every heading, table and figure numbered and anchored and
/// every internal link resolved: a link to a table or figure reads its number ("Tabell 3"; the
/// link's own text sets the case of the word), a link to a heading its title's label; a link
/// whose text is the page word ("side") reads "side " and is marked as a page reference,
/// whose number layout adds. Duplicate ids and unknown ids are reported at their block.
ResolvedDocument resolve_references(std::vector<ResolvedChapter> chapters, const ReferenceLabels& labels,
                                    Diagnostics& diagnostics);

/// A URL- and PDF-safe anchor from heading text: "Økonomi og styring" → "okonomi-og-styring".
std::string slug(const std::string& text);

}  // namespace sats
