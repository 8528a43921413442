#pragma once
// The command line of `sats data fetch <project> [--source <name>]... [--api <url>]`: its
// arguments, and the run that prints what was fetched.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetch_sources.hpp"

namespace sats {

/// The arguments after `sats data fetch`; nothing, with `error`, if they are wrong. The API's
/// address is `--api`, else the environment's SATS_SSB_API, else SSB's own.
std::optional<FetchRequest> parse_fetch_arguments(const std::vector<std::string>& args, std::string& error);

/// Runs fetch_sources() and prints its problems, then its lines, on `out`. Returns the exit
/// status: 0, or 1 if any source failed.
int run_fetch(Environment& env, const FetchRequest& request, std::ostream& out);

}  // namespace sats
