#pragma once
// Norwegian number formatting, the one module every stage uses for numbers:
// `6 040` (no-break space between thousands), decimal comma, `5,4 %`, real minus `−52,3`,
// rounding half away from zero on the decimal value as written, years and codes never grouped.

#include <string>

namespace sats {

/// U+00A0 NO-BREAK SPACE, the thousands separator and the space before `%`.
inline constexpr const char* kNoBreakSpace = "\u00A0";
/// U+2212 MINUS SIGN.
inline constexpr const char* kMinusSign = "\u2212";

/// How a number is written.
struct NumberStyle {
    int decimals = 0;       ///< digits after the decimal comma
    bool group = true;      ///< thousands separators (off for years and codes)
    bool plus_sign = false; ///< write `+` before positive numbers (for changes)
    std::string suffix;     ///< e.g. "%" or "kr", appended after a no-break space
};

/// Formats `value` the Norwegian way, e.g. format_number(-52.25, {1}) == "−52,3".
std::string format_number(double value, const NumberStyle& style);

/// Shorthand for a grouped number with `decimals` decimals.
std::string format_number(double value, int decimals = 0);

/// Shorthand for a percentage: format_percent(5.44, 1) == "5,4 %".
std::string format_percent(double value, int decimals = 1);

/// A year or code: never grouped, no decimals ("2024", "120").
std::string format_code(double value);

/// Rounds half away from zero at `decimals` decimals, on the shortest decimal representation
/// of `value` (so 0.15 rounds to 0.2, as a reader would expect).
double round_half_away(double value, int decimals);

/// An ISO date ("2026-11-24", or a date-time starting so) as Norwegian writes it:
/// "24. november 2026". Text that does not start with a date is returned as it is.
std::string format_date(const std::string& iso);

}  // namespace sats
