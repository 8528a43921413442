#pragma once
// Reading a TOML table strictly: typed getters that report wrong types with their location,
// and a final check that reports every key nobody asked for ("unknown key").

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.hpp"

namespace sats {

/// Parses TOML text; on a syntax error reports it at its line and column and returns nothing.
/// `line_offset` shifts reported lines (for TOML embedded in another file).
std::optional<toml::table> parse_toml(const std::string& text, const std::string& file, Diagnostics& diagnostics,
                                      int line_offset = 0);

/// The location of a TOML node in `file`, shifted by `line_offset` lines.
SourceLocation toml_location(const toml::source_region& region, const std::string& file, int line_offset = 0);

/// A strict view of one TOML table.
class TomlFields {
public:
    TomlFields(const toml::table& table, std::string file, Diagnostics& diagnostics, int line_offset = 0);

    /// A string value; reports an error if present with another type, or if `required` and absent.
    std::optional<std::string> string(const std::string& key, bool required = false);
    /// A whole number from `low` to `high`, with the same rules; one outside them is an error
    /// naming the range (never cut to fit).
    std::optional<int> integer(const std::string& key, int low, int high, bool required = false);
    /// A boolean value.
    std::optional<bool> boolean(const std::string& key);
    /// A string or an array of strings.
    std::vector<std::string> strings(const std::string& key);
    /// A sub-table, or nullptr if absent (error if another type).
    const toml::table* table(const std::string& key);
    /// A sub-table `[key.name]` with its name and where the name was written.
    struct NamedTable {
        std::string name;
        const toml::table* table;
        SourceLocation where;
    };
    /// The sub-tables of the table at `key`, in key order; entries that are not tables are
    /// reported as "'key.name' must be a table".
    std::vector<NamedTable> named_tables(const std::string& key);

    /// Any value, or nullptr if absent (for callers with their own type rules).
    const toml::node* node(const std::string& key);
    /// A number (integer or float), with the same rules as string().
    std::optional<double> number(const std::string& key);
    /// An array of tables (`[[key]]`), empty if absent.
    std::vector<const toml::table*> tables(const std::string& key);

    /// Where `key` was written (the table's own location if absent).
    SourceLocation location(const std::string& key) const;
    /// Where the table itself starts.
    SourceLocation location() const;
    /// Every key of the table, marking them all as known.
    std::vector<std::string> keys();

    /// Reports every key that no getter asked for.
    void reject_unknown_keys();

    const std::string& file() const { return file_; }
    Diagnostics& diagnostics() const { return diagnostics_; }
    int line_offset() const { return line_offset_; }

private:
    void wrong_type(const std::string& key, const std::string& expected);

    const toml::table& table_;
    std::string file_;
    Diagnostics& diagnostics_;
    int line_offset_;
    std::set<std::string> used_;
};

}  // namespace sats
