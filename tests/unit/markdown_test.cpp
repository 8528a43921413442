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

// Markdown without traps: a line that continues a paragraph stays text even when it begins
// like a list item, and is warned about; lists the writer meant stay lists.

/// The kinds of the chapter's blocks: "p" paragraph, "ol"/"ul" list, "h" heading, "?" other.
std::string kinds(const Chapter& c) {
    std::string out;
    for (const auto& b : c.blocks) {
        if (std::holds_alternative<Paragraph>(b.content)) out += "p ";
        else if (const auto* list = std::get_if<List>(&b.content)) out += list->ordered ? "ol " : "ul ";
        else if (std::holds_alternative<Heading>(b.content)) out += "h ";
        else out += "? ";
    }
    return out;
}

/// The one diagnostic for `text`, a paragraph of two lines, the second kept as text.
Diagnostic second_line_kept(const std::string& text) {
    Diagnostics d;
    EXPECT_EQ("p ", kinds(parse(text, d))) << text;
    EXPECT_EQ(1u, d.all().size()) << text;
    if (d.all().empty()) return {};
    EXPECT_EQ(2, d.all()[0].where.line) << text;
    return d.all()[0];
}

TEST(ListTraps, ANumberStartingAWrappedLineStaysText) {
    const std::string text = "Utgiftene steg mest i\n1. halvår, da tallet var høyt.\n";
    Diagnostics d;
    EXPECT_EQ("Utgiftene steg mest i 1. halvår, da tallet var høyt.", plain_text(std::get<Paragraph>(parse(text, d).blocks.at(0).content).text));
    const auto warning = second_line_kept(text);
    EXPECT_EQ(Severity::warning, warning.severity);
    EXPECT_EQ(1, warning.where.column);
    EXPECT_EQ("this line continues the paragraph above, so '1.' is text here, not a numbered list", warning.message);
    EXPECT_EQ("to begin a list, put a blank line before it (or end the line above with ':')", warning.hint);
}

TEST(ListTraps, SeveralNumberedLinesAndBulletsStayText) {
    Diagnostics d;
    const auto c = parse("Tallene for\n1. halvår og\n2. halvår viser det, og\n- 5 elever sluttet.\n\nNeste avsnitt.\n", d);
    EXPECT_EQ("p p ", kinds(c));
    EXPECT_EQ("Tallene for 1. halvår og 2. halvår viser det, og - 5 elever sluttet.",
              plain_text(std::get<Paragraph>(c.blocks[0].content).text));
    ASSERT_EQ(3u, d.all().size());
    EXPECT_EQ(2, d.all()[0].where.line);
    EXPECT_EQ(3, d.all()[1].where.line);
    EXPECT_EQ(4, d.all()[2].where.line);
    EXPECT_NE(std::string::npos, d.all()[2].message.find("'-' is text here, not a bullet list"));
}

TEST(ListTraps, ASecondNumberAfterAParagraphLineIsWarnedAbout) {
    EXPECT_NE(std::string::npos, second_line_kept("Resultatet for\n2. halvår var svakt.\n").message.find("'2.' is text here"));
}

TEST(ListTraps, ListsTheWriterMeantStayLists) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Tiltakene er:\n1. Mer tilsyn\n2. Nye rutiner\n", "p ol "},       // after a colon
        {"Tiltakene:\n- Mer tilsyn\n- Nye rutiner\n", "p ul "},
        {"Avsnitt.\n\n1. Mer tilsyn\n2. Nye rutiner\n", "p ol "},          // after a blank line
        {"# Tiltak\n1. Mer tilsyn\n", "h ol "},                           // after a heading
        {"- Tiltak\n  - delmål\n- Neste\n", "ul "},                       // nested under an item
        {"I 2024 var tallet høyt, jf.\n2024. Alle tall er fra SSB.\n", "p "},  // a year: no warning
    };
    for (const auto& [text, expected] : cases) {
        Diagnostics d;
        const auto c = parse(text, d);
        EXPECT_EQ(expected, kinds(c)) << text;
        EXPECT_TRUE(d.all().empty()) << text << d.all().front().message;
    }
    Diagnostics d;
    const auto c = parse("- Tiltak\n  - delmål\n", d);
    const auto& outer = std::get<List>(c.blocks.at(0).content);
    ASSERT_EQ(2u, outer.items.at(0).blocks.size());
    EXPECT_TRUE(std::holds_alternative<List>(outer.items[0].blocks[1].content)) << "the nested list is still a list";
}

TEST(ListTraps, TheWarningPointsIntoAQuoteAtTheMarker) {
    EXPECT_EQ(3, second_line_kept("> Sitat som fortsetter\n> 1. halvår her.\n").where.column);
}

}  // namespace
}  // namespace sats
