#pragma once
// Turns a chart requested in a chapter into series of numbers with labels, and writes the
// chart's text alternative from its data.

#include <string>

#include "content/document.hpp"
#include "core/result.hpp"
#include "data/catalog.hpp"

namespace sats {

/// The chart `request` asks for, computed from `catalog`, with its text alternative (the
/// request's own, else written from the data); or every error in the request, each where the
/// key it concerns was written.
Result<Chart> build_chart(const ChartRequest& request, const DataCatalog& catalog);

/// The text alternative of a chart, in Norwegian, from its numbers: which series rose or fell
/// and from what to what (lines), or every value (columns, bars, pies).
std::string describe_chart(const Chart& chart);

}  // namespace sats
