#pragma once
// CSV as people export it from spreadsheets and SSB: UTF-8 (a BOM is skipped), comma or
// semicolon separated (decided by the header row), quoted fields, `#` comment lines at the top.

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

/// The raw rows of a CSV file; every row has as many fields as the header.
struct CsvFile {
    char separator = ';';
    std::vector<std::string> comments;  ///< leading "# ..." lines, without the "# "
    std::vector<CsvField> header;
    std::vector<std::vector<CsvField>> rows;
};

/// Splits `text` into rows and fields. Rows with the wrong number of fields, unclosed quotes
/// and an empty file are reported with their location; such rows are left out.
CsvFile read_csv(const std::string& text, const std::string& file, Diagnostics& diagnostics);

}  // namespace sats
