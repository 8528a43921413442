#include "fetch/dataset_check.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace sats {

namespace {

using nlohmann::json;

/// The first characters of `body` (about 40, whole UTF-8 characters), for a message about what
/// came instead of JSON.
std::string opening(const std::string& body) {
    std::size_t end = std::min<std::size_t>(body.size(), 40);
    while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
    std::string shown;
    for (const char c : body.substr(0, end)) shown += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return shown + (end < body.size() ? "…" : "");
}

/// `j[key]`, or null if `j` is no object or has no `key`.
const json& member(const json& j, const std::string& key) {
    static const json none;
    if (!j.is_object()) return none;
    const auto found = j.find(key);
    return found == j.end() ? none : *found;
}

/// Why `d` is not a JSON-stat 2.0 dataset, or "".
std::string form_problem(const json& d) {
    if (!d.is_object()) return "it is not a JSON object";
    if (member(d, "class") != "dataset") return "its 'class' is not \"dataset\"";
    if (member(d, "version") != "2.0") return "its 'version' is not \"2.0\"";
    const json &id = member(d, "id"), &size = member(d, "size"), &dimension = member(d, "dimension");
    if (!id.is_array() || !size.is_array() || id.size() != size.size()) return "its 'id' and 'size' are not lists of one length";
    if (!dimension.is_object()) return "it has no 'dimension'";
    double cells = 1;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (!id[i].is_string() || !size[i].is_number_unsigned()) return "its 'id' or 'size' holds something else than names and counts";
        const json& category = member(member(dimension, id[i].get<std::string>()), "category");
        if (!category.is_object()) return "dimension '" + id[i].get<std::string>() + "' has no categories";
        cells *= size[i].get<double>();
    }
    const json& value = member(d, "value");
    if (value.is_array() && static_cast<double>(value.size()) != cells)
        return "it has " + std::to_string(value.size()) + " values where its sizes make " + std::to_string(static_cast<long long>(cells));
    if (!value.is_array() && !value.is_object()) return "it has no 'value'";
    return "";
}

}  // namespace

std::optional<DatasetSummary> check_dataset(const std::string& body, std::string& problem) {
    const json d = json::parse(body, nullptr, false);
    if (d.is_discarded()) {
        problem = body.empty() ? "it is empty" : "it is not JSON, or cut short (it begins '" + opening(body) + "')";
        return std::nullopt;
    }
    problem = form_problem(d);
    if (!problem.empty()) return std::nullopt;
    const auto text = [&](const char* key) { return member(d, key).is_string() ? member(d, key).get<std::string>() : ""; };
    return DatasetSummary{text("label"), text("updated")};
}

}  // namespace sats
