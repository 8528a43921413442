#include "data/jsonstat_reader.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "core/text_position.hpp"

namespace sats {

namespace {

using json = nlohmann::json;

/// A dataset that cannot be read: where and why, in the user's words.
struct Invalid {
    SourceLocation where;
    std::string message;
};

/// Checked access to the parsed document. nlohmann keeps no positions, so a problem is placed
/// at the key it concerns, found in the text by following its path of keys from the start.
class Document {
public:
    Document(const std::string& text, std::string file) : text_(text), file_(std::move(file)) {}

    /// The place of the key at the end of `path` (each key searched after the one before);
    /// the start of the file if one is not found.
    SourceLocation at(std::initializer_list<std::string_view> path) const {
        std::size_t from = 0, found = 0;
        for (const auto key : path) {
            const auto quoted = "\"" + std::string(key) + "\"";
            const auto next = text_.find(quoted, from);
            if (next == std::string::npos) break;
            found = next;
            from = next + quoted.size();
        }
        const auto lc = line_column_at(text_, found);
        return {file_, lc.line, lc.column};
    }

    /// Member `key` of `object`, which must be an object holding it.
    const json& member(const json& object, const std::string& key, std::initializer_list<std::string_view> path) const {
        if (!object.is_object() || !object.contains(key))
            throw Invalid{at(path), "the dataset has no '" + key + "' where JSON-stat 2.0 has one"};
        return object.at(key);
    }

    /// The whole text of the file.
    const std::string& text() const { return text_; }

