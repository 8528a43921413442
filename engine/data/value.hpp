#pragma once
// Typed values: a number with its unit and shown decimals, or a cell without an ordinary number
// marked with one of SSB's table symbols (`..`, `:`, `.`, `...`, `-`), or a blank cell. A symbol
// is never printed as 0 or as another symbol; a blank cell is printed as nothing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sats {

/// What a number measures; decides how it is written and its default decimals.
enum class Unit { number, kr, percent, index, count, points, year, code };

/// The unit named in content ("kr", "prosent", "indeks", "antall", "prosentpoeng", "år", "kode", "tall").
std::optional<Unit> parse_unit(const std::string& name);

/// The name content gives `unit` ("kr", "prosent", …); the inverse of parse_unit().
std::string unit_name(Unit unit);

/// The unit an SSB file names (JSON-stat `category.unit.base`: "kroner", "1000 kr", "prosent",
/// "prosentpoeng", "indeks", "personer", …), or any name parse_unit() knows; else a plain number.
Unit unit_from_name(const std::string& name);

/// SSB's symbols as a list for a message: "., .., ..., : or -".
std::string symbol_list();

/// Decimals shown when content does not say: 1 for percent, points and plain numbers, else 0.
int default_decimals(Unit unit);

/// One of SSB's standard symbols for a table cell without an ordinary number.
struct TableSymbol {
    const char* mark;     ///< as written: `..`
    const char* meaning;  ///< SSB's explanation in Norwegian, for the note under a chart
};

/// SSB's symbols for cells without a number ("Standardtegn i tabeller"), in SSB's order:
/// `.` cannot occur, `..` not available, `...` not yet available, `:` suppressed for
/// confidentiality, `-` nil.
const std::vector<TableSymbol>& table_symbols();

/// The symbol `text` is (spaces around it ignored), or nullptr. An empty cell is not a symbol.
const TableSymbol* table_symbol(std::string_view text);

/// The symbol for nil (`-`): a true zero that SSB prints as a dash; sums count it as 0.
inline constexpr std::string_view kNilMark = "-";

/// A number with its unit, or a cell marked with a symbol instead, or a blank cell.
struct Value {
    std::optional<double> number;
    std::string missing_mark = "..";  ///< SSB's symbol, shown when `number` is empty; "" = a blank cell
    Unit unit = Unit::number;
    int decimals = 0;

    /// The Norwegian text of the value: `6 040`, `5,4 %`, `−0,7`, `2024`, `..`, or "" if blank.
    std::string format() const;
    /// Whether the cell was left blank: no number and no symbol. Computed as missing.
    bool blank() const { return !number && missing_mark.empty(); }
    /// Sign of the value as shown (−1, 0, 1): 0,04 shown as "0,0" counts as 0. 0 if missing.
    int shown_sign() const;
    /// The same value with the sign dropped.
    Value magnitude() const;
    /// The number to compute with: the number, 0 for nil (`-`), else nothing.
    std::optional<double> amount() const;
};

/// Reads a number as people write them in data files: `6040`, `6 040`, `-0,7`, `5.4`, `−52,3`.
/// Returns nothing if `text` is not a number. `decimal_comma` allows `,` as decimal separator.
std::optional<double> parse_number(const std::string& text, bool decimal_comma = true);

/// Whether `text` is one of SSB's symbols (table_symbols()) or empty (a blank cell).
bool is_missing_mark(const std::string& text);

}  // namespace sats
