#pragma once
// A statistics cube as SSB publishes it: dimensions (region, statistikkvariabel, år, …), each
// with categories that have a code and a label, and one cell per combination of categories.
// JSON-stat files and PxWeb's CSV layouts are read into one; shape_dataset() turns it into the
// rows × columns of a data source, as the manifest's `rows`, `columns` and `select` ask.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "data/csv_reader.hpp"

namespace sats {

/// One category of a dimension, e.g. code `0301`, label `Oslo`.
struct DatasetCategory {
    std::string code;
    std::string label;
    std::optional<FileUnit> unit;  ///< JSON-stat `category.unit` (on the contents dimension)
    int line = 1, column = 1;      ///< where the file names it
};

/// A dimension: its id (`KOKkommuneregion0000`), its label (`region`) and its categories.
struct DatasetDimension {
    std::string id;
    std::string label;
    std::vector<DatasetCategory> categories;
};

/// A cube: `cells` holds one field per combination of categories, row-major over `dimensions`
/// in order (the last dimension varies fastest); a field's text is a number or a symbol.
struct Dataset {
    std::string file;
    std::string title;  ///< the dataset's label or the CSV's title line
    std::string source;
    std::vector<DatasetDimension> dimensions;
    std::vector<CsvField> cells;
    int time = -1;  ///< the time dimension (JSON-stat role.time), or -1
    int geo = -1;   ///< the region dimension (JSON-stat role.geo), or -1
};

/// At most this many cells (the product of the dimensions' sizes) in a dataset, checked before
/// any is made.
inline constexpr std::size_t kMaxDatasetCells = 1'000'000;

/// Whether two names are the same but for case (ASCII and Latin-1 letters: `Bærum`, `BÆRUM`).
bool same_name(const std::string& a, const std::string& b);

/// The dimension `name` names, by id or label, case-insensitively; -1 if none.
int find_dimension(const Dataset& dataset, const std::string& name);

/// The category `name` names: by code, by label or as "code label" (`3201 Bærum`), each
/// case-insensitively; -1 if none.
int find_category(const DatasetDimension& dimension, const std::string& name);

/// A hint listing choices known by a code and a label ("0301 (Oslo), 3201 (Bærum)"), the
/// closest to `name` first (a code with the same digits before all: `301` → `0301`): at most
/// `limit`, and how many more; introduced by `what` ("it has").
std::string closest_choices(const std::string& name, const std::vector<std::pair<std::string, std::string>>& choices,
                            std::size_t limit, const std::string& what);

/// "id (label)" for each dimension, the closest to `name` first, for an error's hint.
std::string dimension_choices(const Dataset& dataset, const std::string& name);

/// The categories of `dimension` as "code (label)", the closest to `name` first; at most
/// `limit` of them and how many more there are.
std::string category_choices(const DatasetDimension& dimension, const std::string& name, std::size_t limit = 6);

/// What a data source asks of a dataset: the manifest's `rows`, `columns` and `select` (one
/// category of each other dimension), each with where it was written. Empty rows or columns
/// choose: columns = the time dimension, rows = the region dimension or else the first other
/// dimension with more than one category.
struct DatasetChoice {
    std::string rows, columns;
    SourceLocation where;  ///< the data source
    SourceLocation rows_at, columns_at;
    struct Selection {
        std::string dimension, category;
        SourceLocation where;
    };
    std::vector<Selection> select;
};

/// The rows × columns the choice asks for, as a CSV file would hold them: an `id` column with the
/// row codes, a `navn` column with their labels (headed by the row dimension's label, `Region`),
/// and one column per category of the column
/// dimension (its code as id); the units the dataset gives per row, per column or for the whole
/// selection. Every dimension but rows and columns must be selected or have one category.
/// Problems go to `diagnostics` at the manifest key they concern, naming the valid choices; the
/// header is empty then.
CsvFile shape_dataset(const Dataset& dataset, const DatasetChoice& choice, Diagnostics& diagnostics);

}  // namespace sats
