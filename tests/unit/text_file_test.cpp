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

}  // namespace
}  // namespace sats
