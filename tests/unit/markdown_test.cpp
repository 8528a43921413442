#include <gtest/gtest.h>

#include "content/markdown.hpp"

namespace sats {
namespace {

Chapter parse(const std::string& text, Diagnostics& d) {
    RenderedText r{text, {}};
    int lines = 0;
    for (char c : text) lines += c == '\n';
    for (int i = 1; i <= lines + 1; ++i) r.source_lines.push_back(i);
    return parse_markdown(r, "k.md", d);
}

TEST(Markdown, LinksGoToTheWebMailOrAReferenceOnly) {
    for (const std::string url : {"https://www.ssb.no/", "HTTP://ssb.no", "mailto:post@baerum.kommune.no", "#tabell-1"}) {
        Diagnostics d;
        const auto c = parse("Se [her](" + url + ").\n", d);
        EXPECT_FALSE(d.has_errors()) << url;
        EXPECT_EQ(url, std::get<Paragraph>(c.blocks.at(0).content).text.at(1).link);
    }
    for (const std::string url : {"javascript:alert(1)", "JaVaScRiPt:x", "vbscript:x", "file:///etc/passwd", "data:text/html,x",
                                  "ftp://ssb.no", "tall.xlsx", "../../hemmelig.pdf", "#"}) {
        Diagnostics d;
        const auto c = parse("Se\n[her](" + url + ").\n", d);
        ASSERT_EQ(1u, d.all().size()) << url;
        EXPECT_EQ(2, d.all()[0].where.line) << url;
        EXPECT_EQ(1, d.all()[0].where.column) << url;
        EXPECT_EQ("", std::get<Paragraph>(c.blocks.at(0).content).text.at(2).link) << "no live link to " << url;
    }
}

TEST(Markdown, DeepNestingIsOneErrorNotACrash) {
    const std::vector<std::pair<std::string, int>> cases{
        {std::string(20000, '>') + " dypt\n", 51},                                 // quotes: the 51st '>'
        {std::string(30000, '*') + "x" + std::string(30000, '*') + "\n", 0},       // emphasis
        {std::string(30, '>') + " " + std::string(40, '*') + "x" + std::string(40, '*') + "\n", 0},  // both
    };
    for (const auto& [text, column] : cases) {
        Diagnostics d;
        parse(text, d);
        ASSERT_EQ(1u, d.all().size()) << text.substr(0, 20);
        EXPECT_NE(std::string::npos, d.all()[0].message.find("nests more than 50 levels deep")) << d.all()[0].message;
        EXPECT_EQ(1, d.all()[0].where.line);
        if (column) {
            EXPECT_EQ(column, d.all()[0].where.column);
        }
    }
    Diagnostics d;
    parse(std::string(48, '>') + " Sitat\n", d);
    EXPECT_FALSE(d.has_errors()) << "48 quotes, the paragraph and its text are 50 levels";
}

TEST(Markdown, LanguageSpansWithLongWhitespaceAreReadNotACrash) {
    // The span tag was read with std::regex, which recurses per character: 40 000 spaces
    // overflowed the stack.
    const std::string spaces(90'000, ' ');
    for (const std::string& tag : {"<span lang=\"en\"" + spaces + ">", "<span" + spaces + "lang =\t\"en-GB\">"}) {
        Diagnostics d;
        const auto c = parse("Norsk " + tag + "English</span> norsk.\n", d);
        EXPECT_TRUE(d.all().empty());
        const auto& text = std::get<Paragraph>(c.blocks.at(0).content).text;
        ASSERT_EQ(3u, text.size());
        EXPECT_EQ("English", text[1].text);
        EXPECT_EQ(tag.find("GB") == std::string::npos ? "en" : "en-GB", text[1].lang);
        EXPECT_EQ("", text[2].lang);
    }
    for (const std::string tag : {"<span lang=\"e\">", "<span lang=\"engl\">", "<span lang=\"en-x\">", "<span lang=\"en\" id=\"a\">",
                                  "<span lang='en'>", "<span data-lang=\"en\">"}) {
        Diagnostics d;
        parse("a " + tag + "b</span>\n", d);
        ASSERT_EQ(1u, d.all().size()) << tag;
        EXPECT_EQ("inline HTML is ignored: " + tag, d.all()[0].message);
    }
}

TEST(Markdown, HeadingsAreCappedLikeParagraphs) {
    Diagnostics d;
    const auto c = parse("# " + std::string(kMaxParagraphChars + 1, 'x') + "\n\nTekst.\n", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("this heading has 100001 characters; sats sets at most 100000", d.all()[0].message);
    EXPECT_EQ(1u, c.blocks.size()) << "the heading is left out, the paragraph kept";
    Diagnostics fine;
    parse("# " + std::string(kMaxParagraphChars, 'x') + "\n", fine);
    EXPECT_FALSE(fine.has_errors());
}

TEST(Markdown, BlocksAndInlines) {
    Diagnostics d;
    const auto c = parse("# Tittel\n\nEn *kursiv* og **fet** [lenke](https://ssb.no).\n\n- a\n  1. b\n  2. c\n\n"
                         "<!-- sideskift -->\n\n#### Fire\n",
                         d);
    ASSERT_FALSE(d.has_errors());
    ASSERT_EQ(5u, c.blocks.size());
    EXPECT_EQ(1, std::get<Heading>(c.blocks[0].content).level);
    const auto& p = std::get<Paragraph>(c.blocks[1].content);
    EXPECT_EQ("En kursiv og fet lenke.", plain_text(p.text));
    EXPECT_TRUE(p.text[1].emphasis);
    EXPECT_TRUE(p.text[3].strong);
    EXPECT_EQ("https://ssb.no", p.text[5].link);
    const auto& list = std::get<List>(c.blocks[2].content);
    EXPECT_FALSE(list.ordered);
    const auto& nested = std::get<List>(list.items[0].blocks[1].content);
    EXPECT_TRUE(nested.ordered);
    EXPECT_EQ(2u, nested.items.size());
    EXPECT_TRUE(std::holds_alternative<PageBreak>(c.blocks[3].content));
    EXPECT_EQ(11, c.blocks[4].where.line);
}

TEST(Markdown, GfmTableWithAlignment) {
    Diagnostics d;
    const auto c = parse("| Kommune | Kr |\n|:--|--:|\n| Bærum | 6 040 |\n", d);
    const auto& t = std::get<Table>(c.blocks.at(0).content);
    ASSERT_EQ(1u, t.header.size());
    ASSERT_EQ(1u, t.body.size());
    EXPECT_EQ(Align::right, t.body[0].cells[1].align);
    EXPECT_EQ("6 040", plain_text(t.body[0].cells[1].text));
}

TEST(Markdown, FootnotesAreNumberedInOrderOfReference) {
    Diagnostics d;
    const auto c = parse("Først[^b] så[^a] og igjen[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n", d);
    const auto& p = std::get<Paragraph>(c.blocks.at(0).content);
    EXPECT_EQ("Først1 så2 og igjen1.", plain_text(p.text));
    const auto& notes = std::get<Notes>(c.blocks.back().content);
    ASSERT_EQ(2u, notes.items.size());
    EXPECT_EQ("Note b.", plain_text(notes.items[0]));
    EXPECT_EQ("Note a.", plain_text(notes.items[1]));
}

TEST(Markdown, DataTableBlock) {
    Diagnostics d;
    const auto c = parse("Tekst\n\n```table\ndata = \"t\"\ncolumns = [\"navn\", \"2024\"]\ncaption = \"Tabell 1\"\n```\n", d);
    ASSERT_FALSE(d.has_errors());
    const auto& r = std::get<DataTableRequest>(c.blocks.at(1).content);
    EXPECT_EQ("t", r.data);
    EXPECT_EQ(2u, r.columns.size());
    EXPECT_EQ(5, r.columns_at.line);
    EXPECT_EQ(1, r.columns_at.column);
}

TEST(Markdown, ErrorsInsideDataTableBlockPointIntoTheChapter) {
    Diagnostics d;
    parse("A\n\n```table\ndata = \"t\"\ncolums = [\"x\"]\n```\n", d);
    ASSERT_GE(d.all().size(), 1u);
    EXPECT_EQ("k.md:5:1: error: unknown key 'colums'", d.all().back().headline());
}

TEST(Markdown, HeadingsGoToLevelSix) {
    Diagnostics d;
    const auto chapter = parse("##### Fem\n\n###### Seks\n", d);
    EXPECT_TRUE(d.all().empty());
    ASSERT_EQ(2u, chapter.blocks.size());
    EXPECT_EQ(5, std::get<Heading>(chapter.blocks[0].content).level);
    EXPECT_EQ(6, std::get<Heading>(chapter.blocks[1].content).level);
}

TEST(Markdown, AttributesAtTheEndOfAHeadingAreTakenOffItsText) {
    Diagnostics d;
    const auto chapter = parse("## Mål og tiltak {- .innfelt #mal}\n\n## Uten {.unummerert}\n\n## Vanlig {}\n", d);
    EXPECT_TRUE(d.all().empty());
    ASSERT_EQ(3u, chapter.blocks.size());
    const auto& first = std::get<Heading>(chapter.blocks[0].content);
    EXPECT_EQ("Mål og tiltak", plain_text(first.text));
    EXPECT_FALSE(first.numbered);
    EXPECT_TRUE(first.run_in);
    EXPECT_EQ("mal", first.id);
    const auto& second = std::get<Heading>(chapter.blocks[1].content);
    EXPECT_EQ("Uten", plain_text(second.text));
    EXPECT_FALSE(second.numbered);
    EXPECT_FALSE(second.run_in);
    const auto& third = std::get<Heading>(chapter.blocks[2].content);
    EXPECT_EQ("Vanlig {}", plain_text(third.text)) << "empty braces are text";
    EXPECT_TRUE(third.numbered);
}

TEST(Markdown, AnUnknownHeadingAttributeIsAnErrorWithAHint) {
    Diagnostics d;
    parse("\n## Tiltak {.infelt}\n", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("k.md:2:1: error: unknown heading attribute '.infelt'", d.all()[0].headline());
    EXPECT_EQ("did you mean '.innfelt'?", d.all()[0].hint);
    Diagnostics far;
    parse("## Tiltak {.rød}\n", far);
    ASSERT_EQ(1u, far.all().size());
    EXPECT_NE(std::string::npos, far.all()[0].hint.find("{.innfelt}")) << far.all()[0].hint;
}

TEST(Markdown, AHeadingIdMayOnlyUseAnchorCharacters) {
    Diagnostics d;
    parse("## Tiltak {#Mål}\n", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("the heading id '#Mål' may only use a-z, 0-9, - and _", d.all()[0].message);
}

}  // namespace
}  // namespace sats
