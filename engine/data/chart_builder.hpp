#pragma once
// Turns the charts requested in the chapters into series of numbers with labels, and writes
// each chart's text alternative from its data.

#include <vector>

#include "content/document.hpp"
#include "data/catalog.hpp"

namespace sats {

/// Replaces every ChartRequest block in `chapters` by a Chart computed from `catalog`.
void build_charts(std::vector<Chapter>& chapters, const DataCatalog& catalog, Diagnostics& diagnostics);

/// The text alternative of a chart, in Norwegian, from its numbers: which series rose or fell
/// and from what to what (lines), or every value (columns, bars, pies).
std::string describe_chart(const Chart& chart);

}  // namespace sats
