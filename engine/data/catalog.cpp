#include "data/catalog.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <sstream>

#include "core/result.hpp"
#include "core/text_file.hpp"
#include "data/compute.hpp"
#include "data/csv_reader.hpp"
#include "data/jsonstat_reader.hpp"
#include "data/pxweb_csv.hpp"

namespace sats {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!text.empty() && text.back() == separator) parts.emplace_back();
    return parts;
}

std::vector<std::string> keys_of(const auto& map) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : map) keys.push_back(k);
    return keys;
}

const std::vector<std::string>& suffixes() {
    static const std::vector<std::string> s = [] {
        std::vector<std::string> all{"abs", "over", "under", "lik", "okte", "falt", "hoyest", "lavest"};
        for (auto& word : ValueWords::suffixes()) all.push_back(std::move(word));
        return all;
    }();
    return s;
}

}  // namespace

/// Does the loading work; kept out of the public class so the catalog itself stays plain data.
class DataCatalog::Loader {
public:
    Loader(DataCatalog& catalog, const Environment& env, const Manifest& manifest, Diagnostics& diagnostics,
           std::string subject)
        : catalog_(catalog), env_(env), manifest_(manifest), diagnostics_(diagnostics), subject_(std::move(subject)) {}

    void run() {
        for (const auto& source : manifest_.data) {
            if (catalog_.tables_.count(source.name)) {
                diagnostics_.error(source.where, "data source '" + source.name + "' is declared twice");
                continue;
            }
            if (auto table = load_source(source)) catalog_.tables_.emplace(source.name, std::move(*table));
            else catalog_.broken_.insert(source.name);
        }
        choose_subject();
        // Computed columns after every source is loaded: a deflator may live in another file.
        for (const auto& source : manifest_.data)
            if (const auto it = catalog_.tables_.find(source.name); it != catalog_.tables_.end())
                add_computed_columns(source, it->second);
        for (const auto& spec : manifest_.values) {
            specs_[spec.name] = &spec;
            if (catalog_.tables_.count(spec.name))
                diagnostics_.error(spec.where, "value '" + spec.name + "' has the name of a data source");
        }
        for (const auto& spec : manifest_.values) compute_value(spec.name).report(diagnostics_);
    }

private:
    // ---- the municipality the report is made for ----------------------------------------

