#include "fetch/ssb_url.hpp"

#include <cstdio>

namespace sats {

namespace {

/// `text` percent-encoded, keeping letters, digits, `-._~*()` and, if `comma`, `,`.
std::string encode(std::string_view text, bool comma = false) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool kept = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                          std::string_view("-._~*()").find(c) != std::string_view::npos || (comma && c == ',');
        if (kept) {
            out += c;
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", u);
            out += escaped;
        }
    }
    return out;
}

/// `<api>/tables/<table>/<what>?lang=no`.
std::string table_url(std::string_view api, std::string_view table, std::string_view what) {
    return std::string(api) + "/tables/" + encode(table) + "/" + std::string(what) + "?lang=no";
}

}  // namespace

std::string data_url(std::string_view api, std::string_view table, const std::vector<DimensionSelection>& selection) {
    std::string url = table_url(api, table, "data") + "&outputFormat=json-stat2";
    for (const auto& dimension : selection) {
        const std::string key = "[" + encode(dimension.dimension) + "]=";
        url += "&valuecodes" + key;
        for (std::size_t i = 0; i < dimension.values.size(); ++i) {
            const auto& value = dimension.values[i];
            const bool bracketed = value.find(',') != std::string::npos;
            url += (i ? "," : "") + std::string(bracketed ? "[" : "") + encode(value, bracketed) + (bracketed ? "]" : "");
        }
        if (!dimension.codelist.empty()) url += "&codelist" + key + encode(dimension.codelist);
    }
    return url;
}

std::string metadata_url(std::string_view api, std::string_view table) { return table_url(api, table, "metadata"); }

}  // namespace sats
