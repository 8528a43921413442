#pragma once
// Turns a data table requested in a chapter into a table of formatted text.

#include <optional>

#include "content/document.hpp"
#include "data/catalog.hpp"

namespace sats {

/// The most rows one table shows (about 50 pages); a longer one is an error, since nobody
/// reads it in a report and laying it out would take minutes.
inline constexpr std::size_t kMaxTableRows = 2'000;

/// The table `request` asks for, computed from `catalog`; nothing if it cannot be built.
/// Unknown sources, rows and columns are reported where the request names them.
std::optional<Table> build_table(const DataTableRequest& request, const DataCatalog& catalog, Diagnostics& diagnostics);

}  // namespace sats
