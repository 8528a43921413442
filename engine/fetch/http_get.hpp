#pragma once
// One HTTP GET through libcurl, bounded in time and size: the status, the body and the
// `Retry-After` header, or why no whole answer came.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/environment.hpp"

namespace sats {

/// How long a call may take and how much it may bring.
struct HttpLimits {
    std::chrono::seconds connect_timeout{15};  ///< to open the connection
    std::chrono::seconds timeout{300};         ///< for the whole call, the answer included
    std::uintmax_t max_body = kMaxInputFile;   ///< a larger answer is cut off and refused
};

/// What a GET brought.
struct HttpAnswer {
    /// Why no whole answer came.
    enum class Failure {
        none,         ///< an answer came whole (of any status)
        unreachable,  ///< no connection: refused, unknown host, no network
        timed_out,    ///< HttpLimits passed
        cut_off,      ///< the connection closed before the answer's end (e.g. short of Content-Length)
        too_large,    ///< the answer is larger than HttpLimits::max_body
        other,        ///< any other failure of the transfer
    };
    Failure failure = Failure::none;
    std::string error;                ///< libcurl's words for a failure
    long status = 0;                  ///< the HTTP status, when an answer came
    std::string body;
    std::optional<long> retry_after;  ///< `Retry-After` in seconds, when given as a number
};

/// Calls `url` (http or https only; no redirects followed) and returns what came.
HttpAnswer http_get(const std::string& url, const HttpLimits& limits);

}  // namespace sats
