// The well-formedness check `sats verify` runs on the XMP packet.
#include <gtest/gtest.h>

#include "core/text_position.hpp"
#include "export/xml_check.hpp"

namespace sats {
namespace {

TEST(XmlCheck, AcceptsWellFormedXml) {
    EXPECT_FALSE(xml_problem("<?xpacket begin=\"\"?><a x=\"1 > 0\"><b/><c>T&amp;T &#248; &#xF8;</c><!-- <d> --></a><?xpacket end=\"w\"?>"));
    EXPECT_FALSE(xml_problem("<a>Bærum\tkommune\n</a>"));
}

TEST(XmlCheck, FindsEachKindOfProblem) {
    EXPECT_NE(std::nullopt, xml_problem("<a>T & T</a>")) << "bare ampersand";
    EXPECT_NE(std::nullopt, xml_problem("<a>&nbsp;</a>")) << "an entity XML does not define";
    EXPECT_NE(std::nullopt, xml_problem("<a>x\x01y</a>")) << "control character";
    EXPECT_NE(std::nullopt, xml_problem("<a>\xC3</a>")) << "invalid UTF-8";
    EXPECT_NE(std::nullopt, xml_problem("<a><b></a></b>")) << "crossed elements";
    EXPECT_NE(std::nullopt, xml_problem("<a><b></b>")) << "unclosed element";
    EXPECT_NE(std::nullopt, xml_problem("<a>x</a></a>")) << "closing what is not open";
    EXPECT_NE(std::nullopt, xml_problem("<a x=\"1\"")) << "unclosed tag";
}

TEST(XmlCheck, EscapedTextIsAlwaysWellFormed) {
    const std::string hostile = "R&D <b> \"x\" \x01\x02\x1F\x7F slutt\t\n";
    const auto escaped = xml_escape(hostile);
    EXPECT_FALSE(xml_problem("<a>" + escaped + "</a>")) << escaped;
    EXPECT_EQ("R&amp;D &lt;b&gt; &quot;x&quot;  slutt\t\n", escaped);
    EXPECT_EQ("ab", without_control_characters("a\x01\x7F" "b"));
}

TEST(Utf8, MalformedTextDecodesToNothing) {
    EXPECT_EQ(U"Bærum", utf8_decode("Bærum"));
    EXPECT_EQ(U"\U0001F600", utf8_decode("\xF0\x9F\x98\x80"));
    for (const std::string bad : {"\xC3<", "\xC3", "\x80", "\xC0\xAF" /* overlong '/' */, "\xE0\x80\xAF", "\xED\xA0\x80" /* surrogate */,
                                  "\xF4\x90\x80\x80" /* past U+10FFFF */, "\xFF"})
        EXPECT_TRUE(utf8_decode("a" + bad + "b").empty()) << testing::PrintToString(bad);
}

}  // namespace
}  // namespace sats
