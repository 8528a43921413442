#pragma once
// The addresses sats calls in SSB's statistics bank API, PxWebApi v2: a table's data as
// JSON-stat 2.0 for a selection of codes, and a table's metadata (its dimensions and code lists).

#include <string>
#include <string_view>
#include <vector>

namespace sats {

/// SSB's PxWebApi v2. `sats data fetch --api` or SATS_SSB_API put another in its place.
inline constexpr const char* kSsbApi = "https://data.ssb.no/api/pxwebapi/v2";

/// The longest address sats sends: SSB answers 404 to one longer than about 2 100 characters.
inline constexpr std::size_t kMaxUrlLength = 2000;

/// What to fetch of one dimension of a table: codes or selection expressions (`*`, `top(3)`,
/// `03*`, `range(2020,2024)`), from one of the table's code lists or its own codes.
struct DimensionSelection {
    std::string dimension;
    std::vector<std::string> values;
    std::string codelist;  ///< "" = the table's own codes
};

/// The address of table `table`'s data as JSON-stat 2.0, e.g.
/// `<api>/tables/12362/data?lang=no&outputFormat=json-stat2&valuecodes[Tid]=2023,2024`, with
/// `&codelist[<dimension>]=<id>` after a dimension that names one. Values are percent-encoded
/// except letters, digits and `-._~*()`; a value holding a comma (`range(2020,2024)`) is put
/// in brackets, as PxWebApi reads a comma as the end of a value otherwise.
std::string data_url(std::string_view api, std::string_view table, const std::vector<DimensionSelection>& selection);

/// The address of table `table`'s metadata: `<api>/tables/<table>/metadata?lang=no`.
std::string metadata_url(std::string_view api, std::string_view table);

}  // namespace sats
