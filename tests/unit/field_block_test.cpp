// Field blocks (```felt) as the content stage reads them: labels, values of several lines,
// lists, colons in text, placeholders, and errors at the line and column where they were written.
#include <gtest/gtest.h>

#include "content/markdown.hpp"
#include "content/value_tokens.hpp"

namespace sats {
namespace {

Chapter parse(const std::string& text, Diagnostics& d, std::vector<std::string> values = {}) {
    RenderedText r{text, {}, std::move(values), text};
    int lines = 0;
    for (char c : text) lines += c == '\n';
    for (int i = 1; i <= lines + 1; ++i) r.source_lines.push_back(i);
    return parse_markdown(r, "k.md", d);
}

const FieldBlock& fields_of(const Chapter& c, std::size_t block = 0) { return std::get<FieldBlock>(c.blocks.at(block).content); }

std::string paragraph(const Field& f, std::size_t i = 0) { return plain_text(std::get<Paragraph>(f.blocks.at(i).content).text); }

std::string problems(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all()) out += x.where.file + ":" + std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + ": " + x.message + "\n";
    return out;
}

/// `text` parsed; any diagnostic fails the test.
Chapter parse_clean(const std::string& text, std::vector<std::string> values = {}) {
    Diagnostics d;
    Chapter c = parse(text, d, std::move(values));
    EXPECT_TRUE(d.all().empty()) << problems(d);
    return c;
}

TEST(FieldBlock, LabelsOpenFieldsAndTheLinesBelowBelongToThem) {
    const auto c = parse_clean("Før.\n\n```felt\nTiltak: Felles saksbehandlingssystem\n  for byggesak\nAnsvarlig:   Plan- og bygningsetaten\n"
                         "Kommentar:\nFørste avsnitt.\n\nAndre *avsnitt*.\n```\n");
    const auto& f = fields_of(c, 1);
    ASSERT_EQ(3u, f.items.size());
    EXPECT_EQ("Tiltak", f.items[0].label);
    EXPECT_EQ("Felles saksbehandlingssystem for byggesak", paragraph(f.items[0]));
    EXPECT_EQ(4, f.items[0].where.line);
    EXPECT_EQ("Ansvarlig", f.items[1].label);
    EXPECT_EQ("Plan- og bygningsetaten", paragraph(f.items[1]));
    ASSERT_EQ(2u, f.items[2].blocks.size());
    EXPECT_EQ("Første avsnitt.", paragraph(f.items[2], 0));
    EXPECT_EQ("Andre avsnitt.", paragraph(f.items[2], 1));
    EXPECT_TRUE(std::get<Paragraph>(f.items[2].blocks[1].content).text.at(1).emphasis);
    EXPECT_EQ(8, f.items[2].blocks[0].where.line) << "a value's blocks keep their chapter lines";
}

TEST(FieldBlock, ValuesHoldNestedListsAndTheEnglishNameWorksToo) {
    const auto c = parse_clean("```fields\nKommentar: Dette gjelder:\n- Anskaffelse\n- Opplæring\n  1. saksbehandlere\n  2. ledere\n```\n");
    const auto& value = fields_of(c).items.at(0).blocks;
    ASSERT_EQ(2u, value.size());
    EXPECT_EQ("Dette gjelder:", plain_text(std::get<Paragraph>(value[0].content).text));
    const auto& list = std::get<List>(value[1].content);
    ASSERT_EQ(2u, list.items.size());
    EXPECT_FALSE(list.ordered);
    const auto& nested = std::get<List>(list.items[1].blocks.at(1).content);
    EXPECT_TRUE(nested.ordered);
    EXPECT_EQ(2u, nested.items.size());
}

TEST(FieldBlock, ColonsInTextAreTextUnlessALineStartsWithALabelAndAColon) {
    const auto c = parse_clean("```felt\nMøte: kl. 10:30 på https://www.baerum.kommune.no\nMerknad:\n  Merk: dette er tekst\n"
                         "Vedtak\\: også tekst\n- Punkt: i en liste\nDette er en lang setning som slutter med et kolon etter mer enn førti tegn: tekst\n```\n");
    const auto& f = fields_of(c);
    ASSERT_EQ(2u, f.items.size()) << "an indented line, an escaped colon, a list item and a long text are no labels";
    EXPECT_EQ("kl. 10:30 på https://www.baerum.kommune.no", paragraph(f.items[0]));
    EXPECT_EQ("Merk: dette er tekst Vedtak: også tekst", paragraph(f.items[1], 0));
    const auto& list = std::get<List>(f.items[1].blocks.at(1).content);
    EXPECT_NE(std::string::npos, plain_text(std::get<Paragraph>(list.items.at(0).blocks.at(0).content).text).find("Punkt: i en liste"));
}

TEST(FieldBlock, TextOnTheLabelsLineNeverStartsAListOrAHeading) {
    const auto c = parse_clean("```felt\nFrist: 1. juni 2026\nUke: 12) mars\nTegn: - og +\nNr: # 4\nListe:\n1. første\n```\n");
    const auto& f = fields_of(c);
    EXPECT_EQ("1. juni 2026", paragraph(f.items.at(0)));
    EXPECT_EQ("12) mars", paragraph(f.items.at(1)));
    EXPECT_EQ("- og +", paragraph(f.items.at(2)));
    EXPECT_EQ("# 4", paragraph(f.items.at(3)));
    EXPECT_TRUE(std::get<List>(f.items.at(4).blocks.at(0).content).ordered) << "a list on the lines below is a list";
}

TEST(FieldBlock, PlaceholdersWorkInLabelsAndValues) {
    const auto c = parse_clean("```felt\n" + value_token(0) + ": Ansvar\nFrist: ferdig i " + value_token(1) + "\n```\n", {"Enhet *A*", "mars 2026"});
    const auto& f = fields_of(c);
    EXPECT_EQ("Enhet *A*", f.items.at(0).label) << "a value is never read as Markdown";
    EXPECT_EQ("ferdig i mars 2026", paragraph(f.items.at(1)));
}

TEST(FieldBlock, MistakesAreErrorsWhereTheyWereWritten) {
    const std::vector<std::tuple<std::string, std::string, int, int>> cases{
        {"```felt\n```\n", "this field block has no fields", 1, 1},
        {"```felt\n\n\n```\n", "this field block has no fields", 1, 1},
        {"```felt\nLøs tekst\nStatus: ok\n```\n", "text before the first field of a field block", 2, 1},
        {"```felt\nStatus: ok\n: uten merkelapp\n```\n", "a field needs a label before its colon", 3, 1},
        {"```felt\nStatus: ok\nKommentar:\n\n```\n", "the field 'Kommentar' has no value", 3, 1},
        {"```felt\nStatus: ok\nKommentar:\nTekst\n\n## Overskrift\n```\n", "a field holds paragraphs and lists, not a heading", 6, 1},
        {"```felt\nStatus: ok\nBilde: ![alt](bilde.png)\n```\n", "a field holds paragraphs and lists, not an image", 3, 8},
        {"```felt\nStatus: ok\nKode:\n~~~\nkode\n~~~\n```\n", "a field holds paragraphs and lists, not code", 4, 1},
        {"```felt\nStatus: [her](javascript:x)\n```\n", "a link may go to", 2, 9},
        {"```felt\nStatus: ok\nTall:\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n", "a field holds paragraphs and lists, not a table", 4, 1},
    };
    for (const auto& [text, message, line, column] : cases) {
        Diagnostics d;
        parse("Tekst.\n\n" + text, d);
        ASSERT_EQ(1u, d.all().size()) << text << problems(d);
        const auto& e = d.all()[0];
        EXPECT_EQ(Severity::error, e.severity) << text;
        EXPECT_EQ(0u, e.message.find(message)) << e.message;
        EXPECT_EQ(line + 2, e.where.line) << text;
        EXPECT_EQ(column, e.where.column) << text;
        EXPECT_FALSE(e.hint.empty() && message.find("link") == std::string::npos) << "every field error has a hint: " << text;
    }
}

TEST(FieldBlock, ALabelUsedTwiceIsAWarning) {
    Diagnostics d;
    const auto c = parse("```felt\nStatus: ok\nStatus: igjen\n```\n", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(Severity::warning, d.all()[0].severity);
    EXPECT_EQ(3, d.all()[0].where.line);
    EXPECT_EQ(2u, fields_of(c).items.size());
}

}  // namespace
}  // namespace sats
