// Reading a file as text: every line end counts a line, and malformed text is reported at
// the line and column of its first bad byte.
#include <gtest/gtest.h>

#include "core/text_file.hpp"

namespace sats {
namespace {

TEST(TextFile, EveryKindOfLineEndIsOneLineEnd) {
    Diagnostics d;
    EXPECT_EQ("a\nb\nc\n\nd", checked_text("\xEF\xBB\xBF" "a\r\nb\rc\n\r\nd", "k.md", d));
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ("Bærum\tkommune", checked_text("Bærum\tkommune", "k.md", d));
}

TEST(TextFile, MalformedTextIsReportedAtItsFirstBadByte) {
    struct Case {
        std::string bytes;
        int line, column;
        std::string message;
    };
    const std::vector<Case> cases{
        {"Første\rAndre \x01 linje", 2, 7, "the control character U+0001 has no place in text"},
        {"a\r\nb\r\nc\x7F", 3, 2, "the control character U+007F has no place in text"},
        {"Bærum\n\xE6rlig", 2, 1, "this is not UTF-8 text (a malformed byte sequence)"},           // Latin-1 æ
        {"ok\nSlash \xC0\xAF here", 2, 7, "this is not UTF-8 text (a malformed byte sequence)"},    // overlong '/'
        {"ok\nøl \xED\xA0\x80", 2, 4, "this is not UTF-8 text (a malformed byte sequence)"},       // a surrogate
        {"ok\nslutt \xE2\x82", 2, 7, "this is not UTF-8 text (a malformed byte sequence)"},        // cut short
        {std::string("\xFF\xFE#\0 \0", 6), 1, 1, "the file is UTF-16; sats reads UTF-8"},
        {std::string("#\0 \0K\0", 6), 1, 1, "the file is UTF-16; sats reads UTF-8"},
    };
    for (const auto& c : cases) {
        Diagnostics d;
        EXPECT_FALSE(checked_text(c.bytes, "k.md", d)) << c.message;
        ASSERT_EQ(1u, d.all().size());
        EXPECT_EQ(c.message, d.all()[0].message);
        EXPECT_EQ(c.line, d.all()[0].where.line) << c.message;
        EXPECT_EQ(c.column, d.all()[0].where.column) << c.message;
    }
}

/// `text` (ASCII and Latin-1 letters) as UTF-16 with a byte-order mark.
std::string utf16(const std::u16string& text, bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    for (const char16_t c : text) {
        const char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
        out += little ? std::string{low, high} : std::string{high, low};
    }
    return out;
}

TEST(DataFileText, Utf16WithAByteOrderMarkIsReadInBothByteOrders) {
    for (const bool little : {true, false}) {
        Diagnostics d;
        const auto text = decoded_text(utf16(u"id;navn\r\n0301;Oslo\r\n3201;B\u00e6rum \U0001F600\r\n", little), "t.csv",
                                       TextEncoding::automatic, d);
        ASSERT_TRUE(text) << little;
        EXPECT_EQ("id;navn\n0301;Oslo\n3201;Bærum \U0001F600\n", *text);
        EXPECT_TRUE(d.all().empty());
    }
    Diagnostics d;
    EXPECT_FALSE(decoded_text(utf16(std::u16string{u'a', char16_t{0xD800}, u'b'}, true), "t.csv", TextEncoding::automatic, d));  // a lone surrogate
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("t.csv:1:1: error: the file is damaged UTF-16 text (an odd number of bytes or a lone surrogate)", d.all()[0].headline());
}

TEST(DataFileText, Windows1252IsRecognisedWithANoteWhereTheFileStopsBeingUtf8) {
    // "B\xE6rum" is Windows-1252's æ; "\x96" its en dash, "\x80" its euro sign.
    const std::string bytes = "id;navn;2024\r\n0301;Oslo;1\r\n3201;B\xE6rum \x96 \x80;2\r\n";
    Diagnostics d;
    EXPECT_EQ("id;navn;2024\n0301;Oslo;1\n3201;Bærum \u2013 \u20AC;2\n", decoded_text(bytes, "t.csv", TextEncoding::automatic, d));
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(Severity::note, d.all()[0].severity);
    EXPECT_EQ("t.csv:3:7: note: read as Windows-1252 text: the file is not UTF-8 from here on", d.all()[0].headline());
    EXPECT_FALSE(d.has_errors());

    Diagnostics declared;
    EXPECT_EQ("Bærum", decoded_text("B\xE6rum", "t.csv", TextEncoding::windows1252, declared));
    EXPECT_TRUE(declared.all().empty()) << "no note when the source says so";

    Diagnostics utf8_only;
    EXPECT_FALSE(decoded_text("ok\nB\xE6rum", "t.csv", TextEncoding::utf8, utf8_only));
    ASSERT_EQ(1u, utf8_only.all().size());
    EXPECT_EQ("t.csv:2:2: error: this is not UTF-8 text (a malformed byte sequence)", utf8_only.all()[0].headline());
}

TEST(DataFileText, AByteInNeitherEncodingIsAnErrorAtItsPlace) {
    Diagnostics d;
    EXPECT_FALSE(decoded_text("id;navn\r\n3201;B\xE6r\x81m\r\n", "t.csv", TextEncoding::automatic, d));
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("t.csv:2:9: error: this is neither UTF-8 nor Windows-1252 text (the byte 0x81)", d.all()[0].headline());
}

TEST(DataFileText, ControlCharactersAreStillErrorsAfterDecoding) {
    Diagnostics d;
    EXPECT_FALSE(decoded_text("a\nB\xE6r\x07", "t.csv", TextEncoding::windows1252, d));
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("t.csv:2:4: error: the control character U+0007 has no place in text", d.all()[0].headline());
}

}  // namespace
}  // namespace sats
