#include "export/content_scanner.hpp"

#include <cstring>

namespace sats {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0'; }
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

/// Whether a regular token is an operand (a number or a keyword value) rather than an operator.
bool is_operand(std::string_view token) {
    const char c = token.front();
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || token == "true" || token == "false" ||
           token == "null";
}

/// The end of the literal string starting at `i` (on its "(").
std::size_t skip_string(std::string_view s, std::size_t i) {
    int depth = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++depth;
        else if (s[i] == ')' && --depth == 0) return i + 1;
    }
    return s.size();
}

/// The end of an inline image whose "BI" ends at `i`: after the "EI" that follows its data.
std::size_t skip_inline_image(std::string_view s, std::size_t i) {
    std::size_t id = s.find("ID", i);
    while (id != std::string_view::npos && !(is_space(s[id - 1]) && (id + 2 >= s.size() || is_space(s[id + 2]))))
        id = s.find("ID", id + 2);
    if (id == std::string_view::npos) return s.size();
    for (std::size_t ei = s.find("EI", id + 3); ei != std::string_view::npos; ei = s.find("EI", ei + 2))
        if (is_space(s[ei - 1]) && (ei + 2 >= s.size() || is_space(s[ei + 2]))) return ei + 2;
    return s.size();
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

void scan_operators(std::string_view s, const std::function<void(const ContentOperator&)>& on_operator) {
    std::size_t start = 0;  // where the current operator's operands begin
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
        } else if (c == '%') {
            while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
        } else if (c == '(') {
            i = skip_string(s, i);
        } else if (c == '<' && i + 1 < s.size() && s[i + 1] != '<') {
            const auto end = s.find('>', i);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else if ((c == '<' || c == '>') && i + 1 < s.size() && s[i + 1] == c) {
            i += 2;
        } else if (c == '/') {
            for (++i; i < s.size() && is_regular(s[i]);) ++i;
        } else if (is_delimiter(c)) {
            ++i;
        } else {
            const std::size_t token_start = i;
            while (i < s.size() && is_regular(s[i])) ++i;
            const std::string_view token = s.substr(token_start, i - token_start);
            if (is_operand(token)) continue;
            if (token == "BI") i = skip_inline_image(s, i);
            const std::string_view operands = token == "BI" ? std::string_view{} : trimmed(s.substr(start, token_start - start));
            const std::string_view text = trimmed(s.substr(start, i - start));
            on_operator({token, operands, text});
            start = i;
        }
    }
}

}  // namespace sats
