#include "data/jsonstat_reader.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "core/text_position.hpp"

namespace sats {

namespace {

using json = nlohmann::json;

/// One dimension: its category codes in order and their labels.
struct Dimension {
    std::string id;
    std::vector<std::string> codes;
    std::vector<std::string> labels;
};

Dimension read_dimension(const std::string& id, const json& d) {
    Dimension dim{id, {}, {}};
    const auto& category = d.at("category");
    if (category.contains("index")) {
        const auto& index = category.at("index");
        if (index.is_array()) {
            for (const auto& code : index) dim.codes.push_back(code.get<std::string>());
        } else {
            dim.codes.resize(index.size());
            for (const auto& [code, position] : index.items()) dim.codes.at(position.get<std::size_t>()) = code;
        }
    } else {
        for (const auto& [code, label] : category.at("label").items()) dim.codes.push_back(code);
    }
    for (const auto& code : dim.codes) {
        const bool labelled = category.contains("label") && category["label"].contains(code);
        dim.labels.push_back(labelled ? category["label"][code].get<std::string>() : code);
    }
    return dim;
}

/// Where a JSON syntax error is: nlohmann gives the byte after the offending token; point at
/// the token's start instead (for a string, its opening quote).
SourceLocation json_error_location(const std::string& text, std::size_t byte, const std::string& file) {
    std::size_t at = byte > 0 ? byte - 1 : 0;
    if (at < text.size() && text[at] == '"' && at > 0) {
        const auto open = text.rfind('"', at - 1);
        if (open != std::string::npos) at = open;
    }
    const auto lc = line_column_at(text, at);
    return {file, lc.line, lc.column};
}

/// nlohmann's message without its own "[json.exception…] parse error at line…:" prefix.
std::string json_error_text(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string number_text(double v) {
    char buffer[400];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    return std::string(buffer, r.ptr);
}

}  // namespace

CsvFile read_jsonstat(const std::string& text, const std::string& file, const std::string& row_dimension,
                      const std::string& column_dimension, Diagnostics& diagnostics) {
    CsvFile out;
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        diagnostics.error(json_error_location(text, e.byte, file), "not valid JSON: " + json_error_text(e.what()));
        return out;
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        diagnostics.error({file, 1, 1}, "not valid JSON: " + json_error_text(e.what()));
        return out;
    }
    try {
        if (doc.value("version", "") != "2.0" || doc.value("class", "") != "dataset") {
            diagnostics.error({file, 1, 1}, "not a JSON-stat 2.0 dataset (needs \"version\": \"2.0\" and \"class\": \"dataset\")");
            return out;
        }
        std::vector<Dimension> dims;
        std::vector<std::size_t> sizes;
        for (const auto& id : doc.at("id")) {
            dims.push_back(read_dimension(id.get<std::string>(), doc.at("dimension").at(id.get<std::string>())));
            sizes.push_back(dims.back().codes.size());
        }
        auto find = [&](const std::string& id) -> int {
            for (std::size_t i = 0; i < dims.size(); ++i)
                if (dims[i].id == id) return static_cast<int>(i);
            return -1;
        };
        int columns = -1, rows = -1;
        if (!column_dimension.empty()) columns = find(column_dimension);
        else if (doc.contains("role") && doc["role"].contains("time") && !doc["role"]["time"].empty())
            columns = find(doc["role"]["time"][0].get<std::string>());
        if (!row_dimension.empty()) rows = find(row_dimension);
        else
            for (std::size_t i = 0; i < dims.size() && rows < 0; ++i)
                if (static_cast<int>(i) != columns && sizes[i] > 1) rows = static_cast<int>(i);
        if (columns < 0 || rows < 0 || rows == columns) {
            diagnostics.error({file, 1, 1}, "cannot tell which dimensions are rows and columns; set 'rows' and 'columns' for this data source");
            return out;
        }
        for (std::size_t i = 0; i < dims.size(); ++i) {
            if (static_cast<int>(i) == rows || static_cast<int>(i) == columns || sizes[i] == 1) continue;
            diagnostics.error({file, 1, 1}, "dimension '" + dims[i].id + "' has " + std::to_string(sizes[i]) +
                                                " categories; a data source takes one category of every dimension but rows and columns");
            return out;
        }
        const auto& values = doc.at("value");
        const json status = doc.contains("status") ? doc["status"] : json::object();
        std::size_t total = 1;
        for (auto s : sizes) total *= s;
        if (values.is_array() && values.size() != total) {
            diagnostics.error({file, 1, 1}, "'value' has " + std::to_string(values.size()) + " entries, the dimensions give " +
                                                std::to_string(total));
            return out;
        }
        out.header = {{"id", 1, 1}, {"navn", 1, 1}};
        for (const auto& code : dims[static_cast<std::size_t>(columns)].codes) out.header.push_back({code, 1, 1});
        const auto& row_dim = dims[static_cast<std::size_t>(rows)];
        for (std::size_t r = 0; r < row_dim.codes.size(); ++r) {
            std::vector<CsvField> fields{{row_dim.codes[r], 1, 1}, {row_dim.labels[r], 1, 1}};
            for (std::size_t c = 0; c < sizes[static_cast<std::size_t>(columns)]; ++c) {
                std::size_t flat = 0;  // row-major over the dimension order of `id`
                for (std::size_t d = 0; d < dims.size(); ++d) {
                    const std::size_t position = static_cast<int>(d) == rows ? r : static_cast<int>(d) == columns ? c : 0;
                    flat = flat * sizes[d] + position;
                }
                const std::string key = std::to_string(flat);
                const json& v = values.is_array() ? values[flat] : (values.contains(key) ? values[key] : json());
                std::string cell;
                if (v.is_number()) cell = number_text(v.get<double>());
                else if (status.is_object() && status.contains(key)) cell = status[key].get<std::string>();
                else if (status.is_array() && flat < status.size() && status[flat].is_string()) cell = status[flat].get<std::string>();
                else cell = "..";
                fields.push_back({cell, 1, 1});
            }
            out.rows.push_back(std::move(fields));
        }
        if (doc.contains("source")) out.comments.push_back("Kilde: " + doc["source"].get<std::string>());
    } catch (const std::exception& e) {  // json errors, and indexes out of range in a malformed dataset
        diagnostics.error({file, 1, 1}, "malformed JSON-stat dataset: " + std::string(e.what()));
        out = {};
    }
    return out;
}

}  // namespace sats
