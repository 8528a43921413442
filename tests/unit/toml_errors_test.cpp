// TOML syntax errors worded for the writer, at the mistake; unknown keys with a hint.

#include <gtest/gtest.h>

#include "core/key_synonyms.hpp"
#include "core/toml_reader.hpp"

namespace sats {
namespace {

/// The one error parse_toml() reports for `text` (written at line `offset` + 1 of k.md).
Diagnostic syntax_error(const std::string& text, int offset = 0) {
    Diagnostics d;
    EXPECT_FALSE(parse_toml(text, "k.md", d, offset));
    EXPECT_EQ(1u, d.all().size()) << text;
    return d.all().empty() ? Diagnostic{} : d.all()[0];
}

TEST(TomlSyntax, AnUnclosedListPointsAtItsOpeningBracket) {
    for (const std::string& text : {std::string("id = \"t\"\ncolumns = [\"navn\", \"2023\"\ncaption = \"x\"\n"),
                                    std::string("id = \"t\"\ncolumns = [\"navn\",\n  \"2023\"\n")}) {
        const auto e = syntax_error(text, 10);
        EXPECT_EQ(12, e.where.line) << text;
        EXPECT_EQ(11, e.where.column) << text;
        EXPECT_EQ("this list is not closed: ']' is missing", e.message);
        EXPECT_EQ(std::string::npos, e.message.find("Error while parsing")) << "no raw parser text";
    }
}

TEST(TomlSyntax, EachMistakeIsToldInWordsAtItsPlace) {
    struct Case {
        std::string text;
        int line, column;
        std::string message, hint;
    };
    const std::vector<Case> cases{
        {"caption = \"Netto drift\nid = \"x\"\n", 1, 11, "this text is not closed: its closing quote is missing", ""},
        {"caption \"Netto\"\n", 1, 9, "'=' is missing between the key 'caption' and its value", "write caption = \"…\""},
        {"caption\n", 1, 1, "the key 'caption' has no '=' and no value", "write caption = \"…\""},
        {"a = 1\nb = 2\n  a = 3\n", 3, 3, "'a' is given twice", "it was first given on line 1; keep one of them"},
        {"[data.x]\nfile = \"a\"\n[data.x]\n", 3, 1, "'data.x' is given twice", "it was first given on line 1; keep one of them"},
        {"x = [\"2023\" \"2024\"]\n", 1, 13, "a comma is missing between two items of the list", ""},
        {"unit = prosent\n", 1, 8, "this value is neither text in quotes, a number, true/false nor a list",
         "text goes in quotes: unit = \"prosent\""},
        {"column.navn = { label = \"Kommune\"\n", 1, 15, "this inline table is not closed: '}' is missing", ""},
        {"tittel = \"Æøå\" x\n", 1, 16, "something follows the value on this line", ""},
        {"høyde = 200\n", 1, 1, "the key 'høyde' has letters outside a–z, so it must be in quotes", "write \"høyde\" = …, or the key sats knows by that name"},
    };
    for (const auto& c : cases) {
        const auto e = syntax_error(c.text);
        EXPECT_EQ(c.line, e.where.line) << c.text;
        EXPECT_EQ(c.column, e.where.column) << c.text;
        EXPECT_EQ(c.message, e.message) << c.text;
        if (!c.hint.empty()) {
            EXPECT_EQ(c.hint, e.hint) << c.text;
        }
    }
}

TEST(UnknownKeyHint, SynonymsNearSpellingsOrTheKeys) {
    const std::vector<std::string> table{"caption", "columns", "data", "headers", "notes", "rows", "source"};
    EXPECT_EQ("did you mean 'caption'?", unknown_key_hint("title", table));
    EXPECT_EQ("did you mean 'caption'?", unknown_key_hint("tittel", table));
    EXPECT_EQ("did you mean 'caption'?", unknown_key_hint("Title", table));
    EXPECT_EQ("did you mean 'source'?", unknown_key_hint("kilde", table));
    EXPECT_EQ("did you mean 'notes'?", unknown_key_hint("noter", table));
    EXPECT_EQ("did you mean 'rows'?", unknown_key_hint("rader", table));
    EXPECT_EQ("did you mean 'columns'?", unknown_key_hint("kolonner", table));
    EXPECT_EQ("did you mean 'headers'?", unknown_key_hint("overskrifter", table));
    EXPECT_EQ("did you mean 'caption'?", unknown_key_hint("capton", table));
    EXPECT_EQ("did you mean 'columns'?", unknown_key_hint("COLUMNS", table));
    EXPECT_EQ("the keys here are: caption, columns, data, headers, notes, rows, source", unknown_key_hint("farge", table));
    // The same word means the key this table has: a ```hovedfunn has 'tittel', not 'caption'.
    EXPECT_EQ("did you mean 'tittel'?", unknown_key_hint("title", {"figur", "punkter", "tabell", "tittel"}));
    EXPECT_EQ("did you mean 'height'?", unknown_key_hint("høyde", {"caption", "height", "type"}));
    EXPECT_EQ("did you mean 'type'?", unknown_key_hint("kind", {"caption", "height", "type"}));
}

}  // namespace
}  // namespace sats
