#pragma once
// CSV as people export it from spreadsheets and SSB: UTF-8 (a BOM is skipped), separated by
// semicolons, tabs or commas (decided by the header row), quoted fields, `#` comment lines at
// the top, and title lines above the header as SSB's downloads "med overskrift" have them.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sats {

/// A field and where it starts.
struct CsvField {
    std::string text;
    int line = 0;
    int column = 0;
};

/// The unit a file gives its values (JSON-stat's `category.unit`): a name such as "kroner" or
/// "prosent", and the decimals SSB shows.
struct FileUnit {
    std::string base;
    std::optional<int> decimals;
};

/// The raw rows of a CSV file; every row has as many fields as the header.
struct CsvFile {
    char separator = ';';
    std::vector<std::string> comments;  ///< leading "# ..." lines, without the "# "
    std::string title;                  ///< a title line above the header, if any
    std::vector<CsvField> header;
    std::vector<std::string> column_labels;  ///< headings to show per header column (empty: the header's text)
    std::vector<std::vector<CsvField>> rows;
    /// Units the file gives, per header column or per row (empty, or one per column or row).
    std::vector<std::optional<FileUnit>> column_units, row_units;
};

/// Splits `text` into rows and fields. Rows with the wrong number of fields, unclosed quotes
/// and an empty file are reported with their location; such rows are left out.
CsvFile read_csv(const std::string& text, const std::string& file, Diagnostics& diagnostics);

}  // namespace sats
