#pragma once
// Whether an answer of SSB's API is what `sats data fetch` writes: a whole JSON-stat 2.0
// dataset. Only the form is checked; reading the numbers is the data stage's work at build.

#include <optional>
#include <string>

namespace sats {

/// What the note beside a fetched file repeats of the dataset.
struct DatasetSummary {
    std::string label;    ///< the table's title (`label`), "" if none
    std::string updated;  ///< when SSB last updated the table (`updated`), "" if none
};

/// The dataset in `body`, or nothing with `problem` saying why it is not one: not JSON (or
/// cut short), or not a JSON-stat 2.0 dataset (`version` "2.0", `class` "dataset", `id` and
/// `size` of one length, a `dimension` with a `category` for each id, and `value` an array
/// of as many values as the sizes multiplied, or an object).
std::optional<DatasetSummary> check_dataset(const std::string& body, std::string& problem);

}  // namespace sats
