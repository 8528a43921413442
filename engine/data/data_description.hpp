#pragma once
// What `sats data show <file>` prints about a data file, so a user can write its data source
// without guessing: the shape it was read as, the dimensions with their ids, labels and
// categories, the units, the symbols found, and a data source to start from.

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"

namespace sats {

/// At most this many categories of a dimension are listed; the rest are counted.
inline constexpr std::size_t kShownCategories = 12;

/// The description of the data file `bytes`, named `file` (a `.json` name is read as JSON-stat,
/// any other as CSV) in `encoding`; nothing if it cannot be read (the reasons are in
/// `diagnostics`, with the notes on its encoding).
std::optional<std::string> describe_data_file(std::string_view bytes, const std::string& file, TextEncoding encoding,
                                              Diagnostics& diagnostics);

}  // namespace sats
