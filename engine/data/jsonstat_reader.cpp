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

/// One dimension: its category codes in order and their labels.
struct Dimension {
    std::string id;
    std::vector<std::string> codes;
    std::vector<std::string> labels;
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

/// At most this many cells (rows × columns) in a data source, checked before any is made.
constexpr std::size_t kMaxCells = 1'000'000;

Dimension read_dimension(const Document& doc, const std::string& id, const json& d) {
    Dimension dim{id, {}, {}};
    const auto& category = doc.member(d, "category", {"dimension", id});
    const json* labels = category.is_object() && category.contains("label") ? &category["label"] : nullptr;
    if (labels && !labels->is_object()) throw Invalid{doc.at({"dimension", id, "label"}), "'label' must map codes to names"};
    if (category.is_object() && category.contains("index")) {
        const auto& index = category.at("index");
        if (index.size() > kMaxCells) throw Invalid{doc.at({"dimension", id, "index"}), "dimension '" + id + "' has too many categories"};
        if (index.is_array()) {
            for (const auto& code : index) dim.codes.push_back(doc.text(code, "a category code", {"dimension", id, "index"}));
        } else if (index.is_object()) {
            dim.codes.resize(index.size());
            for (const auto& [code, position] : index.items()) {
                if (!position.is_number_unsigned() || position.get<std::size_t>() >= index.size() ||
                    !dim.codes[position.get<std::size_t>()].empty())
                    throw Invalid{doc.at({"dimension", id, "index", code}),
                                  "the position of category '" + code + "' must be a number from 0 to " +
                                      std::to_string(index.size() - 1) + ", each once"};
                dim.codes[position.get<std::size_t>()] = code;
            }
        } else {
            throw Invalid{doc.at({"dimension", id, "index"}), "'index' must list the category codes"};
        }
    } else if (labels) {
        for (const auto& [code, label] : labels->items()) dim.codes.push_back(code);
    } else {
        throw Invalid{doc.at({"dimension", id}), "dimension '" + id + "' has neither 'index' nor 'label' in its 'category'"};
    }
    if (dim.codes.empty()) throw Invalid{doc.at({"dimension", id}), "dimension '" + id + "' has no categories"};
    for (const auto& code : dim.codes) {
        const bool labelled = labels && labels->contains(code);
        dim.labels.push_back(labelled ? doc.text((*labels)[code], "the name of category '" + code + "'", {"dimension", id, code}) : code);
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

/// The product of `sizes`, or kMaxCells + 1 if it is larger than kMaxCells.
std::size_t bounded_product(const std::vector<std::size_t>& sizes) {
    std::size_t total = 1;
    for (const auto s : sizes) {
        if (s != 0 && total > kMaxCells / s) return kMaxCells + 1;
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

/// Where each category code of `dim` is written: searched in order from the dimension's
/// `index` (else its `label`), each after the one before. A code not found so (written with an
/// escape, or in an index object out of order) is placed at that key.
std::vector<LineColumn> code_places(const Document& doc, const Dimension& dim) {
    const auto& text = doc.text();
    std::size_t from = text.find("\"" + dim.id + "\"", text.find("\"dimension\""));
    for (const char* key : {"\"index\"", "\"label\""})
        if (const auto list = text.find(key, from); list != std::string::npos) {
            from = list;
            break;
        }
    Cursor cursor(text);
    const LineColumn fallback = cursor.at(from == std::string::npos ? 0 : from);
    std::vector<LineColumn> places;
    for (const auto& code : dim.codes) {
        const auto found = from == std::string::npos ? from : text.find("\"" + code + "\"", from);
        if (found == std::string::npos) {
            places.push_back(fallback);
            continue;
        }
        places.push_back(cursor.at(found + 1));  // the code's first character, inside the quotes
        from = found + code.size() + 2;
    }
    return places;
}

/// Checks the dataset's `size`, if it has one, against the categories of each dimension: the
/// categories are read, and a `size` that says otherwise is an error.
void check_size(const json& root, const std::vector<Dimension>& dims, const Document& doc) {
    if (!root.contains("size")) return;
    const auto& size = root.at("size");
    if (!size.is_array() || size.size() != dims.size())
        throw Invalid{doc.at({"size"}), "'size' must list one number for each of the " + std::to_string(dims.size()) + " dimensions in 'id'"};
    for (std::size_t i = 0; i < dims.size(); ++i)
        if (!size[i].is_number_unsigned() || size[i].get<std::size_t>() != dims[i].codes.size())
            throw Invalid{doc.at({"size"}), "'size' gives dimension '" + dims[i].id + "' " + size[i].dump() + " categories, but it has " +
                                               std::to_string(dims[i].codes.size())};
}

/// The table of a parsed dataset; throws Invalid.
CsvFile table_of(const json& root, const Document& doc, const std::string& row_dimension, const std::string& column_dimension) {
    if (!root.is_object() || root.value("version", json()) != "2.0" || root.value("class", json()) != "dataset")
        throw Invalid{doc.at({"version"}), "not a JSON-stat 2.0 dataset (needs \"version\": \"2.0\" and \"class\": \"dataset\")"};
    const auto& ids = doc.member(root, "id", {"id"});
    const auto& dimensions = doc.member(root, "dimension", {"dimension"});
    if (!ids.is_array() || ids.empty()) throw Invalid{doc.at({"id"}), "'id' must list the dimensions"};
    std::vector<Dimension> dims;
    std::vector<std::size_t> sizes;
    for (const auto& id_value : ids) {
        const auto id = doc.text(id_value, "a dimension id", {"id"});
        dims.push_back(read_dimension(doc, id, doc.member(dimensions, id, {"dimension", id})));
        sizes.push_back(dims.back().codes.size());
    }
    auto find = [&](const std::string& id) -> int {
        for (std::size_t i = 0; i < dims.size(); ++i)
            if (dims[i].id == id) return static_cast<int>(i);
        return -1;
    };
    int columns = -1, rows = -1;
    if (!column_dimension.empty()) columns = find(column_dimension);
    else if (root.contains("role") && root["role"].is_object() && root["role"].contains("time") && root["role"]["time"].is_array() &&
             !root["role"]["time"].empty())
        columns = find(doc.text(root["role"]["time"][0], "a dimension id", {"role", "time"}));
    if (!row_dimension.empty()) rows = find(row_dimension);
    else
        for (std::size_t i = 0; i < dims.size() && rows < 0; ++i)
            if (static_cast<int>(i) != columns && sizes[i] > 1) rows = static_cast<int>(i);
    if (columns < 0 || rows < 0 || rows == columns)
        throw Invalid{doc.at({"id"}), "cannot tell which dimensions are rows and columns; set 'rows' and 'columns' for this data source"};
    for (std::size_t i = 0; i < dims.size(); ++i) {
        if (static_cast<int>(i) == rows || static_cast<int>(i) == columns || sizes[i] == 1) continue;
        throw Invalid{doc.at({"dimension", dims[i].id}), "dimension '" + dims[i].id + "' has " + std::to_string(sizes[i]) +
                                                             " categories; a data source takes one category of every dimension but rows and columns"};
    }
    check_size(root, dims, doc);
    const std::size_t total = bounded_product(sizes);
    if (total > kMaxCells)
        throw Invalid{doc.at({"id"}), "the dimensions give more than " + std::to_string(kMaxCells) + " values; a data source holds at most that many"};
    const auto& values = doc.member(root, "value", {"value"});
    if (!values.is_array() && !values.is_object()) throw Invalid{doc.at({"value"}), "'value' must be a list or an object of numbers"};
    if (values.is_array() && values.size() != total)
        throw Invalid{doc.at({"value"}), "'value' has " + std::to_string(values.size()) + " entries, the dimensions give " + std::to_string(total)};
    const json status = root.contains("status") ? root["status"] : json::object();

    CsvFile out;
    out.header = {{"id", 1, 1}, {"navn", 1, 1}};
    const auto& column_dim = dims[static_cast<std::size_t>(columns)];
    const auto column_places = code_places(doc, column_dim);
    for (std::size_t c = 0; c < column_dim.codes.size(); ++c)
        out.header.push_back({column_dim.codes[c], column_places[c].line, column_places[c].column});
    const auto& row_dim = dims[static_cast<std::size_t>(rows)];
    const auto row_places = code_places(doc, row_dim);
    const SourceLocation value_at = doc.at({"value"}), status_at = doc.at({"status"});  // where a cell's text comes from
    for (std::size_t r = 0; r < row_dim.codes.size(); ++r) {
        const auto [line, column] = row_places[r];
        std::vector<CsvField> fields{{row_dim.codes[r], line, column}, {row_dim.labels[r], line, column}};
        for (std::size_t c = 0; c < sizes[static_cast<std::size_t>(columns)]; ++c) {
            std::size_t flat = 0;  // row-major over the dimension order of `id`
            for (std::size_t d = 0; d < dims.size(); ++d) {
                const std::size_t position = static_cast<int>(d) == rows ? r : static_cast<int>(d) == columns ? c : 0;
                flat = flat * sizes[d] + position;
            }
            const std::string key = std::to_string(flat);
            const json& v = values.is_array() ? values[flat] : (values.contains(key) ? values[key] : json());
            std::string cell;
            SourceLocation cell_at = value_at;
            if (v.is_number()) {
                if (!std::isfinite(v.get<double>())) throw Invalid{doc.at({"value"}), "value " + key + " is too large"};
                cell = number_text(v.get<double>());
            } else if (!v.is_null()) {
                throw Invalid{doc.at({"value"}), "value " + key + " (" + row_dim.codes[r] + ", " +
                                                     dims[static_cast<std::size_t>(columns)].codes[c] +
                                                     ") must be a number or null, not " + v.type_name()};
            } else if (status.is_object() && status.contains(key)) {
                cell = doc.text(status[key], "a status symbol", {"status"});
                cell_at = status_at;
            } else if (status.is_array() && flat < status.size() && status[flat].is_string()) {
                cell = status[flat].get<std::string>();
                cell_at = status_at;
            } else {
                cell = "..";
            }
            fields.push_back({cell, cell_at.line, cell_at.column});
        }
        out.rows.push_back(std::move(fields));
    }
    if (root.contains("source")) out.comments.push_back("Kilde: " + doc.text(root["source"], "'source'", {"source"}));
    return out;
}

}  // namespace

CsvFile read_jsonstat(const std::string& text, const std::string& file, const std::string& row_dimension,
                      const std::string& column_dimension, Diagnostics& diagnostics) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        diagnostics.error(json_error_location(text, e.byte, file), "not valid JSON: " + json_error_text(e.what()));
        return {};
    } catch (const json::out_of_range& e) {  // a number too large for a double
        diagnostics.error(overflow_location(text, e.what(), file), "not valid JSON: a number is too large");
        return {};
    }
    try {
        return table_of(root, Document(text, file), row_dimension, column_dimension);
    } catch (const Invalid& invalid) {
        diagnostics.error(invalid.where, invalid.message);
        return {};
    }
}

}  // namespace sats
