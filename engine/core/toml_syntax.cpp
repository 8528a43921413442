#include "core/toml_syntax.hpp"

#include <optional>
#include <vector>

namespace sats {

namespace {

/// Whether `c` may be part of a bare TOML key (`a-z A-Z 0-9 _ -`, and `.` between parts).
bool key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

bool before(LineColumn a, LineColumn b) { return a.line < b.line || (a.line == b.line && a.column < b.column); }

/// The lines of `text`, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// `line` without the spaces and tabs it starts with, and how many it had.
std::string_view trimmed(std::string_view line, int* indent = nullptr) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (indent) *indent = static_cast<int>(i);
    return line.substr(i);
}

/// The bare key a line starts with ("" if it starts otherwise).
std::string key_of(std::string_view line) {
    line = trimmed(line);
    std::size_t end = 0;
    while (end < line.size() && key_char(line[end])) ++end;
    return std::string(line.substr(0, end));
}

/// Whether `line` begins something new in TOML: `key =` or a `[table]` header.
bool starts_entry(std::string_view line) {
    line = trimmed(line);
    if (line.starts_with('[')) return true;
    const auto key = key_of(line);
    return !key.empty() && trimmed(line.substr(key.size())).starts_with('=');
}

/// What is open at a place in TOML text: the brackets and braces around it and the string it is in.
struct OpenAt {
    std::vector<std::pair<char, LineColumn>> brackets;  ///< '[' or '{' and where, outermost first
    std::optional<LineColumn> string;                    ///< the opening quote of the string it is in
};

/// Reads `text` up to `stop`, keeping track of strings, comments and brackets.
OpenAt open_at(std::string_view text, LineColumn stop) {
    OpenAt open;
    LineColumn at;
    std::string_view quote;  // the open string's delimiter: ", ', """ or '''
    bool comment = false;
    for (std::size_t i = 0; i < text.size() && before(at, stop);) {
        const char c = text[i];
        std::size_t step = 1;
        if (!quote.empty()) {
            if (c == '\\' && quote[0] == '"' && i + 1 < text.size() && text[i + 1] != '\n') step = 2;
            else if (text.substr(i).starts_with(quote)) {
                step = quote.size();
                quote = {};
                open.string.reset();
            } else if (c == '\n' && quote.size() == 1) {
                break;  // a one-line string that the line ends inside: it is open here
            }
        } else if (comment) {
            comment = c != '\n';
        } else if (c == '#') {
            comment = true;
        } else if (c == '"' || c == '\'') {
            const bool triple = text.substr(i, 3) == std::string(3, c);
            quote = triple ? text.substr(i, 3) : text.substr(i, 1);
            open.string = at;
            step = quote.size();
        } else if (c == '[' || c == '{') {
            open.brackets.push_back({c, at});
        } else if ((c == ']' || c == '}') && !open.brackets.empty()) {
            open.brackets.pop_back();
        }
        for (std::size_t k = i; k < i + step && k < text.size(); ++k) {
            if (text[k] == '\n') at = {at.line + 1, 1};
            else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++at.column;
        }
        i += step;
    }
    return open;
}

/// The quoted name at the end of toml++'s "cannot redefine existing table 'data.x'".
std::string redefined_name(std::string_view description) {
    const auto end = description.rfind('\'');
    const auto start = end == std::string_view::npos || end == 0 ? std::string_view::npos : description.rfind('\'', end - 1);
    return start == std::string_view::npos ? "" : std::string(description.substr(start + 1, end - start - 1));
}

/// The line (from 1) before `limit` where `name` (a key or a [table]) was first given, or 0.
int first_given(const std::vector<std::string_view>& lines, const std::string& name, int limit) {
    const auto last_part = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    for (int n = 1; n < limit && n <= static_cast<int>(lines.size()); ++n) {
        const auto line = trimmed(lines[static_cast<std::size_t>(n - 1)]);
        if (line.starts_with("[" + name + "]") || line.starts_with("[[" + name + "]]")) return n;
        const auto key = key_of(line);
        if ((key == name || key == last_part) && starts_entry(line)) return n;
    }
    return 0;
}

/// toml++'s own words, for the last-resort hint.
std::string raw(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.starts_with(prefix)) description.remove_prefix(prefix.size());
    return "the TOML reader says: " + std::string(description);
}

}  // namespace

