#include "core/text_position.hpp"

namespace sats {

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    LineColumn lc;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            line_start = i + 1;
        }
    }
    const std::size_t end = offset < text.size() ? offset : text.size();
    lc.column = static_cast<int>(utf8_length(text.substr(line_start, end - line_start))) + 1;
    return lc;
}

}  // namespace sats
