#pragma once
// The content project's manifest, `report.toml`: report metadata, ordered chapter files,
// data sources with their computed columns, and computed values for the text.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/compute_op.hpp"
#include "content/page_settings.hpp"
#include "content/word_settings.hpp"
#include "core/diagnostics.hpp"
#include "core/environment.hpp"
#include "core/text_file.hpp"

namespace sats {

/// A computation declared in content: a computed column of a data source, or a named value.
/// Operands are references: "table.row.column" for values, a column id for computed columns.
struct ComputeSpec {
    std::string name;                 ///< column id or value name
    std::optional<ComputeOp> op;      ///< nothing if `op` or another key is missing or wrong (reported where read)
    std::vector<std::string> of;      ///< operand(s); a "*" in a reference means every row/column
    std::string ref;                  ///< reference operand (pct_diff, index, diff, growth, count_over)
    std::string total_row;            ///< share: the row holding the total
    std::string deflator;             ///< deflate: "table.row" holding yearly price growth in percent
    int from_year = 0;                ///< deflate: the year the value is in
    int to_year = 0;                  ///< deflate: the year to express it in
    bool ascending = false;           ///< rank: 1 = lowest instead of highest
    bool skip_missing = false;        ///< sum, min, max, mean: leave out operands without a number
    std::optional<int> decimals;      ///< digits shown; default from the result's unit
    std::string label;                ///< column heading / human name
    SourceLocation where;             ///< where it was declared
    /// Where each key was written (the declaration if it was not).
    SourceLocation name_at, op_at, of_at, ref_at, total_row_at, deflator_at;
};

/// Overrides for one column of a data source.
struct ColumnSpec {
    std::string unit;
    std::optional<int> decimals;
    std::string label;
    SourceLocation where;
};

/// One dimension of a data source's SSB query (`query = { Tid = ["2023", "2024"] }`): codes,
/// `"*"`, PxWebApi selection expressions such as `"top(3)"`, or `"alle"` (every municipality).
struct QueryDimension {
    std::string dimension;            ///< the dimension's id in the SSB table
    std::vector<std::string> values;  ///< as written
    SourceLocation where;
};

/// One entry of a data source's `select`: a category of a dimension the source takes alone.
struct SelectSpec {
    std::string dimension;
    std::string category;
    SourceLocation where;
};

/// The most decimals a number may be shown with.
inline constexpr int kMaxDecimals = 6;

/// One data file of the project (CSV or SSB JSON-stat 2.0).
struct DataSourceSpec {
    std::string name;                            ///< how content refers to it
    std::string file;                            ///< path relative to the project
    std::string unit = "tall";                   ///< default unit of numeric columns
    std::optional<int> decimals;                 ///< default decimals of numeric columns
    std::string unit_column;                     ///< optional column giving each row's unit
    std::string decimals_column;                 ///< optional column giving each row's decimals
    std::vector<std::string> text_columns;       ///< columns holding text (default: navn)
    std::map<std::string, ColumnSpec> columns;   ///< per-column overrides
    std::string row_dimension;                   ///< SSB data: dimension that becomes rows (id or label)
    std::string column_dimension;                ///< SSB data: dimension that becomes columns
    std::vector<SelectSpec> select;              ///< SSB data: one category of each other dimension
    TextEncoding encoding = TextEncoding::automatic;  ///< `encoding =`; automatic recognises Windows-1252
    std::vector<ComputeSpec> computed;           ///< computed columns, in order
    std::string table;                           ///< SSB table `sats data fetch` writes `file` from ("" = none)
    std::vector<QueryDimension> query;           ///< with `table`: what to fetch, in the order written
    SourceLocation where;
    SourceLocation file_at, unit_column_at, decimals_column_at, text_columns_at;  ///< where those keys were written
    SourceLocation rows_at, columns_at;
    SourceLocation table_at, query_at;
};

/// A chapter file in reading order, and its own running texts (`{ file = "…", header = {…} }`).
struct ChapterRef {
    std::string file;
    SourceLocation where;
    RunningTexts header, footer;
};

/// Everything `report.toml` declares.
/// `[kommuner]`: the municipalities a report can be made for (`sats build --for`). The data
/// source lists them by row id with a `navn` column (and optionally `kortnavn`, `nabo`).
struct SubjectsSpec {
    std::string data;                 ///< the data source that lists the municipalities ("" = no batch)
    std::string standard;             ///< the row id the report is made for without --for
    std::vector<std::string> except;  ///< rows of the list that are not municipalities (`EAK`, Landet)
    SourceLocation data_at, standard_at;
};

struct Manifest {
    std::filesystem::path root;      ///< the project folder
    std::string path;                ///< the manifest's path as shown in diagnostics
    std::string title;
    std::string subtitle;
    std::string municipality;
    int year = 0;
    std::string language = "nb";
    std::string layout = "kommune";
    SourceLocation layout_at;        ///< where `layout` was written (the manifest if not)
    std::string date;                ///< publication date, YYYY-MM-DD (also pins the PDF date)
    std::vector<std::string> keywords;  ///< PDF metadata
    std::string logo;                ///< PNG shown on the cover, relative to the project
    SourceLocation logo_at;          ///< where `logo` was written
    std::vector<ChapterRef> chapters;
    PageSettings pages;              ///< running header and footer, contents page, caption words
    std::vector<DataSourceSpec> data;
    std::vector<ComputeSpec> values;
    SubjectsSpec subjects;
    WordSettings words;              ///< `[words]`: threshold for "equal" and own words
};

/// Reads and checks `<project>/report.toml`; problems go to `diagnostics`.
std::optional<Manifest> load_manifest(const Environment& env, const std::filesystem::path& project,
                                      Diagnostics& diagnostics);

/// The units a value may have, as written in content (kr, prosent, indeks, antall, ...).
const std::vector<std::string>& known_units();

}  // namespace sats
