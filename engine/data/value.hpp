#pragma once
// Typed values: a number with its unit and shown decimals, or a missing value written as SSB
// writes it (`..`, `:`, `.`). A missing value is never printed as 0.

#include <optional>
#include <string>

namespace sats {

/// What a number measures; decides how it is written and its default decimals.
enum class Unit { number, kr, percent, index, count, points, year, code };

/// The unit named in content ("kr", "prosent", "indeks", "antall", "prosentpoeng", "år", "kode", "tall").
std::optional<Unit> parse_unit(const std::string& name);

/// Decimals shown when content does not say: 1 for percent, points and plain numbers, else 0.
int default_decimals(Unit unit);

/// A number with its unit, or a missing value.
struct Value {
    std::optional<double> number;
    std::string missing_mark = "..";  ///< SSB's symbol, shown when `number` is empty
    Unit unit = Unit::number;
    int decimals = 0;

    /// The Norwegian text of the value: `6 040`, `5,4 %`, `−0,7`, `2024`, or `..`.
    std::string format() const;
    /// Sign of the value as shown (−1, 0, 1): 0,04 shown as "0,0" counts as 0. 0 if missing.
    int shown_sign() const;
    /// The same value with the sign dropped.
    Value magnitude() const;
};

/// Reads a number as people write them in data files: `6040`, `6 040`, `-0,7`, `5.4`, `−52,3`.
/// Returns nothing if `text` is not a number. `decimal_comma` allows `,` as decimal separator.
std::optional<double> parse_number(const std::string& text, bool decimal_comma = true);

/// Whether `text` is one of SSB's symbols for a missing value (`..`, `:`, `.`, or empty).
bool is_missing_mark(const std::string& text);

}  // namespace sats
