#pragma once
// The first half of the resolve stage: the content's chapters with their table and chart
// requests built from the data, and every block given its stable id. It runs once per report;
// numbering, which depends on the layout's words, is given by resolve_references().

#include <vector>

#include "content/document.hpp"
#include "data/catalog.hpp"
#include "resolve/resolved_document.hpp"

namespace sats {

/// The chapters with every DataTableRequest and ChartRequest built from `catalog`, and every
/// block given its id. A request that cannot be built is reported where it names the problem
/// and left out. The numbering of headings, tables and figures is left empty.
std::vector<ResolvedChapter> resolve_requests(const std::vector<Chapter>& chapters, const DataCatalog& catalog,
                                              Diagnostics& diagnostics);

}  // namespace sats
