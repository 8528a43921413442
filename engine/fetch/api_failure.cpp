#include "fetch/api_failure.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "fetch/ssb_url.hpp"

namespace sats {

namespace {

/// The `title` of SSB's problem body, or "".
std::string problem_title(const std::string& body) {
    const auto problem = nlohmann::json::parse(body, nullptr, false);
    return problem.is_object() && problem.value("title", nlohmann::json()).is_string() ? problem["title"].get<std::string>() : "";
}

/// A 400 by the problem's title.
FailureText refused(const std::string& title, const std::string& api, const std::string& table) {
    const std::string codes = "the table's dimensions and codes: " + metadata_url(api, table);
    const std::map<std::string, FailureText> known{
        {"Too many cells selected",
         {"the query asks for more cells than SSB gives in one call (800 000; empty cells count too)",
          "split it into several data sources, e.g. one for each year or statistikkvariabel; the cells are the "
          "numbers of codes of each dimension multiplied"}},
        {"Non-existent value", {"the query names a code that SSB table " + table + " does not have", codes + " (KOSTRA codes change from year to year)"}},
        {"Non-existent variable", {"the query names a dimension that SSB table " + table + " does not have", codes}},
        {"Missing selection for mandantory variable",
         {"the query leaves out a dimension that SSB table " + table + " requires",
          "a KOSTRA table needs every dimension in the query (region, ContentsCode, Tid, …); " + codes}},
        {"Non-existent codelist", {"SSB table " + table + " has no such code list", codes}},
        {"Illegal selection expression",
         {"the query has a selection expression that SSB does not read",
          "SSB reads *, ?, top(n), bottom(n), from(code), to(code) and range(code,code)"}},
    };
    if (const auto found = known.find(title); found != known.end()) return found->second;
    return {"SSB's API refused the query (HTTP 400" + (title.empty() ? "" : ": " + title) + ")", codes};
}

}  // namespace

FailureText explain_failure(const HttpAnswer& answer, const std::string& api, const std::string& table,
                            std::chrono::seconds max_wait) {
    const std::string again = "nothing was written; try again later";
    switch (answer.failure) {
        case HttpAnswer::Failure::unreachable:
            return {"cannot reach SSB's API at " + api + ": " + answer.error,
                    "fetching needs the network (build and check never use it); check the connection"};
        case HttpAnswer::Failure::timed_out:
            return {"SSB's API did not answer in time: " + answer.error,
                    again + " (the statistics bank is busy around 08:00, when new figures are published)"};
        case HttpAnswer::Failure::cut_off:
            return {"SSB's answer broke off before its end: " + answer.error, again};
        case HttpAnswer::Failure::too_large:
            return {"SSB's answer is larger than sats reads (64 MB)", "split the query into several data sources"};
        case HttpAnswer::Failure::other: return {"the call to SSB's API failed: " + answer.error, again};
        case HttpAnswer::Failure::none: break;
    }
    const std::string status = std::to_string(answer.status);
    if (answer.status == 404)
        return {"SSB has no table '" + table + "' (the API answered 404)",
                "look the table up at https://www.ssb.no/statbank/table/" + table +
                    "; SSB gives a table a new number when KOSTRA changes"};
    if (answer.status == 400) return refused(problem_title(answer.body), api, table);
    if (answer.status == 429)
        return {"SSB's API asks sats to wait" +
                    (answer.retry_after ? " " + std::to_string(*answer.retry_after) + " s" : std::string()) +
                    " before the next call (HTTP 429); sats waits at most " + std::to_string(max_wait.count()) + " s",
                "SSB allows about 30 calls a minute from one address, colleagues on the same network included; "
                "run 'sats data fetch' again in a minute"};
    if (answer.status >= 500)
        return {"SSB's API failed (HTTP " + status + ")",
                again + " (the statistics bank is closed while it is updated, at about 05:00 and 11:30)"};
    return {"SSB's API answered HTTP " + status + " instead of the data", again};
}

}  // namespace sats
