#pragma once
// Turns the data tables requested in the chapters into tables of formatted text.

#include <vector>

#include "content/document.hpp"
#include "data/catalog.hpp"

namespace sats {

/// The most rows one table shows (about 50 pages); a longer one is an error, since nobody
/// reads it in a report and laying it out would take minutes.
inline constexpr std::size_t kMaxTableRows = 2'000;

/// Replaces every DataTableRequest block in `chapters` by a Table computed from `catalog`.
/// Unknown sources, rows and columns are reported where the request names them.
void build_data_tables(std::vector<Chapter>& chapters, const DataCatalog& catalog, Diagnostics& diagnostics);

}  // namespace sats
