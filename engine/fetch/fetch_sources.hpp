#pragma once
// `sats data fetch`: each data source of a project that names an SSB table (`table`, `query`)
// is fetched from SSB's statistics bank API, PxWebApi v2, and written as its file with a
// source note beside it (source_note.hpp). A source's files are written only from a whole
// answer that is a JSON-stat 2.0 dataset, both or neither; on any failure they stay as they
// were. Sources are fetched one after the other, never at once (SSB limits calls a minute).
// Nothing else of sats uses the network: build and check read only the written files.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/environment.hpp"
#include "fetch/http_get.hpp"
#include "fetch/ssb_url.hpp"

namespace sats {

/// What to fetch, and from where.
struct FetchRequest {
    std::filesystem::path project;
    std::vector<std::string> sources;   ///< the data sources to fetch (empty: every one with `table`)
    std::string api = kSsbApi;          ///< the API's address, without a slash at the end
    HttpLimits limits;                  ///< for each call
    std::chrono::seconds max_wait{10};  ///< the longest sats waits in all for a 429's Retry-After before it gives up
};

/// Fetches the chosen data sources of `request.project` (nothing if the manifest has errors).
/// Returns a line for each source whose files were written or found unchanged ("wrote …",
/// "unchanged …"); problems go to `diagnostics`, where they concern a call at the source's
/// `table` key, with a hint.
std::vector<std::string> fetch_sources(Environment& env, const FetchRequest& request, Diagnostics& diagnostics);

}  // namespace sats
