#include "data/pxweb_csv.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "data/value.hpp"

namespace sats {

namespace {

/// Names of the time dimension in SSB's files.
constexpr const char* kTimeNames[] = {"Tid", "år", "aar", "year", "time"};

/// Whether a cell holds a value: a number or one of SSB's symbols.
bool value_text(const std::string& text) { return is_missing_mark(text) || parse_number(text).has_value(); }

/// Whether `text` is a year, as SSB writes the time in KOSTRA tables (`2024`).
bool year_like(const std::string& text) {
    return text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether `token` is written as SSB writes region and group codes: capital letters, perhaps a
/// dash, then digits (`0301`, `K-3201`, `EKA13`), or capitals alone (`EAK`, `EAKUO`).
bool code_like(std::string_view token) {
    std::size_t i = 0;
    while (i < token.size() && token[i] >= 'A' && token[i] <= 'Z') ++i;
    const std::size_t letters = i;
    if (letters > 0 && i < token.size() && token[i] == '-') ++i;
    const std::size_t digits = i;
    while (i < token.size() && token[i] >= '0' && token[i] <= '9') ++i;
    return i == token.size() && (i > digits || (letters >= 2 && letters == token.size()));
}

/// `3201 Bærum` as code `3201` and label `Bærum`; nothing if `text` is not so written.
std::optional<std::pair<std::string, std::string>> code_and_label(const std::string& text) {
    const auto space = text.find(' ');
    if (space == std::string::npos || space + 1 >= text.size() || !code_like(std::string_view(text).substr(0, space))) return std::nullopt;
    return std::pair{text.substr(0, space), text.substr(space + 1)};
}

/// Whether a CSV header names the time, as SSB's headers do (`år`, `Tid`).
bool time_header(const std::string& text) {
    return std::any_of(std::begin(kTimeNames), std::end(kTimeNames), [&](const char* name) { return same_name(text, name); });
}

/// The number of stub columns: every column up to the last one `choice` names, holds text, or is
/// the time; at least one, and at least one value column is left.
std::size_t stub_count(const CsvFile& csv, const DatasetChoice& choice) {
    std::set<std::string> named;
    for (const auto& name : {choice.rows, choice.columns}) named.insert(name);
    for (const auto& s : choice.select) named.insert(s.dimension);
    std::size_t last = 0;
    for (std::size_t c = 0; c < csv.header.size(); ++c) {
        const bool is_named = std::any_of(named.begin(), named.end(), [&](const std::string& n) { return same_name(n, csv.header[c].text); });
        const bool text = std::any_of(csv.rows.begin(), csv.rows.end(), [&](const auto& row) { return !value_text(row[c].text); });
        if (is_named || text || time_header(csv.header[c].text)) last = c;
    }
    return std::min(last + 1, csv.header.size() - 1);
}

/// A dimension builder: categories in order of first appearance.
struct Categories {
    DatasetDimension dimension;
    std::map<std::string, std::size_t> index;

    std::size_t add(const std::string& code, const std::string& label, const CsvField& where) {
        const auto [it, added] = index.emplace(code, dimension.categories.size());
        if (added) dimension.categories.push_back({code, label, std::nullopt, where.line, where.column});
        return it->second;
    }
};

/// The dimension a stub column's header names, with SSB's id and label for the two variables
/// every table has, whichever of the two the file writes: `Tid` (år, also any time_header())
/// and `ContentsCode` (statistikkvariabel).
DatasetDimension stub_names(const std::string& header) {
    if (time_header(header)) return {"Tid", same_name(header, "Tid") ? "år" : header, {}};
    if (same_name(header, "ContentsCode") || same_name(header, "statistikkvariabel")) return {"ContentsCode", "statistikkvariabel", {}};
    return {header, header, {}};
}

/// The stub dimension of column `c`, its categories from the cells, and each row's category.
Categories stub_dimension(const CsvFile& csv, std::size_t c, std::vector<std::vector<std::size_t>>& row_categories) {
    Categories out{stub_names(csv.header[c].text), {}};
    const bool split = !csv.rows.empty() && std::all_of(csv.rows.begin(), csv.rows.end(), [&](const auto& row) {
        return code_and_label(row[c].text).has_value();
    });
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const auto& field = csv.rows[r][c];
        const auto parts = split ? *code_and_label(field.text) : std::pair{field.text, field.text};
        row_categories[r].push_back(out.add(parts.first, parts.second, field));
    }
    return out;
}

/// The heading dimensions of the value columns and each column's category in them: one, or
/// two when every heading is "<category> <year>" and the parts form a full grid.
std::vector<Categories> heading_dimensions(const CsvFile& csv, std::size_t stubs, const std::vector<Categories>& stub_dims,
                                           std::vector<std::vector<std::size_t>>& column_categories) {
    auto named = [&](const std::string& id, const std::string& label) {
        const bool taken = std::any_of(stub_dims.begin(), stub_dims.end(), [&](const Categories& s) { return s.dimension.id == id; });
        return taken ? Categories{{"kolonne", "kolonne", {}}, {}} : Categories{{id, label, {}}, {}};
    };
    const std::size_t count = csv.header.size() - stubs;
    std::vector<std::pair<std::string, std::string>> parts;
    for (std::size_t c = stubs; c < csv.header.size(); ++c) {
        const auto& text = csv.header[c].text;
        const auto space = text.rfind(' ');
        if (space == std::string::npos || !year_like(text.substr(space + 1))) break;
        parts.emplace_back(text.substr(0, space), text.substr(space + 1));
    }
    std::set<std::string> firsts, seconds;
    for (const auto& [a, b] : parts) {
        firsts.insert(a);
        seconds.insert(b);
    }
    const bool grid = count > 1 && parts.size() == count && firsts.size() * seconds.size() == count &&
                      std::set(parts.begin(), parts.end()).size() == count;
    if (grid) {
        std::vector<Categories> out{named("ContentsCode", "statistikkvariabel"), named("Tid", "år")};
        for (std::size_t c = 0; c < count; ++c) {
            const auto& field = csv.header[stubs + c];
            const auto code = code_and_label(parts[c].first);
            column_categories.push_back({out[0].add(code ? code->first : parts[c].first, code ? code->second : parts[c].first, field),
                                         out[1].add(parts[c].second, parts[c].second, field)});
        }
        return out;
    }
    const bool years = std::all_of(csv.header.begin() + static_cast<long>(stubs), csv.header.end(), [](const CsvField& f) { return year_like(f.text); });
    std::vector<Categories> out{count == 1 ? Categories{{"verdi", "verdi", {}}, {}} : years ? named("Tid", "år") : named("ContentsCode", "statistikkvariabel")};
    for (std::size_t c = stubs; c < csv.header.size(); ++c) {
        const auto code = count > 1 ? code_and_label(csv.header[c].text) : std::nullopt;
        column_categories.push_back({out[0].add(code ? code->first : csv.header[c].text, code ? code->second : csv.header[c].text, csv.header[c])});
    }
    return out;
}

}  // namespace

bool pxweb_layout(const CsvFile& csv, const DatasetChoice& choice) {
    if (!choice.rows.empty() || !choice.columns.empty() || !choice.select.empty()) return true;
    if (csv.rows.empty() || csv.header.size() < 2) return false;
    if (!csv.title.empty()) return true;  // a title line above the header: SSB's download
    if (std::all_of(csv.rows.begin(), csv.rows.end(), [](const auto& row) { return code_and_label(row[0].text).has_value(); })) return true;
    // The long layout: the stub columns give every combination of their values once, as SSB
    // writes them, and the first column repeats. A plain table with a row id given twice does not.
    const std::size_t stubs = stub_count(csv, choice);
    std::size_t combinations = 1, first_values = 0;
    for (std::size_t c = 0; c < stubs && combinations <= csv.rows.size(); ++c) {
        std::set<std::string> values;
        for (const auto& row : csv.rows) values.insert(row[c].text);
        combinations *= values.size();
        if (c == 0) first_values = values.size();
    }
    std::set<std::vector<std::string>> seen;
    for (const auto& row : csv.rows) {
        std::vector<std::string> stub;
        for (std::size_t c = 0; c < stubs; ++c) stub.push_back(row[c].text);
        seen.insert(std::move(stub));
    }
    return stubs > 1 && first_values < csv.rows.size() && combinations == csv.rows.size() && seen.size() == csv.rows.size();
}

std::optional<Dataset> dataset_from_csv(const CsvFile& csv, const std::string& file, const DatasetChoice& choice,
                                        Diagnostics& diagnostics) {
    if (csv.header.size() < 2) {
        diagnostics.error({file, csv.header.empty() ? 1 : csv.header[0].line, 1}, "the data file needs a column of values besides its labels");
        return std::nullopt;
    }
    if (csv.rows.empty()) {
        diagnostics.error({file, csv.header[0].line, 1}, "the data file has a header but no rows of data");
        return std::nullopt;
    }
    const std::size_t stubs = stub_count(csv, choice);
    std::vector<std::vector<std::size_t>> row_categories(csv.rows.size()), column_categories;
    std::vector<Categories> dims;
    for (std::size_t c = 0; c < stubs; ++c) dims.push_back(stub_dimension(csv, c, row_categories));
    for (auto& heading : heading_dimensions(csv, stubs, dims, column_categories)) dims.push_back(std::move(heading));

    Dataset out;
    out.file = file;
    out.title = csv.title;
    std::size_t total = 1;
    for (auto& d : dims) {
        if (total > kMaxDatasetCells / d.dimension.categories.size()) {
            diagnostics.error({file, csv.header[0].line, 1}, "the columns give more than " + std::to_string(kMaxDatasetCells) +
                                                                 " combinations; a data source holds at most that many");
            return std::nullopt;
        }
        total *= d.dimension.categories.size();
        out.dimensions.push_back(std::move(d.dimension));
        if (out.time < 0 && out.dimensions.back().id == "Tid")
            out.time = static_cast<int>(out.dimensions.size()) - 1;
    }
    out.cells.assign(total, CsvField{"", csv.header[0].line, 1});
    std::vector<bool> given(total, false);
    bool failed = false;
    for (std::size_t r = 0; r < csv.rows.size(); ++r)
        for (std::size_t c = 0; c < column_categories.size(); ++c) {
            std::size_t flat = 0, d = 0;
            for (const auto at : row_categories[r]) flat = flat * out.dimensions[d++].categories.size() + at;
            for (const auto at : column_categories[c]) flat = flat * out.dimensions[d++].categories.size() + at;
            const auto& field = csv.rows[r][stubs + c];
            if (given[flat]) {
                diagnostics.error({file, field.line, 1}, "this row repeats the labels of an earlier one ('" + csv.rows[r][0].text + "')",
                                  "each combination of the label columns may appear once");
                failed = true;
                break;
            }
            given[flat] = true;
            out.cells[flat] = field;
        }
    if (failed) return std::nullopt;
    if (const auto source = std::find_if(csv.comments.begin(), csv.comments.end(), [](const std::string& c) { return c.rfind("Kilde:", 0) == 0; });
        source != csv.comments.end())
        out.source = source->substr(source->find(':') + 1 + (source->size() > 6 && (*source)[6] == ' '));
    return out;
}

CsvFile csv_table(CsvFile csv, const std::string& file, const DatasetChoice& choice, Diagnostics& diagnostics) {
    if (csv.header.empty() || !pxweb_layout(csv, choice)) return csv;
    const auto dataset = dataset_from_csv(csv, file, choice, diagnostics);
    if (!dataset) return {};
    CsvFile shaped = shape_dataset(*dataset, choice, diagnostics);
    shaped.comments = std::move(csv.comments);
    shaped.separator = csv.separator;
    return shaped;
}

}  // namespace sats
