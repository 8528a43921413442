#include "core/text_file.hpp"

#include <cstdio>
#include <string>

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

/// The code points of Windows-1252's bytes 0x80–0x9F (0 where the encoding has none).
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// The code point of Windows-1252 byte `c`, or 0 if the encoding has none for it.
char32_t windows1252(unsigned char c) { return c >= 0x80 && c < 0xA0 ? kWindows1252High[c - 0x80] : c; }

/// Where `bytes` stops being UTF-8, and whether it holds any well-formed multi-byte sequence.
struct Utf8Scan {
    std::size_t first_bad = std::string_view::npos;  ///< the first byte that starts no well-formed sequence
    bool multi_byte = false;                          ///< a letter such as æ written as UTF-8
};

/// Scans `bytes` as UTF-8.
Utf8Scan scan_utf8(std::string_view bytes) {
    Utf8Scan scan;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto length = sequence_length(bytes.substr(i));
        if (length == 0 && scan.first_bad == std::string_view::npos) scan.first_bad = i;
        scan.multi_byte = scan.multi_byte || length > 1;
        i += length == 0 ? 1 : length;
    }
    return scan;
}

/// The line and column of byte `offset` in `bytes`, counting CR, LF and CRLF as line ends, and
/// as columns UTF-8 characters (`utf8`) or bytes (a one-byte encoding).
SourceLocation byte_location(std::string_view bytes, std::size_t offset, const std::string& file, bool utf8) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (bytes[i] == '\r' && i + 1 < offset && bytes[i + 1] == '\n') continue;
        if (bytes[i] == '\n' || bytes[i] == '\r') ++line, column = 1;
        else if (!utf8 || (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) ++column;
    }
    return {file, line, column};
}

/// UTF-16 text after its byte-order mark (`little` endian or not) as UTF-8, or nothing if it
/// is damaged (an odd length, a lone surrogate).
std::optional<std::string> from_utf16(std::string_view bytes, bool little) {
    if (bytes.size() % 2) return std::nullopt;
    std::string out;
    const auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char32_t>(little ? a | (b << 8) : (a << 8) | b);
    };
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xDC00 && c <= 0xDFFF) return std::nullopt;
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 3 >= bytes.size()) return std::nullopt;
            const char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        out += utf8_encode(c);
    }
    return out;
}

}  // namespace

std::optional<TextEncoding> parse_text_encoding(const std::string& name) {
    if (name == "utf-8") return TextEncoding::utf8;
    // Latin-1's labels name Windows-1252 too, as in browsers (WHATWG): files labelled Latin-1
    // are Windows-1252 in practice, and the two agree on every letter.
    if (name == "windows-1252" || name == "cp1252" || name == "latin-1" || name == "latin1" || name == "iso-8859-1")
        return TextEncoding::windows1252;
    return std::nullopt;
}

std::vector<std::string> text_encoding_names() { return {"utf-8", "windows-1252"}; }

std::optional<std::string> decoded_text(std::string_view bytes, const std::string& file, TextEncoding encoding,
                                        Diagnostics& diagnostics) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const auto text = from_utf16(bytes.substr(2), bytes[0] == '\xFF');
        if (!text) {
            diagnostics.error({file, 1, 1}, "the file is damaged UTF-16 text (an odd number of bytes or a lone surrogate)",
                              "save it again, as UTF-8 if you can");
            return std::nullopt;
        }
        return checked_text(*text, file, diagnostics);
    }
    // Recognised only when no letter is written as UTF-8: a file with some UTF-8 letters and a
    // bad byte is damaged UTF-8 (cut off, overlong), reported at the bad byte.
    const auto scan = scan_utf8(bytes);
    const std::size_t bad = scan.first_bad;
    const bool as_windows1252 = encoding == TextEncoding::windows1252 ||
                                (encoding == TextEncoding::automatic && bad != std::string_view::npos && !scan.multi_byte);
    if (!as_windows1252) return checked_text(bytes, file, diagnostics);
    std::string text;
    text.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (windows1252(c) == 0 && c != 0) {
            const std::string hex = "0123456789ABCDEF";
            diagnostics.error(byte_location(bytes, i, file, false),
                              std::string("this is neither UTF-8 nor Windows-1252 text (the byte 0x") + hex[c >> 4] + hex[c & 15] + ")",
                              "save the file as UTF-8");
            return std::nullopt;
        }
        text += utf8_encode(windows1252(c));
    }
    if (encoding == TextEncoding::automatic)
        diagnostics.note(byte_location(bytes, bad, file, true), "read as Windows-1252 text: the file is not UTF-8 from here on",
                         "write encoding = \"windows-1252\" in its data source to say so, or save it as UTF-8");
    return checked_text(text, file, diagnostics);
}

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
