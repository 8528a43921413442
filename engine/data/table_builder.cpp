#include "data/table_builder.hpp"

#include <algorithm>
#include <cmath>

namespace sats {

namespace {

/// Whether `cell` can be a row level: blank (a normal row) or a whole number 0 to kMaxRowLevel.
bool is_level(const DataCell& cell) {
    if (cell.is_text) return false;
    const auto& n = cell.value.number;
    return !n ? cell.value.blank() : *n == std::floor(*n) && *n >= 0 && *n <= kMaxRowLevel;
}

/// The row level of `cell` (is_level()): blank is a normal row, 1.
int level_of(const DataCell& cell) { return cell.value.number ? static_cast<int>(*cell.value.number) : 1; }

/// Nothing if column `c` of `data` holds row levels, else why not and the hint: a column that
/// does, or what to add.
Result<int> check_levels(const DataTableRequest& request, const DataTable& data, int c) {
    const auto column = static_cast<std::size_t>(c);
    std::string holds;
    for (std::size_t r = 0; r < data.cells.size() && holds.empty(); ++r)
        if (!is_level(data.cells[r][column]))
            holds = data.cells[r][column].is_text ? "text ('" + data.cells[r][column].text + "' in row '" + data.row_ids[r] + "')"
                                                  : "'" + data.cells[r][column].value.format() + "' in row '" + data.row_ids[r] + "'";
    if (holds.empty()) return c;
    std::vector<std::string> candidates;  // columns that do hold levels, the nearest name first
    for (std::size_t k = 1; k < data.columns.size(); ++k)
        if (std::all_of(data.cells.begin(), data.cells.end(), [&](const auto& row) { return is_level(row[k]); }) &&
            std::any_of(data.cells.begin(), data.cells.end(), [&](const auto& row) { return row[k].value.number.has_value(); }))
            candidates.push_back(data.columns[k]);
    return error_at(request.level_at,
                    "'levels' names column '" + request.level_column + "', which holds " + holds +
                        "; a level is a whole number: 0 = total row, 1 = normal row, 2 to " + std::to_string(kMaxRowLevel) +
                        " = indented one step more each",
                    candidates.empty() ? "add a column of levels to the data file and name it in 'levels'"
                                       : "did you mean '" + (closest_match(request.level_column, candidates).empty()
                                                                 ? candidates.front()
                                                                 : closest_match(request.level_column, candidates)) + "'?");
}

}  // namespace

Result<Table> build_table(const DataTableRequest& request, const DataCatalog& catalog) {
    const DataTable* data = catalog.table(request.data);
    if (!data) {
        // No `data` at all is reported where the request was read; a broken source where it broke.
        if (request.data.empty() || catalog.already_reported(request.data)) return Result<Table>::already_reported();
        return error_at(request.data_at, "unknown data source '" + request.data + "'", did_you_mean(request.data, catalog.table_names()));
    }
    Errors errors;
    bool complete = true;  // false also for a computed column whose error was reported before
    std::vector<int> rows, columns;
    if (request.rows.empty())
        for (std::size_t r = 0; r < data->row_ids.size(); ++r) rows.push_back(static_cast<int>(r));
    for (const auto& id : request.rows) {
        rows.push_back(data->row_index(id));
        if (rows.back() < 0)
            errors.push_back(error_at(request.rows_at, "data source '" + request.data + "' has no row '" + id + "'",
                                      data->row_hint(id)));
    }
    for (const auto& c : request.columns) {
        columns.push_back(data->column_index(c.column));
        complete = complete && columns.back() >= 0;
        if (columns.back() < 0 && !catalog.already_reported(request.data + ".*." + c.column))
            errors.push_back(error_at(request.columns_at, "data source '" + request.data + "' has no column '" + c.column + "'",
                                      did_you_mean(c.column, data->columns)));
    }
    if (rows.size() > kMaxTableRows)
        errors.push_back(error_at(request.rows.empty() ? request.data_at : request.rows_at,
                                  "this table would show " + std::to_string(rows.size()) + " rows; a table shows at most " +
                                      std::to_string(kMaxTableRows),
                                  "choose the rows with rows = [...], or summarise the data with computed values"));
    const int level_column = request.level_column.empty() ? -1 : data->column_index(request.level_column);
    if (!request.level_column.empty() && level_column < 0)
        errors.push_back(error_at(request.level_at, "data source '" + request.data + "' has no column '" + request.level_column + "'",
                                  did_you_mean(request.level_column, data->columns)));
    else if (level_column >= 0) check_levels(request, *data, level_column).collect(errors);
    if (!errors.empty() || !complete) return errors;

    Table table;
    table.id = request.id;
    table.caption = request.caption;
    table.label = request.label;
    table.notes = request.notes;
    table.source = request.source;
    if (table.source.empty() && data->notes.count("Kilde")) table.source = "Kilde: " + data->notes.at("Kilde");
    for (const auto& group_row : request.groups) {
        TableRow groups;
        for (const auto& [label, span] : group_row) groups.cells.push_back({{{label}}, Align::center, span});
        table.header.push_back(std::move(groups));
    }
    TableRow header;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto c = static_cast<std::size_t>(columns[i]);
        const bool numeric = !data->cells.empty() && !data->cells[0][c].is_text;
        const std::string label = request.columns[i].label.value_or(data->column_labels[c]);
        header.cells.push_back({{{label}}, numeric ? Align::right : Align::left});
    }
    table.header.push_back(std::move(header));
    for (const int r : rows) {
        const auto& cells = data->cells[static_cast<std::size_t>(r)];
        TableRow row;
        if (level_column >= 0) {
            row.level = level_of(cells[static_cast<std::size_t>(level_column)]);
            row.total = row.level == 0;
        }
        for (const int c : columns) {
            const auto& cell = cells[static_cast<std::size_t>(c)];
            TextRun run{cell.is_text ? cell.text : cell.value.format()};
            run.strong = row.total;
            row.cells.push_back({{run}, cell.is_text ? Align::left : Align::right, 1, cell.is_text ? "" : unit_name(cell.value.unit)});
        }
        table.body.push_back(std::move(row));
    }
    return table;
}

}  // namespace sats
