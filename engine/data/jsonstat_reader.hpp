#pragma once
// SSB's JSON-stat 2.0 datasets (what data.ssb.no's API returns) as a cube.

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "data/dataset.hpp"

namespace sats {

/// Decimals a JSON-stat unit may give (`category.unit.<code>.decimals`).
inline constexpr int kMaxUnitDecimals = 6;

/// Reads a JSON-stat 2.0 dataset: its dimensions with their labels, categories and units (on
/// the contents dimension), `role.time` and `role.geo`, and every value; a null value carries
/// its status symbol (`status` as an array, an object keyed by index or one string), else `..`.
/// `value` may be an array or an object keyed by index. Problems go to `diagnostics` with their
/// place in the file; nothing is returned then.
std::optional<Dataset> read_jsonstat(const std::string& text, const std::string& file, Diagnostics& diagnostics);

/// read_jsonstat() and shape_dataset(): the rows × columns `choice` asks of the dataset; an
/// empty header if it cannot be read or shaped.
CsvFile jsonstat_table(const std::string& text, const std::string& file, const DatasetChoice& choice, Diagnostics& diagnostics);

}  // namespace sats
