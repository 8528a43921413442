#pragma once
// CSV as SSB's statistics bank and PxWeb write it, read as a cube: stub columns (one per
// dimension, e.g. region, statistikkvariabel, år) on the left, value columns on the right. In the
// long layout one value column holds every value; in the wide layout each value column is a
// category of the heading (a year `2024`, or a contents code and a year `KOSbelop0000 2024`).

#include <optional>

#include "data/dataset.hpp"

namespace sats {

/// Whether `csv` is to be read as a cube rather than as a plain table whose first column is a
/// unique row id: the source names `rows`, `columns` or `select`; or a title line stands above
/// the header (SSB's downloads "med overskrift"); or every first cell is a code
/// and a label (`3201 Bærum`); or there are several stub columns and their values form every
/// combination once (the long layout, as SSB writes it).
bool pxweb_layout(const CsvFile& csv, const DatasetChoice& choice);

/// The cube of a CSV in PxWeb's layout. The stub columns are those `choice` names and every
/// column left of them or of the last column holding text; the rest hold values. A stub cell
/// `3201 Bærum` is category `3201` with label `Bærum` (when every cell of the column is so
/// written). Heading dimensions are named as SSB names them: `Tid` (år) when every heading is a
/// year, else `ContentsCode` (statistikkvariabel); headings of two parts (`KOSbelop0000 2024`)
/// give both. A combination given twice is an error at its line; nothing is returned then.
std::optional<Dataset> dataset_from_csv(const CsvFile& csv, const std::string& file, const DatasetChoice& choice,
                                        Diagnostics& diagnostics);

/// The table a data source takes from `csv`: `csv` itself, or in SSB's layout (pxweb_layout())
/// its cube shaped by `choice` (shape_dataset()), with the file's comments. An empty header if it
/// cannot be read so.
CsvFile csv_table(CsvFile csv, const std::string& file, const DatasetChoice& choice, Diagnostics& diagnostics);

}  // namespace sats
