#include "export/xml_check.hpp"

#include <cctype>
#include <vector>

#include "core/text_position.hpp"

namespace sats {

namespace {

/// Whether XML 1.0 allows code point `c` in a document.
bool allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/// Whether `reference` (between `&` and `;`) is a predefined entity or a character reference.
bool known_reference(std::string_view reference) {
    if (reference == "amp" || reference == "lt" || reference == "gt" || reference == "quot" || reference == "apos") return true;
    if (reference.size() < 2 || reference[0] != '#') return false;
    const bool hex = reference[1] == 'x';
    const auto digits = reference.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (const char c : digits)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || (hex && std::isxdigit(static_cast<unsigned char>(c))))) return false;
    return true;
}

std::string at(std::size_t offset, const std::string& what) { return "byte " + std::to_string(offset) + ": " + what; }

}  // namespace

std::optional<std::string> xml_problem(std::string_view xml) {
    const auto code_points = utf8_decode(xml);
    if (code_points.empty() && !xml.empty()) return "it is not valid UTF-8";
    for (std::size_t i = 0; i < code_points.size(); ++i)
        if (!allowed(code_points[i])) return "it holds the character U+" + std::to_string(code_points[i]) + ", which XML forbids";
    std::vector<std::string_view> open;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] == '&') {
            const auto end = xml.find(';', i);
            if (end == std::string_view::npos || !known_reference(xml.substr(i + 1, end - i - 1))) return at(i, "a bare '&'");
        } else if (xml[i] == '<') {
            const auto skip = [&](std::string_view opener, std::string_view closer) {
                if (xml.substr(i, opener.size()) != opener) return false;
                const auto end = xml.find(closer, i + opener.size());
                i = end == std::string_view::npos ? xml.size() : end + closer.size() - 1;
                return true;
            };
            if (skip("<?", "?>") || skip("<!--", "-->")) continue;
            char quote = 0;
            std::size_t end = i + 1;
            for (; end < xml.size() && (quote || xml[end] != '>'); ++end)
                if (xml[end] == '"' || xml[end] == '\'') quote = quote == xml[end] ? 0 : quote ? quote : xml[end];
                else if (!quote && xml[end] == '<') return at(end, "a '<' inside a tag");
            if (end >= xml.size()) return at(i, "a tag that is not closed");
            const bool closing = xml[i + 1] == '/', empty = xml[end - 1] == '/';
            const auto start = i + (closing ? 2 : 1);
            auto name_end = xml.find_first_of(" \t\r\n/>", start);
            const auto name = xml.substr(start, name_end - start);
            if (name.empty()) return at(i, "a tag without a name");
            if (closing) {
                if (open.empty() || open.back() != name) return at(i, "'</" + std::string(name) + ">' closes no open element of that name");
                open.pop_back();
            } else if (!empty) {
                open.push_back(name);
            }
            i = end;
        }
    }
    if (!open.empty()) return "the element '" + std::string(open.back()) + "' is not closed";
    return std::nullopt;
}

}  // namespace sats
