#pragma once
// The slide deck from the same content as the report: a title slide, then one slide per
// ```hovedfunn block (its title, its points and the chart it names), laid out in
// layouts/lysbilder (16:9, the fonts and colours of the report).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "pipeline/report.hpp"

namespace sats {

/// The chapters of the deck, made from the report's resolved chapters: one per main-findings
/// block, each a heading, a bullet list and copies of the named chart and table (numbered
/// anew in the deck); or an error for each unknown chart and table id, where it was written.
Result<std::vector<ResolvedChapter>> slide_chapters(const std::vector<ResolvedChapter>& chapters);

/// The deck of a loaded report, laid out; nothing if an error was reported (also when the
/// content has no main-findings block).
std::optional<FrameDocument> lay_out_slides(const Report& report, const Environment& env, Diagnostics& diagnostics,
                                            const BuildOptions& options = {});

}  // namespace sats
