#pragma once
// A loaded data source: rows with ids, columns with ids, each cell text or a typed value,
// and each cell's place in the file for diagnostics.

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "data/value.hpp"

namespace sats {

/// One cell: text (for label columns) or a value.
struct DataCell {
    bool is_text = false;
    std::string text;
    Value value;
    SourceLocation where;
};

/// A data source as rows × columns; column 0 holds the row ids.
struct DataTable {
    std::string name;                          ///< as content refers to it
    std::string file;                          ///< path for diagnostics
    std::map<std::string, std::string> notes;  ///< header comments, e.g. "Kilde" -> "ssb.no"
    std::vector<std::string> columns;          ///< column ids; columns[0] is the id column
    std::vector<std::string> column_labels;    ///< headings to show (default: the id)
    std::vector<std::string> row_ids;
    std::vector<std::string> row_labels;       ///< each row's `navn` ("" without one)
    std::size_t read_columns = 0;              ///< columns read from the file; computed ones follow
    std::vector<std::vector<DataCell>> cells;  ///< cells[row][column]
    /// Ids that stand for others in a report made for one municipality, e.g. `kommune` →
    /// `asker`. An alias may be a whole row or column id or one `_`-separated part of one:
    /// with it, `kommune_2024` finds the column `asker_2024`. Exact ids win.
    std::map<std::string, std::string> aliases;

    /// `id` with every alias part replaced (`andel_kommune_2024` → `andel_asker_2024`).
    std::string resolve(const std::string& id) const;

    /// Index of a column id (exact, else through the aliases), or -1.
    int column_index(const std::string& id) const;
    /// Index of a row: by its id (exact, else through the aliases), else by id or label without
    /// regard to case, or as "id label" (`0301`, `Oslo`, `0301 Oslo`); -1 if none.
    int row_index(const std::string& id) const;
    /// The hint for a row that is not there: the closest row ids, a code with the same digits
    /// first (`301` → `0301`), each with its label.
    std::string row_hint(const std::string& id) const;

    /// The cell at (row id, column id), or nullptr.
    const DataCell* cell(const std::string& row, const std::string& column) const;

    /// Adds a column of values (one per row) and returns its index.
    int add_column(const std::string& id, const std::string& label, std::vector<Value> values,
                   const SourceLocation& where);
};

}  // namespace sats
