#include "data/data_description.hpp"

#include <filesystem>
#include <map>
#include <sstream>

#include "data/jsonstat_reader.hpp"
#include "data/pxweb_csv.hpp"
#include "core/text_position.hpp"
#include "data/value.hpp"

namespace sats {

namespace {

/// A category as listed: its code (padded to `width` characters), and its label where that
/// says more.
std::string category_text(const DatasetCategory& c, std::size_t width) {
    std::string text = c.code;
    if (!c.label.empty() && c.label != c.code) text += std::string(width - utf8_length(c.code) + 2, ' ') + c.label;
    if (c.unit) {
        text += "  [unit " + (c.unit->base.empty() ? std::string("?") : c.unit->base);
        if (c.unit->decimals) text += ", " + std::to_string(*c.unit->decimals) + (*c.unit->decimals == 1 ? " decimal" : " decimals");
        text += "]";
    }
    return text;
}

/// The name a manifest would use for a dimension: its label if no other dimension has it.
std::string dimension_name(const Dataset& d, std::size_t i) {
    const auto& label = d.dimensions[i].label;
    return find_dimension(d, label) == static_cast<int>(i) ? label : d.dimensions[i].id;
}

/// The file as a data source names it: as given when that is relative (the user is in the
/// project folder), else its name alone.
std::string file_key(const std::string& file) {
    const std::filesystem::path path(file);
    return path.is_relative() ? path.lexically_normal().string() : path.filename().string();
}

/// A data source name made of the file's name: letters, digits and `_`.
std::string source_name(const std::string& file) {
    std::string name;
    for (const char c : std::filesystem::path(file).stem().string())
        name += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : '_';
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) name = "data_" + name;
    return name;
}

/// The data source to start from: the region (or first other) dimension as rows, the time as
/// columns, and the first category of every other dimension with several selected.
std::string suggested_source(const Dataset& d, const std::string& file) {
    const int columns = d.time;
    int rows = d.geo >= 0 && d.geo != columns ? d.geo : -1;
    for (std::size_t i = 0; i < d.dimensions.size() && rows < 0; ++i)
        if (static_cast<int>(i) != columns && d.dimensions[i].categories.size() > 1) rows = static_cast<int>(i);
    std::ostringstream out;
    out << "[data." << source_name(file) << "]\nfile = \"" << file_key(file) << "\"\n";
    if (rows >= 0) out << "rows = \"" << dimension_name(d, static_cast<std::size_t>(rows)) << "\"\n";
    if (columns >= 0) out << "columns = \"" << dimension_name(d, static_cast<std::size_t>(columns)) << "\"\n";
    std::string select;
    for (std::size_t i = 0; i < d.dimensions.size(); ++i)
        if (static_cast<int>(i) != rows && static_cast<int>(i) != columns && d.dimensions[i].categories.size() > 1)
            select += (select.empty() ? "" : ", ") + dimension_name(d, i) + " = \"" + d.dimensions[i].categories[0].code + "\"";
    if (!select.empty()) out << "select = { " << select << " }\n";
    return out.str();
}

/// The symbols among the cells, each with how often and what it means.
std::string symbols_found(const std::vector<CsvField>& cells) {
    std::map<std::string, std::size_t> counts;
    for (const auto& cell : cells)
        if (const auto* symbol = table_symbol(cell.text)) ++counts[symbol->mark];
    std::string out;
    for (const auto& symbol : table_symbols())
        if (const auto it = counts.find(symbol.mark); it != counts.end())
            out += std::string("  ") + symbol.mark + "  " + symbol.meaning + " (" + std::to_string(it->second) + ")\n";
    return out.empty() ? "  none\n" : out;
}

std::string describe(const Dataset& d, const std::string& file, const std::string& shape) {
    std::ostringstream out;
    std::size_t values = 1;
    std::string sizes;
    for (const auto& dim : d.dimensions) {
        values *= dim.categories.size();
        sizes += (sizes.empty() ? "" : " × ") + std::to_string(dim.categories.size());
    }
    out << file << ": " << shape << ", " << sizes << " = " << values << " values\n";
    if (!d.title.empty()) out << "title: " << d.title << "\n";
    if (!d.source.empty()) out << "source: " << d.source << "\n";
    out << "\ndimensions (name them by id or label in rows, columns and select):\n";
    for (std::size_t i = 0; i < d.dimensions.size(); ++i) {
        const auto& dim = d.dimensions[i];
        out << "  " << dim.id << (dim.label != dim.id ? " (" + dim.label + ")" : "") << ", " << dim.categories.size()
            << (dim.categories.size() == 1 ? " category" : " categories") << (static_cast<int>(i) == d.time ? ", time" : "")
            << (static_cast<int>(i) == d.geo ? ", regions" : "") << ":\n";
        const std::size_t shown = std::min(kShownCategories, dim.categories.size());
        std::size_t width = 0;
        for (std::size_t c = 0; c < shown; ++c) width = std::max(width, utf8_length(dim.categories[c].code));
        for (std::size_t c = 0; c < shown; ++c) out << "    " << category_text(dim.categories[c], width) << "\n";
        if (dim.categories.size() > kShownCategories) out << "    … and " << dim.categories.size() - kShownCategories << " more\n";
    }
    out << "\nsymbols:\n" << symbols_found(d.cells);
    out << "\na data source to start from (report.toml):\n" << suggested_source(d, file);
    return out.str();
}

/// A CSV that is a plain table: its row ids and columns.
std::string describe_plain(const CsvFile& csv, const std::string& file) {
    std::ostringstream out;
    out << file << ": CSV (separator '" << (csv.separator == '\t' ? std::string("tab") : std::string(1, csv.separator)) << "'), a table of "
        << csv.rows.size() << " rows with their ids in column '" << csv.header[0].text << "'\n";
    out << "\ncolumns:\n";
    for (const auto& h : csv.header) out << "  " << h.text << "\n";
    out << "\nrows:\n";
    for (std::size_t r = 0; r < std::min(kShownCategories, csv.rows.size()); ++r) out << "  " << csv.rows[r][0].text << "\n";
    if (csv.rows.size() > kShownCategories) out << "  … and " << csv.rows.size() - kShownCategories << " more\n";
    std::vector<CsvField> cells;
    for (const auto& row : csv.rows) cells.insert(cells.end(), row.begin() + 1, row.end());
    out << "\nsymbols:\n" << symbols_found(cells);
    out << "\na data source to start from (report.toml):\n[data." << source_name(file) << "]\nfile = \""
        << file_key(file) << "\"\n";
    return out.str();
}

}  // namespace

std::optional<std::string> describe_data_file(std::string_view bytes, const std::string& file, TextEncoding encoding,
                                              Diagnostics& diagnostics) {
    const auto text = decoded_text(bytes, file, encoding, diagnostics);
    if (!text) return std::nullopt;
    if (std::filesystem::path(file).extension() == ".json") {
        const auto dataset = read_jsonstat(*text, file, diagnostics);
        return dataset ? std::optional(describe(*dataset, file, "JSON-stat 2.0")) : std::nullopt;
    }
    const CsvFile csv = read_csv(*text, file, diagnostics);
    if (csv.header.empty() || diagnostics.has_errors()) return std::nullopt;
    if (!pxweb_layout(csv, {})) return describe_plain(csv, file);
    const auto dataset = dataset_from_csv(csv, file, {}, diagnostics);
    if (!dataset) return std::nullopt;
    const std::string separator = csv.separator == '\t' ? "tab" : std::string(1, csv.separator);
    return describe(*dataset, file, "CSV as SSB writes it (separator '" + separator + "'" + (csv.title.empty() ? "" : ", a title line") + ")");
}

}  // namespace sats