    /// `value` as text; `what` names it in the error.
    std::string text(const json& value, const std::string& what, std::initializer_list<std::string_view> path) const {
        if (!value.is_string()) throw Invalid{at(path), what + " must be text (in quotes)"};
        return value.get<std::string>();
    }

private:
    const std::string& text_;
    std::string file_;
};

/// The unit of category `code` from `category.unit` (SSB: `base` and `decimals`), if any.
std::optional<FileUnit> unit_of(const Document& doc, const json& category, const std::string& dimension, const std::string& code) {
    if (!category.contains("unit") || !category["unit"].is_object() || !category["unit"].contains(code)) return std::nullopt;
    const auto& unit = category["unit"][code];
    if (!unit.is_object()) throw Invalid{doc.at({"dimension", dimension, "unit", code}), "the unit of category '" + code + "' must be an object"};
    FileUnit out;
    if (unit.contains("base")) out.base = doc.text(unit["base"], "the unit's 'base'", {"dimension", dimension, "unit", code, "base"});
    if (unit.contains("decimals")) {
        const auto& decimals = unit["decimals"];
        if (!decimals.is_number_unsigned() || decimals.get<unsigned>() > kMaxUnitDecimals)
            throw Invalid{doc.at({"dimension", dimension, "unit", code, "decimals"}),
                          "the unit's 'decimals' must be a whole number from 0 to " + std::to_string(kMaxUnitDecimals)};
        out.decimals = decimals.get<int>();
    }
    return out;
}

DatasetDimension read_dimension(const Document& doc, const std::string& id, const json& d) {
    DatasetDimension dim{id, id, {}};
    if (d.is_object() && d.contains("label")) dim.label = doc.text(d["label"], "the label of dimension '" + id + "'", {"dimension", id, "label"});
    const auto& category = doc.member(d, "category", {"dimension", id});
    const json* labels = category.is_object() && category.contains("label") ? &category["label"] : nullptr;
    if (labels && !labels->is_object()) throw Invalid{doc.at({"dimension", id, "label"}), "'label' must map codes to names"};
    std::vector<std::string> codes;
    if (category.is_object() && category.contains("index")) {
        const auto& index = category.at("index");
        if (index.size() > kMaxDatasetCells) throw Invalid{doc.at({"dimension", id, "index"}), "dimension '" + id + "' has too many categories"};
        if (index.is_array()) {
            for (const auto& code : index) codes.push_back(doc.text(code, "a category code", {"dimension", id, "index"}));
        } else if (index.is_object()) {
            codes.resize(index.size());
            for (const auto& [code, position] : index.items()) {
                if (!position.is_number_unsigned() || position.get<std::size_t>() >= index.size() ||
                    !codes[position.get<std::size_t>()].empty())
                    throw Invalid{doc.at({"dimension", id, "index", code}),
                                  "the position of category '" + code + "' must be a number from 0 to " +
                                      std::to_string(index.size() - 1) + ", each once"};
                codes[position.get<std::size_t>()] = code;
            }
        } else {
            throw Invalid{doc.at({"dimension", id, "index"}), "'index' must list the category codes"};
        }
    } else if (labels) {
        for (const auto& [code, label] : labels->items()) codes.push_back(code);
    } else {
        throw Invalid{doc.at({"dimension", id}), "dimension '" + id + "' has neither 'index' nor 'label' in its 'category'"};
    }
    if (codes.empty()) throw Invalid{doc.at({"dimension", id}), "dimension '" + id + "' has no categories"};
    for (const auto& code : codes) {
        const bool labelled = labels && labels->contains(code);
        dim.categories.push_back({code, labelled ? doc.text((*labels)[code], "the name of category '" + code + "'", {"dimension", id, code}) : code,
                                  unit_of(doc, category, id, code)});
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

/// Where the number of nlohmann's "number overflow parsing '1e999'" is: nlohmann keeps no
/// position for it, so the first place the number stands as a value (after `[`, `:`, `,` or
/// space) is taken; the start of the file if there is none.
SourceLocation overflow_location(const std::string& text, const std::string& what, const std::string& file) {
    const auto open = what.find('\''), close = what.rfind('\'');
    const std::string number = open < close && close != std::string::npos ? what.substr(open + 1, close - open - 1) : "";
    std::size_t at = number.empty() ? std::string::npos : text.find(number);
    while (at != std::string::npos && at > 0 && std::string_view("[:, \t\n").find(text[at - 1]) == std::string_view::npos)
        at = text.find(number, at + 1);
    const auto lc = line_column_at(text, at == std::string::npos ? 0 : at);
    return {file, lc.line, lc.column};
}

std::string number_text(double v) {
    char buffer[400];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    return std::string(buffer, r.ptr);
}

/// The product of `sizes`, or kMaxDatasetCells + 1 if it is larger than kMaxDatasetCells.
std::size_t bounded_product(const std::vector<std::size_t>& sizes) {
    std::size_t total = 1;
    for (const auto s : sizes) {
        if (s != 0 && total > kMaxDatasetCells / s) return kMaxDatasetCells + 1;
        total *= s;
    }
    return total;
}

/// Line and column of offsets into a text, each counted on from the one before (so a pass over
/// increasing offsets stays linear, also in a file that is one long line).
class Cursor {
public:
    explicit Cursor(const std::string& text) : text_(text) {}

    /// The place of byte `offset`, which is not before the one asked for last.
    LineColumn at(std::size_t offset) {
        for (; at_ < offset && at_ < text_.size(); ++at_) {
            if (text_[at_] == '\n') place_ = {place_.line + 1, 1};
            else if ((static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) ++place_.column;
        }
        return place_;
    }

private:
    const std::string& text_;
    std::size_t at_ = 0;
    LineColumn place_;
};

/// Places each category of `dim` where its code is written: searched in order from the
/// dimension's `index` (else its `label`), each after the one before. A code not found so
/// (written with an escape, or in an index object out of order) is placed at that key.
void place_codes(const Document& doc, DatasetDimension& dim) {
    const auto& text = doc.text();
    std::size_t from = text.find("\"" + dim.id + "\"", text.find("\"dimension\""));
    for (const char* key : {"\"index\"", "\"label\""})
        if (const auto list = text.find(key, from); list != std::string::npos) {
            from = list;
            break;
        }
    Cursor cursor(text);
    const LineColumn fallback = cursor.at(from == std::string::npos ? 0 : from);
    for (auto& category : dim.categories) {
        const auto found = from == std::string::npos ? from : text.find("\"" + category.code + "\"", from);
        const LineColumn place = found == std::string::npos ? fallback : cursor.at(found + 1);  // inside the quotes
        category.line = place.line;
        category.column = place.column;
        if (found != std::string::npos) from = found + category.code.size() + 2;
    }
}

/// Checks the dataset's `size`, if it has one, against the categories of each dimension: the
/// categories are read, and a `size` that says otherwise is an error.
void check_size(const json& root, const std::vector<DatasetDimension>& dims, const Document& doc) {
    if (!root.contains("size")) return;
    const auto& size = root.at("size");
    if (!size.is_array() || size.size() != dims.size())
        throw Invalid{doc.at({"size"}), "'size' must list one number for each of the " + std::to_string(dims.size()) + " dimensions in 'id'"};
    for (std::size_t i = 0; i < dims.size(); ++i)
        if (!size[i].is_number_unsigned() || size[i].get<std::size_t>() != dims[i].categories.size())
            throw Invalid{doc.at({"size"}), "'size' gives dimension '" + dims[i].id + "' " + size[i].dump() + " categories, but it has " +
                                               std::to_string(dims[i].categories.size())};
}

/// The first dimension `role.<name>` lists, or -1.
int role_of(const json& root, const Document& doc, const std::vector<DatasetDimension>& dims, const char* name) {
    if (!root.contains("role") || !root["role"].is_object() || !root["role"].contains(name) || !root["role"][name].is_array() ||
        root["role"][name].empty())
        return -1;
    const auto id = doc.text(root["role"][name][0], "a dimension id", {"role", name});
    for (std::size_t d = 0; d < dims.size(); ++d)
        if (dims[d].id == id) return static_cast<int>(d);
    throw Invalid{doc.at({"role", name}), "'role' names '" + id + "', which is not in 'id'"};
}

/// The category codes of flat index `i`, one per dimension: "2024, 3201".
std::string codes_at(const std::vector<DatasetDimension>& dims, std::size_t i) {
    std::string codes;
    for (auto d = dims.rbegin(); d != dims.rend(); ++d) {
        const auto size = d->categories.size();
        codes = d->categories[i % size].code + (codes.empty() ? "" : ", ") + codes;
        i /= size;
    }
    return codes;
}

/// The cell at flat index `i`: its number as text, else its status symbol, else `..`.
CsvField cell_at(const json& values, const json& status, std::size_t i, const Document& doc, const std::vector<DatasetDimension>& dims,
                 const SourceLocation& value_at, const SourceLocation& status_at) {
    const std::string key = std::to_string(i);
    const json& v = values.is_array() ? values[i] : (values.contains(key) ? values[key] : json());
    if (v.is_number()) {
        if (!std::isfinite(v.get<double>())) throw Invalid{value_at, "value " + key + " is too large"};
        return {number_text(v.get<double>()), value_at.line, value_at.column};
    }
    if (!v.is_null())
        throw Invalid{value_at, "value " + key + " (" + codes_at(dims, i) + ") must be a number or null, not " + std::string(v.type_name())};
    const json* symbol = status.is_string()                                          ? &status
                         : status.is_object() && status.contains(key)                ? &status[key]
                         : status.is_array() && i < status.size() && !status[i].is_null() ? &status[i]
                                                                                          : nullptr;
    if (!symbol) return {"..", value_at.line, value_at.column};
    return {doc.text(*symbol, "a status symbol", {"status"}), status_at.line, status_at.column};
}

/// The cube of a parsed dataset; throws Invalid.
Dataset dataset_of(const json& root, const Document& doc, const std::string& file) {
    if (!root.is_object() || root.value("version", json()) != "2.0" || root.value("class", json()) != "dataset")
        throw Invalid{doc.at({"version"}), "not a JSON-stat 2.0 dataset (needs \"version\": \"2.0\" and \"class\": \"dataset\")"};
    const auto& ids = doc.member(root, "id", {"id"});
    const auto& dimensions = doc.member(root, "dimension", {"dimension"});
    if (!ids.is_array() || ids.empty()) throw Invalid{doc.at({"id"}), "'id' must list the dimensions"};
    Dataset out;
    out.file = file;
    std::vector<std::size_t> sizes;
    for (const auto& id_value : ids) {
        const auto id = doc.text(id_value, "a dimension id", {"id"});
        out.dimensions.push_back(read_dimension(doc, id, doc.member(dimensions, id, {"dimension", id})));
        place_codes(doc, out.dimensions.back());
        sizes.push_back(out.dimensions.back().categories.size());
    }
    out.time = role_of(root, doc, out.dimensions, "time");
    out.geo = role_of(root, doc, out.dimensions, "geo");
    check_size(root, out.dimensions, doc);
    const std::size_t total = bounded_product(sizes);
    if (total > kMaxDatasetCells)
        throw Invalid{doc.at({"id"}), "the dimensions give more than " + std::to_string(kMaxDatasetCells) + " values; a data source holds at most that many"};
    const auto& values = doc.member(root, "value", {"value"});
    if (!values.is_array() && !values.is_object()) throw Invalid{doc.at({"value"}), "'value' must be a list or an object of numbers"};
    if (values.is_array() && values.size() != total)
        throw Invalid{doc.at({"value"}), "'value' has " + std::to_string(values.size()) + " entries, the dimensions give " + std::to_string(total)};
    const json status = root.contains("status") ? root["status"] : json::object();
    const SourceLocation value_at = doc.at({"value"}), status_at = doc.at({"status"});  // where a cell's text comes from
    out.cells.reserve(total);
    for (std::size_t i = 0; i < total; ++i) out.cells.push_back(cell_at(values, status, i, doc, out.dimensions, value_at, status_at));
    if (root.contains("label")) out.title = doc.text(root["label"], "'label'", {"label"});
    if (root.contains("source")) out.source = doc.text(root["source"], "'source'", {"source"});
    return out;
}

}  // namespace

std::optional<Dataset> read_jsonstat(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        diagnostics.error(json_error_location(text, e.byte, file), "not valid JSON: " + json_error_text(e.what()));
        return std::nullopt;
    } catch (const json::out_of_range& e) {  // a number too large for a double
        diagnostics.error(overflow_location(text, e.what(), file), "not valid JSON: a number is too large");
        return std::nullopt;
    }
    try {
        return dataset_of(root, Document(text, file), file);
    } catch (const Invalid& invalid) {
        diagnostics.error(invalid.where, invalid.message);
        return std::nullopt;
    }
}

CsvFile jsonstat_table(const std::string& text, const std::string& file, const DatasetChoice& choice, Diagnostics& diagnostics) {
    const auto dataset = read_jsonstat(text, file, diagnostics);
    return dataset ? shape_dataset(*dataset, choice, diagnostics) : CsvFile{};
}

}  // namespace sats
