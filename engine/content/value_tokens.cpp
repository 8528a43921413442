#include "content/value_tokens.hpp"

#include <cctype>

namespace sats {

namespace {
constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001
}  // namespace

std::string value_token(std::size_t index) {
    return std::string(kOpen) + std::to_string(index) + std::string(kClose);
}

std::size_t skip_value_token(std::string_view text, std::size_t offset) {
    if (text.substr(offset, kOpen.size()) != kOpen) return offset;
    const std::size_t digits = offset + kOpen.size();
    std::size_t end = digits;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    return end > digits && text.substr(end, kClose.size()) == kClose ? end + kClose.size() : offset;
}

std::string expand_value_tokens(std::string_view text, const std::vector<std::string>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (true) {
        const auto open = text.find(kOpen, pos);
        if (open == std::string_view::npos) break;
        std::size_t digits = open + kOpen.size(), end = digits;
        while (end < text.size() && end - digits < 10 && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
        const bool token = end > digits && text.substr(end, kClose.size()) == kClose;
        const std::size_t index = token ? std::stoul(std::string(text.substr(digits, end - digits))) : values.size();
        if (index >= values.size()) {  // not a token of ours: keep the character
            out.append(text.substr(pos, digits - pos));
            pos = digits;
            continue;
        }
        out.append(text.substr(pos, open - pos));
        out += values[index];
        pos = end + kClose.size();
    }
    out.append(text.substr(pos));
    return out;
}

std::string one_line(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;  // CRLF is one break
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (u >= 0x20 && u != 0x7F) out += c;
    }
    return out;
}

}  // namespace sats
