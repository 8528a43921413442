#include "core/text_file.hpp"

#include <cstdio>

#include "core/text_position.hpp"

namespace sats {

namespace {

/// The length of the well-formed UTF-8 sequence at the start of `rest`, or 0 if it is not one.
std::size_t sequence_length(std::string_view rest) {
    const auto lead = static_cast<unsigned char>(rest[0]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || length > rest.size()) return 0;
    return utf8_decode(rest.substr(0, length)).size() == 1 ? length : 0;
}

/// "U+0001" for a control character.
std::string code_point(unsigned char c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "U+%04X", c);
    return buffer;
}

}  // namespace

std::optional<std::string> checked_text(std::string_view bytes, const std::string& file, Diagnostics& diagnostics) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
        (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0'))) {
        diagnostics.error({file, 1, 1}, "the file is UTF-16; sats reads UTF-8", "save it as UTF-8 (Excel calls it «CSV UTF-8»)");
        return std::nullopt;
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string text;
    text.reserve(bytes.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\r' || c == '\n') {
            text += '\n';
            i += c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n' ? 2 : 1;
            ++line;
            column = 1;
            continue;
        }
        if (control_character(static_cast<char>(c))) {
            diagnostics.error({file, line, column}, "the control character " + code_point(c) + " has no place in text",
                              "remove it (it may come from a copy from another program)");
            return std::nullopt;
        }
        const auto length = sequence_length(bytes.substr(i));
        if (length == 0) {
            diagnostics.error({file, line, column}, "this is not UTF-8 text (a malformed byte sequence)", "save the file as UTF-8");
            return std::nullopt;
        }
        text.append(bytes.substr(i, length));
        i += length;
        ++column;
    }
    return text;
}

}  // namespace sats
