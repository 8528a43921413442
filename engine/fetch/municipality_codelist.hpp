#pragma once
// `"alle"` in a query: every municipality of today. PxWebApi v2 has no word for that; a table
// offers it as one of its code lists (KOSTRA tables: "Uttrekk for Kommuner 2024-", whose id
// differs from table to table), and `*` from that list selects all of its codes.

#include <optional>
#include <string>

namespace sats {

/// The id of the code list of today's municipalities that SSB's metadata of a table
/// (`metadata`, JSON-stat 2.0 from metadata_url()) offers for `dimension` (matched without
/// regard to case): of the lists labelled "… Kommuner <year>-", the one with the latest year.
/// Nothing, with `problem` saying why, if the dimension or such a list is not there.
std::optional<std::string> municipality_codelist(const std::string& metadata, const std::string& dimension, std::string& problem);

}  // namespace sats
