#include "fetch/municipality_codelist.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace sats {

namespace {

using nlohmann::json;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

/// The year of a label ending "kommuner <year>-" (lower case, spaces trimmed), or -1.
int open_year(std::string label) {
    label = lower(label);
    while (!label.empty() && label.back() == ' ') label.pop_back();
    const std::string word = "kommuner ";
    if (label.size() < word.size() + 5 || label.back() != '-') return -1;
    const std::string year = label.substr(label.size() - 5, 4);
    if (label.compare(label.size() - 5 - word.size(), word.size(), word) != 0 ||
        !std::all_of(year.begin(), year.end(), [](unsigned char c) { return std::isdigit(c); }))
        return -1;
    return std::stoi(year);
}

}  // namespace

std::optional<std::string> municipality_codelist(const std::string& metadata, const std::string& dimension, std::string& problem) {
    const json m = json::parse(metadata, nullptr, false);
    if (!m.is_object() || !m.contains("dimension") || !m["dimension"].is_object()) {
        problem = "SSB's metadata of the table is not a JSON-stat dataset";
        return std::nullopt;
    }
    const json* found = nullptr;
    std::string names;
    for (const auto& [id, d] : m["dimension"].items()) {
        names += (names.empty() ? "" : ", ") + id;
        if (lower(id) == lower(dimension)) found = &d;
    }
    if (!found) {
        problem = "the table has no dimension '" + dimension + "' (it has " + names + ")";
        return std::nullopt;
    }
    std::string best, labels;
    int best_year = -1;
    json lists = json::array();
    if (found->is_object() && found->contains("extension") && (*found)["extension"].is_object())
        lists = (*found)["extension"].value("codelists", json::array());
    if (!lists.is_array()) lists = json::array();
    for (const auto& list : lists) {
        if (!list.is_object() || !list.value("id", json()).is_string() || !list.value("label", json()).is_string()) continue;
        const std::string label = list["label"];
        labels += (labels.empty() ? "" : "; ") + label;
        if (open_year(label) > best_year) {
            best_year = open_year(label);
            best = list["id"];
        }
    }
    if (best.empty()) {
        problem = "the table offers no code list of today's municipalities for '" + dimension + "'" +
                  (labels.empty() ? "" : " (its lists: " + labels + ")");
        return std::nullopt;
    }
    return best;
}

}  // namespace sats
