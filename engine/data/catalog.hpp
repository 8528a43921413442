#pragma once
// All data of a content project, loaded, typed and computed: the tables with their computed
// columns, and the named values declared in the manifest. It answers the placeholders of the
// chapter templates.

#include <map>
#include <optional>
#include <set>
#include <string>

#include "content/manifest.hpp"
#include "content/template.hpp"
#include "core/environment.hpp"
#include "data/data_table.hpp"
#include "data/value_words.hpp"

namespace sats {

/// How long a chain of named values may be (a value computed from a value computed from …);
/// a longer chain is an error at the value where it passes the limit.
inline constexpr std::size_t kMaxValueChain = 100;

/// The loaded data of one report.
///
/// Placeholder names:
/// - `table.row.column` — a cell (`adm_tjenesteprofil.brutto_adm.baerum` → `6 040`);
/// - `name` — a computed value from `[values]`;
/// - either with a suffix: `.abs` (without sign), `.over` / `.under` / `.lik` (sign as shown),
///   `.okte` / `.falt` (aliases of over/under for changes), `.hoyest` / `.lavest` (for ranks),
///   and the words of ValueWords (`.over_under` → "over", `.abs_over_under` → "4,4 % over");
/// - `rapport.tittel`, `rapport.undertittel`, `rapport.kommune`, `rapport.aar`, and with a
///   `[kommuner]` list also `rapport.kommune_kort`, `rapport.kommune_id` and `rapport.nabo`.
///
/// With a `[kommuner]` list, the report is made for one of its municipalities (the subject):
/// the ids `kommune` and `nabo` (the subject's `nabo` column) stand for their row ids in
/// every data source (see DataTable::aliases).
class DataCatalog final : public PlaceholderResolver {
public:
    /// Loads every data source of `manifest`, computes declared columns and values; problems
    /// go to `diagnostics` with the place in the data file or manifest.
    /// `subject` chooses the municipality from `[kommuner]` ("" = its `standard`).
    static DataCatalog load(const Environment& env, const Manifest& manifest, Diagnostics& diagnostics,
                            const std::string& subject = "");

    /// A `rapport.*` field ("rapport.kommune" → "Bærum kommune"), or "" if unknown.
    std::string report_field(const std::string& name) const;

    /// The row ids of the `[kommuner]` list, in file order, but those in its `except` (empty
    /// without a list).
    std::vector<std::string> subject_ids() const;

    /// A data source by name, or nullptr.
    const DataTable* table(const std::string& name) const;

    /// A computed value by name, or a cell by `table.row.column`; nothing if unknown.
    std::optional<Value> value(const std::string& reference) const;

    /// Names of every data source.
    std::vector<std::string> table_names() const;

    std::optional<PlaceholderValue> resolve(const std::string& name) const override;
    std::string nearest(const std::string& name) const override;
    bool already_reported(const std::string& name) const override;

private:
    class Loader;

    std::map<std::string, DataTable> tables_;
    std::map<std::string, Value> values_;
    std::map<std::string, std::pair<bool, bool>> extremes_;  ///< rank values: (highest, lowest) in their group
    std::map<std::string, std::string> report_fields_;
    std::string subjects_;             ///< the data source of `[kommuner]`, if any
    std::vector<std::string> except_;  ///< rows of that source that are not municipalities
    /// Declared but failed (errors already reported): data sources, values, and computed
    /// columns as "table.*.column".
    std::set<std::string> broken_;
    ValueWords words_;  ///< the project's words for signed values
};

}  // namespace sats