    /// Reports each id of the `[kommuner]` list that could not name a file: `--for` writes
    /// `<output>-<id>.pdf`, so an id holds ASCII letters, digits, `-` and `_` only.
    void check_subject_ids(const DataTable& list) {
        const auto& except = manifest_.subjects.except;  // ids not in the list are allowed: one table has Landet, another not
        for (std::size_t r = 0; r < list.row_ids.size(); ++r) {
            const auto& id = list.row_ids[r];
            if (std::find(except.begin(), except.end(), id) != except.end()) continue;
            const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
                return (c < 0x80 && std::isalnum(c)) || c == '-' || c == '_';
            });
            if (!plain)
                diagnostics_.error(list.cells[r].empty() ? SourceLocation{list.file} : list.cells[r][0].where,
                                   "the municipality id '" + id + "' names output files, so it may hold only letters a–z, digits, '-' and '_'");
        }
    }

    /// Reads the subject's row of the `[kommuner]` list, sets the `kommune` and `nabo` aliases
    /// on every data source and the `rapport.*` names.
    void choose_subject() {
        const auto& spec = manifest_.subjects;
        if (spec.data.empty()) {
            if (!subject_.empty())
                diagnostics_.error({manifest_.path}, "--for needs a [kommuner] list in report.toml",
                                   "add [kommuner] with data = \"<source listing the municipalities>\" and standard = \"<id>\"");
            return;
        }
        const auto list = catalog_.tables_.find(spec.data);
        if (list == catalog_.tables_.end()) {
            if (!catalog_.broken_.count(spec.data))
                diagnostics_.error(spec.data_at, "unknown data source '" + spec.data + "'",
                                   did_you_mean(spec.data, keys_of(catalog_.tables_)));
            return;
        }
        const DataTable& t = list->second;
        check_subject_ids(t);
        const std::string asked = subject_.empty() ? spec.standard : subject_;
        const int row = t.row_index(asked);
        const std::string id = row >= 0 ? t.row_ids[static_cast<std::size_t>(row)] : asked;  // `Bærum` is `3201`
        if (row >= 0 && std::find(spec.except.begin(), spec.except.end(), id) != spec.except.end()) {
            diagnostics_.error(subject_.empty() ? spec.standard_at : spec.data_at,
                               "'" + asked + "' is in 'except' of [kommuner]: the list leaves it out");
            return;
        }
        if (row < 0) {
            diagnostics_.error(subject_.empty() ? spec.standard_at : spec.data_at,
                               "'" + id + "'" + (subject_.empty() ? "" : " (from --for)") + " is not in the list of municipalities '" +
                                   spec.data + "'",
                               t.row_hint(id));
            return;
        }
        auto text = [&](const std::string& column) {
            const DataCell* c = t.cell(id, column);
            return c && c->is_text ? c->text : "";
        };
        std::map<std::string, std::string> aliases{{"kommune", id}};
        if (!text("nabo").empty()) aliases["nabo"] = text("nabo");
        for (auto& [name, table] : catalog_.tables_) {
            table.aliases = aliases;
            name_municipality_columns(t, table);
        }
        const std::string name = text("navn").empty() ? id : text("navn");
        catalog_.report_fields_["rapport.kommune"] = name;
        catalog_.report_fields_["rapport.kommune_kort"] = text("kortnavn").empty() ? name : text("kortnavn");
        catalog_.report_fields_["rapport.kommune_id"] = id;
        if (aliases.count("nabo")) {
            const DataCell* peer = t.cell(aliases["nabo"], "kortnavn");
            catalog_.report_fields_["rapport.nabo"] = peer && peer->is_text ? peer->text : aliases["nabo"];
        }
    }

    /// Gives columns without a label of their own a name from the list: `asker_2024` is shown
    /// as "Asker 2024" (the `kortnavn`, else `navn`, of each id part that is a municipality).
    static void name_municipality_columns(const DataTable& list, DataTable& table) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (table.column_labels[c] != table.columns[c]) continue;
            std::string label;
            bool named = false;
            std::size_t start = 0;
            const std::string& id = table.columns[c];
            while (start <= id.size()) {
                auto end = id.find('_', start);
                if (end == std::string::npos) end = id.size();
                std::string part = id.substr(start, end - start);
                for (const char* column : {"kortnavn", "navn"})
                    if (const DataCell* cell = list.cell(part, column); cell && cell->is_text && !cell->text.empty()) {
                        part = cell->text;
                        named = true;
                        break;
                    }
                label += (label.empty() ? "" : " ") + part;
                start = end + 1;
            }
            if (named) table.column_labels[c] = label;
        }
    }

    // ---- data sources -------------------------------------------------------------------

    std::optional<DataTable> load_source(const DataSourceSpec& source) {
        const auto& file_at = source.file_at;
        const fs::path relative = fs::path(source.file).lexically_normal();
        const auto file = env_.read_project_file(manifest_.root, source.file);
        if (file.problem == ProjectFile::Problem::missing && !source.table.empty()) {
            diagnostics_.error(source.table_at, "data file '" + source.file + "' of SSB table " + source.table + " has not been fetched",
                               "run 'sats data fetch " + manifest_.root.string() + "' to fetch it (build and check never use the network)");
            return std::nullopt;
        }
        if (file.problem != ProjectFile::Problem::none) {
            diagnostics_.error(file_at, file.message("data file '" + source.file + "'"));
            return std::nullopt;
        }
        const std::string shown = (manifest_.root / relative).lexically_normal().string();
        const auto text = decoded_text(file.bytes, shown, source.encoding, diagnostics_);
        if (!text) return std::nullopt;
        const auto choice = choice_of(source);
        if (relative.extension() == ".json") {
            const CsvFile raw = jsonstat_table(*text, shown, choice, diagnostics_);
            if (raw.header.empty()) return std::nullopt;
            return type_cells(source, raw, shown, true);
        }
        const CsvFile raw = csv_table(read_csv(*text, shown, diagnostics_), shown, choice, diagnostics_);
        if (raw.header.empty()) return std::nullopt;
        return type_cells(source, raw, shown, raw.separator != ',');
    }

    /// The `rows`, `columns` and `select` of a source, for a dataset.
    static DatasetChoice choice_of(const DataSourceSpec& source) {
        DatasetChoice choice{source.row_dimension, source.column_dimension, source.where, source.rows_at, source.columns_at, {}};
        for (const auto& s : source.select) choice.select.push_back({s.dimension, s.category, s.where});
        return choice;
    }

    DataTable type_cells(const DataSourceSpec& source, const CsvFile& raw, const std::string& file, bool decimal_comma) {
        DataTable t;
        t.name = source.name;
        t.file = file;
        for (const auto& comment : raw.comments) {
            const auto colon = comment.find(':');
            if (colon != std::string::npos) t.notes[comment.substr(0, colon)] = comment.substr(colon + 1 + (comment[colon + 1] == ' '));
        }
        if (!raw.title.empty()) t.notes.emplace("Tittel", raw.title);
        for (std::size_t c = 0; c < raw.header.size(); ++c) {
            const auto& h = raw.header[c];
            if (t.column_index(h.text) >= 0)
                diagnostics_.error({file, h.line, h.column}, "column '" + h.text + "' appears twice in the header");
            t.columns.push_back(h.text);
            const auto spec = source.columns.find(h.text);
            t.column_labels.push_back(spec != source.columns.end() && !spec->second.label.empty() ? spec->second.label
                                      : c < raw.column_labels.size()                         ? raw.column_labels[c]
                                                                                             : h.text);
        }
        for (const auto& [column, spec] : source.columns)
            if (t.column_index(column) < 0)
                diagnostics_.error(spec.where, "data file has no column '" + column + "'", did_you_mean(column, t.columns));
        for (const auto& column : source.text_columns)
            if (t.column_index(column) < 0 && column != "navn")  // navn is the default, and optional
                diagnostics_.error(source.where, "'text_columns' names '" + column + "', which the data file does not have",
                                   did_you_mean(column, t.columns));
        const int unit_column = named_column(source.unit_column, source.unit_column_at, t);
        const int decimals_column = named_column(source.decimals_column, source.decimals_column_at, t);

        std::set<std::string> seen;  // row ids so far (a linear search would be quadratic in the rows)
        const int label_column = t.column_index("navn");
        NotNumbers not_numbers(t.columns.size());
        for (std::size_t r = 0; r < raw.rows.size(); ++r) {
            const auto& fields = raw.rows[r];
            const std::string& id = fields[0].text;
            if (!seen.insert(id).second)
                diagnostics_.error({file, fields[0].line, fields[0].column}, "row id '" + id + "' appears twice");
            t.row_ids.push_back(id);
            t.row_labels.push_back(label_column > 0 ? fields[static_cast<std::size_t>(label_column)].text : "");
            // The row's unit and decimals as its `unit_column` and `decimals_column` name them (read
            // once per row), and the unit as the file gives it.
            RowFormat format;
            if (unit_column >= 0) format.unit = unit_of(fields[static_cast<std::size_t>(unit_column)], file);
            if (decimals_column >= 0) format.decimals = decimals_of(fields[static_cast<std::size_t>(decimals_column)], file);
            format.file_unit = r < raw.row_units.size() ? raw.row_units[r] : std::nullopt;
            std::vector<DataCell> row;
            for (std::size_t c = 0; c < fields.size(); ++c) {
                const auto& field = fields[c];
                DataCell cell;
                cell.where = {file, field.line, field.column};
                const bool text = c == 0 || static_cast<int>(c) == unit_column || static_cast<int>(c) == decimals_column ||
                                  std::count(source.text_columns.begin(), source.text_columns.end(), t.columns[c]) > 0;
                if (text) {
                    cell.is_text = true;
                    cell.text = field.text;
                } else {
                    RowFormat cell_format = format;
                    if (!cell_format.file_unit && c < raw.column_units.size()) cell_format.file_unit = raw.column_units[c];
                    cell.value = typed_value(source, t.columns[c], cell_format, field.text, decimal_comma);
                    not_numbers.count(c, cell.value, field);
                }
                row.push_back(std::move(cell));
            }
            t.cells.push_back(std::move(row));
        }
        report_not_numbers(source, t, not_numbers, file);
        t.read_columns = t.columns.size();
        return t;
    }

    /// The index of the column a source key (`unit_column`, `decimals_column`) names, -1 if none;
    /// one the file does not have is reported at the key.
    int named_column(const std::string& column, const SourceLocation& at, const DataTable& t) {
        if (column.empty()) return -1;
        const int index = t.column_index(column);
        if (index < 0) diagnostics_.error(at, "data file has no column '" + column + "'", did_you_mean(column, t.columns));
        return index;
    }

    /// The unit a `unit_column` cell names; an unknown one is reported at the cell.
    Unit unit_of(const CsvField& field, const std::string& file) {
        if (const auto unit = parse_unit(field.text)) return *unit;
        diagnostics_.error({file, field.line, field.column}, "unknown unit '" + field.text + "'", did_you_mean(field.text, known_units()));
        return Unit::number;
    }

    /// The decimals a `decimals_column` cell gives; blank = not given; anything but a whole
    /// number from 0 to kMaxDecimals is reported at the cell.
    std::optional<int> decimals_of(const CsvField& field, const std::string& file) {
        if (field.text.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
        const auto number = parse_number(field.text);
        if (number && *number == std::floor(*number) && *number >= 0 && *number <= kMaxDecimals) return static_cast<int>(*number);
        diagnostics_.error({file, field.line, field.column}, "'" + field.text + "' is not a number of decimals",
                           "write a whole number from 0 to " + std::to_string(kMaxDecimals) + ", or leave the cell blank");
        return std::nullopt;
    }

    /// What a row says about how its values are written.
    struct RowFormat {
        std::optional<Unit> unit;           ///< from `unit_column`
        std::optional<int> decimals;        ///< from `decimals_column`
        std::optional<FileUnit> file_unit;  ///< the unit the file gives the row or the column
    };

    /// A cell's value. Its unit: the column's in the manifest, else the row's `unit_column`,
    /// else the one the file gives (JSON-stat `category.unit`), else the source's `unit`. Its
    /// decimals: the column's in the manifest, else the row's `decimals_column`, else the
    /// source's, else the file's, else the unit's default. A cell that is not a number has
    /// none; report_not_numbers() reports it.
    static Value typed_value(const DataSourceSpec& source, const std::string& column, const RowFormat& row,
                             const std::string& field, bool decimal_comma) {
        Value v;
        const auto& file_unit = row.file_unit;
        v.unit = row.unit ? *row.unit
                 : file_unit && !file_unit->base.empty() ? unit_from_name(file_unit->base)
                                                          : parse_unit(source.unit).value_or(Unit::number);
        const auto spec = source.columns.find(column);
        if (spec != source.columns.end() && !spec->second.unit.empty()) v.unit = parse_unit(spec->second.unit).value_or(v.unit);
        const auto file_decimals = file_unit ? file_unit->decimals : std::nullopt;
        v.decimals = spec != source.columns.end() && spec->second.decimals
                         ? *spec->second.decimals
                         : row.decimals.value_or(source.decimals.value_or(file_decimals.value_or(default_decimals(v.unit))));
        const auto first = field.find_first_not_of(" \t"), last = field.find_last_not_of(" \t");
        const std::string text = first == std::string::npos ? "" : field.substr(first, last - first + 1);
        if (is_missing_mark(text)) v.missing_mark = text;  // "" = a blank cell
        else v.number = parse_number(text, decimal_comma);
        return v;
    }

    /// Per numeric column: how many cells are numbers, and the cells that are neither a number
    /// nor blank nor a symbol.
    struct NotNumbers {
        explicit NotNumbers(std::size_t columns) : numbers(columns, 0), fields(columns) {}
        void count(std::size_t column, const Value& value, const CsvField& field) {
            if (value.number) ++numbers[column];
            else if (!is_missing_mark(field.text)) fields[column].push_back(field);
        }
        std::vector<std::size_t> numbers;
        std::vector<std::vector<CsvField>> fields;
    };

    /// Reports the cells of numeric columns that are not numbers. A column where most of them
    /// are not is a text column left out of `text_columns`: one error where the source declares
    /// its text columns, naming it, instead of one per cell; otherwise each cell is reported.
    void report_not_numbers(const DataSourceSpec& source, const DataTable& t, const NotNumbers& found, const std::string& file) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto& fields = found.fields[c];
            if (fields.empty()) continue;
            if (fields.size() > found.numbers[c]) {
                std::string list;
                for (const auto& name : source.text_columns) list += "\"" + name + "\", ";
                diagnostics_.error(source.text_columns_at,
                                   "column '" + t.columns[c] + "' of " + source.file + " holds text ('" + fields[0].text + "' on line " +
                                       std::to_string(fields[0].line) + "), but 'text_columns' does not name it, so it is read as numbers",
                                   "add it to the text columns: text_columns = [" + list + "\"" + t.columns[c] + "\"]");
                continue;
            }
            for (const auto& field : fields)
                diagnostics_.error({file, field.line, field.column},
                                   "'" + field.text + "' is not a number (column '" + t.columns[c] + "' holds numbers)",
                                   "write a cell without a number with one of SSB's symbols: " + symbol_list() + ", or leave it blank");
        }
    }

    // ---- computed columns ---------------------------------------------------------------

    /// Column operand `id` of table `t`, or the error at `where` if unknown or text.
    static Result<int> column_operand(const DataTable& t, const std::string& id, const SourceLocation& where) {
        const int c = t.column_index(id);
        if (c < 0) return error_at(where, "data source '" + t.name + "' has no column '" + id + "'", did_you_mean(id, t.columns));
        if (t.cells.size() > 0 && t.cells[0][static_cast<std::size_t>(c)].is_text)
            return error_at(where, "column '" + id + "' holds text, not numbers");
        return c;
    }

    /// Adds each computed column of `source` to `t`, or reports why it cannot be made.
    void add_computed_columns(const DataSourceSpec& source, DataTable& t) {
        for (const auto& spec : source.computed) {
            if (spec.name.empty()) continue;
            if (auto values = computed_column(spec, t).report(diagnostics_))
                t.add_column(spec.name, spec.label, std::move(*values), spec.where);
            else catalog_.broken_.insert(t.name + ".*." + spec.name);
        }
    }

    /// Where a computed column takes its operands from: columns of its table and a total's row.
    struct ColumnOperands {
        std::vector<int> of;
        int ref = -1;
        int total_row = -1;
    };

    /// The operands `spec` names in `t`, or every one it cannot find.
    static Result<ColumnOperands> column_operands(const ComputeSpec& spec, const DataTable& t) {
        Errors errors;
        ColumnOperands operands;
        for (const auto& id : spec.of)
            if (const auto c = column_operand(t, id, spec.of_at).collect(errors)) operands.of.push_back(*c);
        if (!spec.ref.empty())
            if (const auto c = column_operand(t, spec.ref, spec.ref_at).collect(errors)) operands.ref = *c;
        if (!spec.total_row.empty()) {
            operands.total_row = t.row_index(spec.total_row);
            if (operands.total_row < 0)
                errors.push_back(error_at(spec.total_row_at, "data source '" + t.name + "' has no row '" + spec.total_row + "'",
                                          t.row_hint(spec.total_row)));
        }
        require_operands(spec, errors);
        if (!errors.empty()) return errors;
        return operands;
    }

    /// The values of computed column `spec` of `t`, one per row.
    Result<std::vector<Value>> computed_column(const ComputeSpec& spec, const DataTable& t) {
        if (!spec.op) return Result<std::vector<Value>>::already_reported();  // missing or unknown op, reported with the manifest
        if (*spec.op == ComputeOp::count_over)
            return error_at(spec.op_at, "'count_over' counts over a list and gives one value; declare it under [values]");
        if (t.column_index(spec.name) >= 0) return error_at(spec.name_at, "column '" + spec.name + "' already exists in '" + t.name + "'");
        const auto operands = column_operands(spec, t);
        if (!operands.ok()) return operands.errors();

        auto at = [&](std::size_t row, int column) { return t.cells[row][static_cast<std::size_t>(column)].value; };
        std::vector<Value> whole_column;
        for (std::size_t r = 0; r < t.row_ids.size(); ++r) whole_column.push_back(at(r, operands->of[0]));
        std::vector<Value> column_values;
        for (std::size_t r = 0; r < t.row_ids.size(); ++r) {
            std::vector<Value> of;
            for (const int c : operands->of) of.push_back(at(r, c));
            const Value reference = operands->ref >= 0 ? at(r, operands->ref) : Value{};
            const Value total = operands->total_row >= 0 ? at(static_cast<std::size_t>(operands->total_row), operands->of[0]) : Value{};
            auto v = apply(spec, of, reference, total, whole_column);
            if (!v.ok()) return v.errors();
            column_values.push_back(v.value());
        }
        return column_values;
    }

    /// Adds to `errors` a missing `ref`, `total_row` or deflator for the operations that need one.
    static void require_operands(const ComputeSpec& spec, Errors& errors) {
        const std::string name = compute_op_name(*spec.op);
        switch (*spec.op) {
            case ComputeOp::pct_diff:
            case ComputeOp::index:
            case ComputeOp::diff:
            case ComputeOp::growth:
            case ComputeOp::count_over:
                if (spec.ref.empty()) errors.push_back(error_at(spec.where, "'" + name + "' needs 'ref'"));
                return;
            case ComputeOp::share:
                if (spec.total_row.empty() && spec.ref.empty())
                    errors.push_back(error_at(spec.where, "'share' needs 'total_row' (in a computed column) or 'ref' (for a value)"));
                return;
            case ComputeOp::deflate:
                if (spec.deflator.empty() || spec.from_year == 0 || spec.to_year == 0)
                    errors.push_back(error_at(spec.where, "'deflate' needs 'deflator', 'from_year' and 'to_year'"));
                return;
            case ComputeOp::sum:
            case ComputeOp::min:
            case ComputeOp::max:
            case ComputeOp::mean:
            case ComputeOp::rank:
                return;
        }
    }

    /// Yearly price growth after `from` up to and including `to`, from the row `deflator`.
    Result<std::vector<Value>> deflator_series(const ComputeSpec& spec) const {
        const auto parts = split(spec.deflator, '.');
        const DataTable* t = parts.size() == 2 ? catalog_.table(parts[0]) : nullptr;
        if (!t || t->row_index(parts[1]) < 0)
            return error_at(spec.deflator_at, "'deflator' must name a row as 'table.row', with one column per year");
        std::vector<Value> series;
        for (int year = spec.from_year + 1; year <= spec.to_year; ++year) {
            const auto* cell = t->cell(parts[1], std::to_string(year));
            if (!cell) return error_at(spec.deflator_at, "deflator '" + spec.deflator + "' has no column for " + std::to_string(year));
            series.push_back(cell->value);
        }
        return series;
    }

    /// `spec`'s operation on its operands: `of`, a reference, a total, and the group ranked or counted in.
    Result<Value> apply(const ComputeSpec& spec, const std::vector<Value>& of, const Value& ref, const Value& total,
                        const std::vector<Value>& group) const {
        Value v;
        switch (*spec.op) {
            case ComputeOp::pct_diff: v = percent_difference(of.at(0), ref); break;
            case ComputeOp::index: v = index_against(of.at(0), ref); break;
            case ComputeOp::share: v = share_of(of.at(0), spec.total_row.empty() ? ref : total); break;
            case ComputeOp::diff: v = difference(of.at(0), ref); break;
            case ComputeOp::growth: v = growth(of.at(0), ref); break;
            case ComputeOp::sum: v = sum_of(of, spec.skip_missing); break;
            case ComputeOp::min: v = min_of(of, spec.skip_missing); break;
            case ComputeOp::max: v = max_of(of, spec.skip_missing); break;
            case ComputeOp::mean: v = mean_of(of, spec.skip_missing); break;
            case ComputeOp::rank: v = rank_in(of.at(0), group, spec.ascending); break;
            case ComputeOp::count_over: v = count_over(of, group); break;
            case ComputeOp::deflate: {
                const auto series = deflator_series(spec);
                if (!series.ok()) return series.errors();
                v = deflate(of.at(0), series.value());
                break;
            }
        }
        if (v.number && !std::isfinite(*v.number))
            return error_at(spec.where, "'" + spec.name + "' comes to a number too large to show (the " +
                                            compute_op_name(*spec.op) + " of its operands overflows)");
        if (spec.decimals) v.decimals = *spec.decimals;
        return v;
    }

    // ---- named values -------------------------------------------------------------------

    /// The values a reference stands for: one, or several with `*` as row or column.
    Result<std::vector<Value>> operands(const std::string& reference, const SourceLocation& where) {
        const auto parts = split(reference, '.');
        if (catalog_.already_reported(reference)) return Result<std::vector<Value>>::already_reported();
        if (parts.size() == 1) {
            if (!specs_.count(reference))
                return error_at(where, "unknown value '" + reference + "'", did_you_mean(reference, keys_of(specs_)));
            auto v = compute_value(reference);
            if (!v.ok()) return v.errors();
            return std::vector<Value>{v.value()};
        }
        if (parts.size() != 3) return error_at(where, "'" + reference + "' is not a reference; write table.row.column or a value name");
        const DataTable* t = catalog_.table(parts[0]);
        if (!t) return error_at(where, "unknown data source '" + parts[0] + "'", did_you_mean(parts[0], keys_of(catalog_.tables_)));
        std::vector<int> rows, columns;
        if (parts[1] == "*") for (std::size_t r = 0; r < t->row_ids.size(); ++r) rows.push_back(static_cast<int>(r));
        else rows.push_back(t->row_index(parts[1]));
        if (parts[2] == "*") {
            for (std::size_t c = 1; c < t->columns.size(); ++c)
                if (!t->cells.empty() && !t->cells[0][c].is_text) columns.push_back(static_cast<int>(c));
        } else {
            columns.push_back(t->column_index(parts[2]));
        }
        if (rows.size() == 1 && rows[0] < 0)
            return error_at(where, "data source '" + parts[0] + "' has no row '" + parts[1] + "'", t->row_hint(parts[1]));
        if (columns.size() == 1 && columns[0] < 0)
            return error_at(where, "data source '" + parts[0] + "' has no column '" + parts[2] + "'", did_you_mean(parts[2], t->columns));
        std::vector<Value> values;
        for (const int r : rows)
            for (const int c : columns) {
                const auto& cell = t->cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                if (cell.is_text) return error_at(where, "'" + reference + "' is text, not a number");
                values.push_back(cell.value);
            }
        return values;
    }

    /// The value called `name`, computed once; a failure is remembered so it is reported once.
    Result<Value> compute_value(const std::string& name) {
        if (const auto done = catalog_.values_.find(name); done != catalog_.values_.end()) return done->second;
        if (catalog_.broken_.count(name)) return Result<Value>::already_reported();
        const ComputeSpec& spec = *specs_.at(name);
        if (!spec.op) {  // missing or unknown op, reported with the manifest
            catalog_.broken_.insert(name);
            return Result<Value>::already_reported();
        }
        if (const auto loop = std::find(in_progress_.begin(), in_progress_.end(), name); loop != in_progress_.end()) {
            std::string chain;
            for (auto it = loop; it != in_progress_.end(); ++it) chain += *it + " -> ";
            const bool direct = loop + 1 == in_progress_.end();
            for (auto it = loop; it != in_progress_.end(); ++it) catalog_.broken_.insert(*it);
            return error_at(specs_.at(*loop)->where, "value '" + name + "' depends on itself" + (direct ? "" : " (" + chain + name + ")"));
        }
        if (in_progress_.size() == kMaxValueChain) {
            catalog_.broken_.insert(name);
            return error_at(spec.where, "value '" + name + "' is computed through a chain of more than " +
                                            std::to_string(kMaxValueChain) + " values (from '" + in_progress_.front() + "')",
                            "compute it from the data directly, or from fewer values in between");
        }
        in_progress_.push_back(name);
        auto v = evaluate(spec);
        in_progress_.pop_back();
        if (v.ok()) catalog_.values_[name] = v.value();
        else catalog_.broken_.insert(name);
        return v;
    }

    /// Computes the value `spec` declares from its operands; every problem with them if it cannot.
    Result<Value> evaluate(const ComputeSpec& spec) {
        Errors errors;
        bool complete = true;  // false once an operand fails, also one whose error was reported before
        std::vector<Value> of;
        for (const auto& reference : spec.of) {
            const auto values = operands(reference, spec.of_at).collect(errors);
            if (values) of.insert(of.end(), values->begin(), values->end());
            complete = complete && values;
        }
        std::vector<Value> refs;
        if (!spec.ref.empty()) {
            const auto values = operands(spec.ref, spec.ref_at).collect(errors);
            if (values) refs = *values;
            complete = complete && values;
        }
        require_operands(spec, errors);
        if (*spec.op == ComputeOp::rank && spec.ref.empty())
            errors.push_back(error_at(spec.where, "'rank' needs 'ref': the group to rank in, e.g. \"table.*.2024\""));
        if (*spec.op == ComputeOp::share && !spec.total_row.empty())
            errors.push_back(error_at(spec.total_row_at, "for a value, give the total as 'ref' (table.row.column), not 'total_row'"));
        if (!errors.empty() || !complete || of.empty()) return errors;  // no `of` was reported with the manifest
        // For rank, `ref` is the group; for count_over, the list compared pairwise.
        const bool group_op = *spec.op == ComputeOp::rank || *spec.op == ComputeOp::count_over;
        auto v = apply(spec, of, refs.empty() ? Value{} : refs[0], Value{}, group_op ? refs : of);
        if (v.ok() && v->number && *spec.op == ComputeOp::rank) {
            // Highest and lowest among the values present, ties included.
            const double x = *of[0].amount();
            const bool highest = std::none_of(refs.begin(), refs.end(), [&](const Value& r) { return r.amount() && *r.amount() > x; });
            const bool lowest = std::none_of(refs.begin(), refs.end(), [&](const Value& r) { return r.amount() && *r.amount() < x; });
            catalog_.extremes_[spec.name] = {highest, lowest};
        }
        return v;
    }

    DataCatalog& catalog_;
    const Environment& env_;
    const Manifest& manifest_;
    Diagnostics& diagnostics_;
    std::map<std::string, const ComputeSpec*> specs_;
    std::vector<std::string> in_progress_;  ///< values being computed, outermost first
    std::string subject_;                   ///< from --for; "" = the list's standard
};

