#pragma once
// A call to SSB's API that gave nothing to write, told in the user's terms: what happened and
// what to do about it.

#include <chrono>
#include <string>

#include "fetch/http_get.hpp"

namespace sats {

/// An error message and its hint.
struct FailureText {
    std::string message;
    std::string hint;
};

/// Why the call for the data of SSB table `table` at `api` failed: `answer` came broken or not
/// at all, or with a status other than 200 (a 400's reason is read from SSB's problem body,
/// e.g. `{"type":"Parameter error","title":"Too many cells selected","status":400}`). A 429 is
/// reported with its Retry-After and `max_wait`, the longest sats waits by itself.
FailureText explain_failure(const HttpAnswer& answer, const std::string& api, const std::string& table,
                            std::chrono::seconds max_wait);

}  // namespace sats
