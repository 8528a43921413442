#pragma once
// SSB's JSON-stat 2.0 datasets (what data.ssb.no's API returns) as rows × columns.

#include <string>

#include "core/diagnostics.hpp"
#include "data/csv_reader.hpp"

namespace sats {

/// Reads a JSON-stat 2.0 dataset into the same shape as a CSV file: an `id` and `navn` column
/// from the row dimension, one column per category of the column dimension. Every other
/// dimension must have a single category. Empty dimension names choose: columns = the time
/// dimension (role.time), rows = the first other dimension with more than one category.
/// Missing values (null) carry their status symbol (`..`, `:`) or `..`.
CsvFile read_jsonstat(const std::string& text, const std::string& file, const std::string& row_dimension,
                      const std::string& column_dimension, Diagnostics& diagnostics);

}  // namespace sats
