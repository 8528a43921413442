#include "layout/typography.hpp"

#include <algorithm>

#include <glib.h>

namespace sats {

namespace {

constexpr char32_t kNoBreakSpace = 0x00A0;
constexpr char32_t kWordJoiner = 0x2060;
constexpr char32_t kEnDash = 0x2013;
constexpr char32_t kEmDash = 0x2014;

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (const char* p = s.c_str(); *p; p = g_utf8_next_char(p)) out += static_cast<char32_t>(g_utf8_get_char(p));
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (const char32_t c : s) {
        char buffer[8];
        const int n = g_unichar_to_utf8(static_cast<gunichar>(c), buffer);
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_letter(char32_t c) { return g_unichar_isalpha(static_cast<gunichar>(c)); }
bool is_space(char32_t c) { return c == ' ' || c == '\n' || c == '\t'; }

/// «» for straight double quotes, by what stands before them.
void quotes(std::u32string& t, char32_t& before) {
    for (auto& c : t) {
        if (c == '"') {
            const bool opening = before == 0 || is_space(before) || before == '(' || before == '[' || before == kEnDash ||
                                 before == kNoBreakSpace;
            c = opening ? U'«' : U'»';
        }
        before = c;
    }
}

/// "---" → em dash, "--" and a lone " - " → en dash.
void dashes(std::u32string& t) {
    std::u32string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 3, U"---") == 0) {
            out += kEmDash;
            i += 2;
        } else if (t.compare(i, 2, U"--") == 0) {
            out += kEnDash;
            i += 1;
        } else if (t[i] == '-' && i > 0 && is_space(t[i - 1]) && i + 1 < t.size() && is_space(t[i + 1])) {
            out += kEnDash;
        } else {
            out += t[i];
        }
    }
    t = out;
}

/// Word joiners around a dash between digits (2024–2027), so no line breaks there.
void ranges(std::u32string& t) {
    std::u32string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == kEnDash && i > 0 && is_digit(t[i - 1]) && i + 1 < t.size() && is_digit(t[i + 1])) {
            out += kWordJoiner;
            out += kEnDash;
            out += kWordJoiner;
        } else {
            out += t[i];
        }
    }
    t = out;
}

/// No-break spaces between digit groups (6 040) and between a number and its unit.
void keep_numbers_together(std::u32string& t) {
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i] != ' ' || !is_digit(t[i - 1])) continue;
        // A group of exactly three digits after the space: a thousands separator.
        std::size_t digits = 0;
        while (i + 1 + digits < t.size() && is_digit(t[i + 1 + digits])) ++digits;
        if (digits == 3 && (i + 4 >= t.size() || !is_letter(t[i + 4]))) {
            t[i] = kNoBreakSpace;
            continue;
        }
        for (const auto& unit : units_kept_with_numbers()) {
            const std::size_t end = i + 1 + unit.size();
            if (t.compare(i + 1, unit.size(), unit) == 0 && (end >= t.size() || !is_letter(t[end]))) {
                t[i] = kNoBreakSpace;
                break;
            }
        }
    }
}

/// Soft hyphens in every word of letters that may be hyphenated.
std::u32string hyphenate(const std::u32string& t, const Hyphenator& hyphenator) {
    std::u32string out;
    std::size_t i = 0;
    while (i < t.size()) {
        if (!is_letter(t[i])) {
            out += t[i++];
            continue;
        }
        std::size_t end = i;
        while (end < t.size() && is_letter(t[end])) ++end;
        const std::u32string word = t.substr(i, end - i);
        const bool next_to_digit = (i > 0 && is_digit(t[i - 1])) || (end < t.size() && is_digit(t[end]));
        const bool capitals = std::all_of(word.begin(), word.end(), [](char32_t c) { return g_unichar_isupper(c); });
        if (next_to_digit || capitals) out += word;
        else out += decode(hyphenator.hyphenate(encode(word)));
        i = end;
    }
    return out;
}

}  // namespace

const std::vector<std::u32string>& units_kept_with_numbers() {
    static const std::vector<std::u32string> units{U"%",   U"kr",       U"kroner",       U"prosent", U"prosentpoeng",
                                                   U"pp",  U"mill.",    U"mrd.",         U"år",      U"m²",
                                                   U"kvm", U"indekspoeng"};
    return units;
}

Inlines apply_typography(const Inlines& runs, const Hyphenator* hyphenator) {
    // Runs of the same style are one text here (a line break in the source splits them), so
    // the rules see "12 345" and "kr" together.
    Inlines out;
    for (const auto& run : runs) {
        if (!out.empty()) {
            auto& last = out.back();
            if (last.emphasis == run.emphasis && last.strong == run.strong && last.code == run.code &&
                last.superscript == run.superscript && last.link == run.link && last.lang == run.lang) {
                last.text += run.text;
                continue;
            }
        }
        out.push_back(run);
    }
    char32_t before = 0;
    for (auto& run : out) {
        if (run.code) {
            before = 0;
            continue;
        }
        std::u32string t = decode(run.text);
        quotes(t, before);
        dashes(t);
        ranges(t);
        keep_numbers_together(t);
        // Norwegian patterns only for Norwegian text: not for links or spans in other languages.
        const bool norwegian = run.lang.empty() || run.lang.rfind("nb", 0) == 0 || run.lang.rfind("nn", 0) == 0 ||
                               run.lang.rfind("no", 0) == 0;
        if (hyphenator && run.link.empty() && norwegian) t = hyphenate(t, *hyphenator);
        run.text = encode(t);
    }
    return out;
}

}  // namespace sats