DataCatalog DataCatalog::load(const Environment& env, const Manifest& manifest, Diagnostics& diagnostics,
                              const std::string& subject) {
    DataCatalog catalog;
    catalog.words_ = ValueWords(manifest.words, manifest.language);
    catalog.report_fields_ = {{"rapport.tittel", manifest.title},
                              {"rapport.undertittel", manifest.subtitle},
                              {"rapport.kommune", manifest.municipality},
                              {"rapport.aar", std::to_string(manifest.year)}};
    Loader(catalog, env, manifest, diagnostics, subject).run();
    catalog.subjects_ = manifest.subjects.data;
    catalog.except_ = manifest.subjects.except;
    return catalog;
}

std::string DataCatalog::report_field(const std::string& name) const {
    const auto it = report_fields_.find(name);
    return it == report_fields_.end() ? "" : it->second;
}

std::vector<std::string> DataCatalog::subject_ids() const {
    const auto* list = table(subjects_);
    std::vector<std::string> ids;
    for (const auto& id : list ? list->row_ids : std::vector<std::string>{})
        if (std::find(except_.begin(), except_.end(), id) == except_.end()) ids.push_back(id);
    return ids;
}

const DataTable* DataCatalog::table(const std::string& name) const {
    const auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string> DataCatalog::table_names() const { return keys_of(tables_); }

bool DataCatalog::already_reported(const std::string& name) const {
    const auto parts = split(name, '.');
    if (parts.empty()) return false;
    if (broken_.count(parts[0])) return true;
    return parts.size() >= 3 && broken_.count(parts[0] + ".*." + parts[2]);
}

std::optional<Value> DataCatalog::value(const std::string& reference) const {
    if (const auto it = values_.find(reference); it != values_.end()) return it->second;
    const auto parts = split(reference, '.');
    if (parts.size() != 3) return std::nullopt;
    const DataTable* t = table(parts[0]);
    const DataCell* cell = t ? t->cell(parts[1], parts[2]) : nullptr;
    if (!cell || cell->is_text) return std::nullopt;
    return cell->value;
}

std::optional<PlaceholderValue> DataCatalog::resolve(const std::string& name) const {
    if (const auto it = report_fields_.find(name); it != report_fields_.end()) return it->second;
    if (const auto v = value(name)) return v->blank() ? std::string("..") : v->format();  // prose never shows a blank
    const auto parts = split(name, '.');
    if (parts.size() == 3)
        if (const DataTable* t = table(parts[0]))
            if (const DataCell* cell = t->cell(parts[1], parts[2]); cell && cell->is_text) return cell->text;
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string base = name.substr(0, dot), suffix = name.substr(dot + 1);
    const auto v = value(base);
    if (!v) return std::nullopt;
    const auto direction = words_.direction(*v);
    if (suffix == "abs") return v->magnitude().format();
    if (suffix == "over" || suffix == "okte") return direction == Direction::over;
    if (suffix == "under" || suffix == "falt") return direction == Direction::under;
    if (suffix == "lik") return direction == Direction::equal;
    if (auto words = words_.resolve(*v, suffix)) return *words;
    if (const auto ends = extremes_.find(base); ends != extremes_.end()) {
        if (suffix == "hoyest") return ends->second.first;
        if (suffix == "lavest") return ends->second.second;
    }
    return std::nullopt;
}

std::string DataCatalog::nearest(const std::string& name) const {
    auto parts = split(name, '.');
    if (parts.empty()) return {};
    if (parts[0] == "rapport") return closest_match(name, keys_of(report_fields_));
    // A trailing suffix (.over, .abs, ...) is kept, or corrected if it is a near miss.
    std::string suffix;
    if (parts.size() == 2 || parts.size() == 4) {
        const auto near = closest_match(parts.back(), suffixes());
        suffix = std::find(suffixes().begin(), suffixes().end(), parts.back()) != suffixes().end() ? parts.back() : near;
        if (suffix.empty()) return {};
        suffix = "." + suffix;
        parts.pop_back();
    }
    if (parts.size() == 1) {
        const std::string base = values_.count(parts[0]) ? parts[0] : closest_match(parts[0], keys_of(values_));
        return base.empty() ? "" : base + suffix;
    }
    if (parts.size() != 3) return {};
    const DataTable* t = table(parts[0]);
    const std::string source = t ? parts[0] : closest_match(parts[0], keys_of(tables_));
    if (!t) t = table(source);
    if (!t) return {};
    const std::string row = t->row_index(parts[1]) >= 0 ? parts[1] : closest_match(parts[1], t->row_ids);
    const std::string column = t->column_index(parts[2]) >= 0 ? parts[2] : closest_match(parts[2], t->columns);
    if (row.empty() || column.empty()) return {};
    const std::string candidate = source + "." + row + "." + column + suffix;
    return candidate == name ? "" : candidate;
}

}  // namespace sats
