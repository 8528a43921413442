#pragma once
// The source note `sats data fetch` writes beside each fetched file (`data/12362.json` →
// `data/12362.json.kilde.toml`): the SSB table, the query, the address called, when, and the
// licence, as TOML.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "content/manifest.hpp"

namespace sats {

/// The licence of SSB's data, as the note states it.
inline constexpr const char* kSsbLicence = "CC BY 4.0, Statistisk sentralbyrå (SSB)";

/// What a source note records.
struct SourceNote {
    std::string table;                  ///< the SSB table id
    std::string title;                  ///< the dataset's `label` ("" = none)
    std::string updated;                ///< when SSB last updated the table ("" = not said)
    std::string url;                    ///< the address the data came from
    std::vector<QueryDimension> query;  ///< as the manifest writes it
    std::chrono::system_clock::time_point retrieved;
};

/// The note's path beside `file`: `<file>.kilde.toml`.
std::filesystem::path note_path(const std::filesystem::path& file);

/// The note as TOML, headed by a comment naming `file`.
std::string note_text(const SourceNote& note, const std::string& file);

/// Whether two notes say the same, but perhaps for when the data was retrieved.
bool same_but_retrieved(const std::string& a, const std::string& b);

}  // namespace sats
