#include "core/counter_format.hpp"

namespace sats {

bool is_counter_mark(char c) { return c == '1' || c == 'a' || c == 'A' || c == 'i' || c == 'I'; }

namespace {

std::string roman(int n, bool upper) {
    static constexpr struct {
        int value;
        const char* lower;
        const char* upper;
    } digits[] = {{1000, "m", "M"}, {900, "cm", "CM"}, {500, "d", "D"}, {400, "cd", "CD"}, {100, "c", "C"},
                  {90, "xc", "XC"}, {50, "l", "L"},   {40, "xl", "XL"}, {10, "x", "X"},   {9, "ix", "IX"},
                  {5, "v", "V"},    {4, "iv", "IV"},  {1, "i", "I"}};
    std::string out;
    for (const auto& d : digits)
        for (; n >= d.value; n -= d.value) out += upper ? d.upper : d.lower;
    return out;
}

std::string letters(int n, bool upper) {
    std::string out;
    for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
    return out;
}

}  // namespace

std::string counter_text(int n, char mark) {
    if (n <= 0 || mark == '1') return std::to_string(n);
    if ((mark == 'i' || mark == 'I') && n < 4000) return roman(n, mark == 'I');
    if (mark == 'a' || mark == 'A') return letters(n, mark == 'A');
    return std::to_string(n);
}

int counter_marks(const std::string& pattern) {
    int marks = 0;
    for (const char c : pattern) marks += is_counter_mark(c) ? 1 : 0;
    return marks;
}

std::string pattern_text(const std::string& pattern, const std::vector<int>& counters) {
    const int marks = counter_marks(pattern);
    int index = static_cast<int>(counters.size()) - marks;
    std::string out;
    for (const char c : pattern) {
        if (!is_counter_mark(c)) {
            out += c;
            continue;
        }
        out += counter_text(index >= 0 && index < static_cast<int>(counters.size()) ? counters[static_cast<std::size_t>(index)] : 0, c);
        ++index;
    }
    return out;
}

}  // namespace sats
