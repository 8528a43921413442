#pragma once
// Turns a data table requested in a chapter into a table of formatted text.

#include "content/document.hpp"
#include "core/result.hpp"
#include "data/catalog.hpp"

namespace sats {

/// The most rows one table shows (about 50 pages); a longer one is an error, since nobody
/// reads it in a report and laying it out would take minutes.
inline constexpr std::size_t kMaxTableRows = 2'000;

/// The deepest row level a table indents (`levels`: 0 = total, 1 = normal, 2 … this = sub-rows).
inline constexpr int kMaxRowLevel = 6;

/// The table `request` asks for, computed from `catalog`; or every error in the request:
/// unknown sources, rows and columns, and a `levels` column that does not hold levels, each
/// where the request names them.
Result<Table> build_table(const DataTableRequest& request, const DataCatalog& catalog);

}  // namespace sats