TomlSyntaxError explain_toml_error(std::string_view text, LineColumn noticed, std::string_view description, int line_offset) {
    const auto lines = lines_of(text);
    const auto line_at = [&](int n) {
        return n >= 1 && n <= static_cast<int>(lines.size()) ? lines[static_cast<std::size_t>(n - 1)] : std::string_view{};
    };
    const auto contains = [&](std::string_view part) { return description.find(part) != std::string_view::npos; };
    const bool end_of_line = contains("saw '\\n'") || contains("end-of-file") || contains("control characters");
    const OpenAt open = open_at(text, noticed);
    int indent = 0;
    const std::string_view line = trimmed(line_at(noticed.line), &indent);
    const std::string key = key_of(line);
    const LineColumn key_at{noticed.line, indent + 1};

    if (open.string && (contains("string") || end_of_line))
        return {*open.string, "this text is not closed: its closing quote is missing",
                "end the text with the same quote on the same line, or use \"\"\" … \"\"\" for text over several lines"};
    if (!open.brackets.empty()) {
        const auto [bracket, where] = open.brackets.back();
        const bool next_entry = noticed.line > where.line && starts_entry(line_at(noticed.line)) &&
                                noticed.column <= indent + 1;
        if (bracket == '[' && (next_entry || contains("end-of-file")))
            return {where, "this list is not closed: ']' is missing", "end the list with ']' after its last item, e.g. [\"a\", \"b\"]"};
        if (bracket == '{' && (end_of_line || next_entry))
            return {where, "this inline table is not closed: '}' is missing",
                    "an inline table is written on one line, e.g. { label = \"Kommune\" }"};
        if (bracket == '[' && contains("expected comma"))
            return {noticed, "a comma is missing between two items of the list", "separate the items with commas, e.g. [\"2023\", \"2024\"]"};
    }
    if (contains("cannot redefine")) {
        const auto name = redefined_name(description);
        const int first = first_given(lines, name, noticed.line);
        const LineColumn at = contains("table header") ? LineColumn{noticed.line, indent + 1} : key_at;
        return {at, "'" + name + "' is given twice",
                first > 0 ? "it was first given on line " + std::to_string(first + line_offset) + "; keep one of them"
                          : "keep one of them"};
    }
    if (contains("expected '='") && key.size() < line.size() && static_cast<unsigned char>(line[key.size()]) >= 0x80) {
        std::size_t end = key.size();
        while (end < line.size() && line[end] != ' ' && line[end] != '=' && line[end] != '\t') ++end;
        const std::string written(line.substr(0, end));
        return {key_at, "the key '" + written + "' has letters outside a–z, so it must be in quotes",
                "write \"" + written + "\" = …, or the key sats knows by that name"};
    }
    if (contains("expected '='") && !key.empty()) {
        if (contains("saw '\\n'") || contains("end-of-file"))
            return {key_at, "the key '" + key + "' has no '=' and no value", "write " + key + " = \"…\""};
        return {noticed, "'=' is missing between the key '" + key + "' and its value", "write " + key + " = \"…\""};
    }
    if (contains("could not determine value type")) {
        auto value = std::string(trimmed(line.substr(std::min(line.size(), static_cast<std::size_t>(
                                                                   std::max(0, noticed.column - 1 - indent))))));
        return {noticed, "this value is neither text in quotes, a number, true/false nor a list",
                "text goes in quotes" + (key.empty() || value.empty() ? std::string() : ": " + key + " = \"" + value + "\"")};
    }
    if (contains("expected a comment or whitespace"))
        return {noticed, "something follows the value on this line", "write one key = value per line; a list is written [1, 2]"};
    return {noticed, "this line is not valid TOML", raw(description)};
}

}  // namespace sats
