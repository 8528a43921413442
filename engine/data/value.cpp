#include "data/value.hpp"

#include <charconv>
#include <cmath>
#include <utility>

#include "core/number_format.hpp"

namespace sats {

namespace {

/// Each unit and the name content gives it.
constexpr std::pair<const char*, Unit> kUnitNames[] = {
    {"tall", Unit::number}, {"kr", Unit::kr},           {"prosent", Unit::percent}, {"indeks", Unit::index},
    {"antall", Unit::count}, {"prosentpoeng", Unit::points}, {"år", Unit::year},      {"kode", Unit::code},
};

}  // namespace

std::optional<Unit> parse_unit(const std::string& name) {
    for (const auto& [written, unit] : kUnitNames)
        if (name == written) return unit;
    return std::nullopt;
}

std::string unit_name(Unit unit) {
    for (const auto& [written, u] : kUnitNames)
        if (u == unit) return written;
    return "tall";
}

Unit unit_from_name(const std::string& name) {
    if (const auto unit = parse_unit(name)) return *unit;
    std::string lower;
    for (const char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const auto has = [&](const char* word) { return lower.find(word) != std::string::npos; };
    if (has("prosentpoeng")) return Unit::points;
    if (has("prosent") || lower == "%") return Unit::percent;
    if (has("kr") || has("nok")) return Unit::kr;
    if (has("indeks")) return Unit::index;
    if (has("antall") || has("personer") || has("elever") || has("barn") || has("innbyggere")) return Unit::count;
    return Unit::number;
}

std::string symbol_list() {
    std::string list;
    const auto& symbols = table_symbols();
    for (std::size_t i = 0; i < symbols.size(); ++i)
        list += std::string(i == 0 ? "" : i + 1 == symbols.size() ? " or " : ", ") + symbols[i].mark;
    return list;
}

int default_decimals(Unit unit) {
    switch (unit) {
        case Unit::percent:
        case Unit::points:
        case Unit::number: return 1;
        default: return 0;
    }
}

std::string Value::format() const {
    if (!number) return missing_mark;
    switch (unit) {
        case Unit::year:
        case Unit::code: return format_code(*number);
        case Unit::percent: return format_percent(*number, decimals);
        default: return format_number(*number, decimals);
    }
}

int Value::shown_sign() const {
    if (!number) return 0;
    const double shown = round_half_away(*number, decimals);
    return shown > 0 ? 1 : shown < 0 ? -1 : 0;
}

Value Value::magnitude() const {
    Value v = *this;
    if (v.number) v.number = std::fabs(*v.number);
    return v;
}

const std::vector<TableSymbol>& table_symbols() {
    static const std::vector<TableSymbol> symbols{
        {".", "Tall kan ikke forekomme"},
        {"..", "Oppgave mangler"},
        {"...", "Oppgave mangler foreløpig"},
        {":", "Vises ikke av konfidensialitetshensyn"},
        {"-", "Null"},
    };
    return symbols;
}

const TableSymbol* table_symbol(std::string_view text) {
    const auto first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
    if (first == std::string_view::npos) return nullptr;
    text = text.substr(first, last - first + 1);
    for (const auto& symbol : table_symbols())
        if (text == symbol.mark) return &symbol;
    return nullptr;
}

bool is_missing_mark(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos || table_symbol(text) != nullptr;
}

std::optional<double> Value::amount() const {
    if (number) return number;
    if (missing_mark == kNilMark) return 0.0;
    return std::nullopt;
}

std::optional<double> parse_number(const std::string& raw, bool decimal_comma) {
    std::string digits;
    bool seen_decimal = false;
    std::size_t i = 0;
    // Trim ASCII spaces.
    std::size_t begin = raw.find_first_not_of(" \t"), end = raw.find_last_not_of(" \t");
    if (begin == std::string::npos) return std::nullopt;
    const std::string text = raw.substr(begin, end - begin + 1);
    if (text.compare(0, 3, "\u2212") == 0) {
        digits += '-';
        i = 3;
    } else if (text[0] == '-' || text[0] == '+') {
        if (text[0] == '-') digits += '-';
        i = 1;
    }
    bool any_digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            any_digit = true;
        } else if ((c == ',' && decimal_comma) || c == '.') {
            if (seen_decimal || !any_digit) return std::nullopt;
            seen_decimal = true;
            digits += '.';
        } else if (c == ' ' && any_digit && !seen_decimal) {
            continue;  // thousands separator
        } else if (text.compare(i, 2, "\u00A0") == 0 && any_digit && !seen_decimal) {
            ++i;  // no-break space as thousands separator
        } else {
            return std::nullopt;
        }
    }
    if (!any_digit || digits.back() == '.') return std::nullopt;
    double value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace sats
