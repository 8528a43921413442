#pragma once
// What a writer meant by a key sats does not know: words a writer tries that edit distance
// misses (`tittel` for `caption`, `kilde` for `source`), kept as data in one table.

#include <string>
#include <vector>

namespace sats {

/// The hint for the unknown key `key` in a table whose keys are `known`: "did you mean 'x'?"
/// for a known key that `key` is a synonym of (Norwegian or English) or a near spelling of,
/// else the list of the keys the table takes.
std::string unknown_key_hint(const std::string& key, const std::vector<std::string>& known);

}  // namespace sats
