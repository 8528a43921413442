#include "core/number_format.hpp"

#include <cstdio>

#include <charconv>
#include <cmath>
#include <string_view>

namespace sats {

namespace {

/// Digits of |value| rounded to `decimals`, as "int" and "frac" parts (no sign, no separators).
struct RoundedDigits {
    std::string integer;
    std::string fraction;
    bool is_zero() const { return integer.find_first_not_of('0') == std::string::npos &&
                                  fraction.find_first_not_of('0') == std::string::npos; }
};

RoundedDigits round_digits(double magnitude, int decimals) {
    char buffer[400];
    // Shortest representation that reads back as the same double: "0.15", not "0.1499999...".
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::fixed);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    const auto dot = text.find('.');
    std::string integer(text.substr(0, dot));
    std::string fraction = dot == std::string_view::npos ? std::string() : std::string(text.substr(dot + 1));
    const auto keep = static_cast<std::size_t>(decimals);
    const bool round_up = fraction.size() > keep && fraction[keep] >= '5';
    fraction.resize(keep, '0');
    if (round_up) {
        std::string digits = integer + fraction;
        int i = static_cast<int>(digits.size()) - 1;
        while (i >= 0 && digits[static_cast<std::size_t>(i)] == '9') digits[static_cast<std::size_t>(i--)] = '0';
        if (i < 0) digits.insert(digits.begin(), '1');
        else ++digits[static_cast<std::size_t>(i)];
        integer = digits.substr(0, digits.size() - keep);
        fraction = digits.substr(digits.size() - keep);
    }
    return {integer, fraction};
}

std::string group_thousands(const std::string& integer) {
    std::string out;
    const std::size_t n = integer.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += kNoBreakSpace;
        out += integer[i];
    }
    return out;
}

}  // namespace

std::string format_number(double value, const NumberStyle& style) {
    if (std::isnan(value)) return "..";
    if (std::isinf(value)) return value > 0 ? "∞" : std::string(kMinusSign) + "∞";
    const int decimals = style.decimals < 0 ? 0 : style.decimals;
    const RoundedDigits digits = round_digits(std::fabs(value), decimals);
    std::string out;
    if (!digits.is_zero()) {
        if (value < 0) out += kMinusSign;
        else if (style.plus_sign) out += '+';
    }
    out += style.group ? group_thousands(digits.integer) : digits.integer;
    if (decimals > 0) out += ',' + digits.fraction;
    if (!style.suffix.empty()) out += kNoBreakSpace + style.suffix;
    return out;
}

std::string format_number(double value, int decimals) { NumberStyle style;
    style.decimals = decimals;
    return format_number(value, style); }

std::string format_percent(double value, int decimals) {
    return format_number(value, NumberStyle{decimals, true, false, "%"});
}

std::string format_code(double value) {
    NumberStyle style;
    style.group = false;
    return format_number(value, style);
}

double round_half_away(double value, int decimals) {
    if (!std::isfinite(value)) return value;
    const RoundedDigits digits = round_digits(std::fabs(value), decimals < 0 ? 0 : decimals);
    const std::string text = digits.integer + (digits.fraction.empty() ? "" : "." + digits.fraction);
    double magnitude = 0;
    std::from_chars(text.data(), text.data() + text.size(), magnitude);
    return value < 0 ? -magnitude : magnitude;
}

std::string format_date(const std::string& iso) {
    static const char* const months[] = {"januar", "februar", "mars",      "april",   "mai",      "juni",
                                         "juli",   "august",  "september", "oktober", "november", "desember"};
    int year = 0, month = 0, day = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12 ||
        day < 1 || day > 31)
        return iso;
    return std::to_string(day) + ". " + months[month - 1] + " " + std::to_string(year);
}

}  // namespace sats
