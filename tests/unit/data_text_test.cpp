// Text from the data reaches a chapter through placeholders and is never read as Markdown or
// TOML: links, emphasis, headings, HTML and quotes in a CSV cell are printed as written.
#include <gtest/gtest.h>

#include <map>

#include "content/markdown.hpp"
#include "content/template.hpp"
#include "content/value_tokens.hpp"

namespace sats {
namespace {

/// A resolver with one text value, `celle`, and one flag, `flagg`.
class OneValue : public PlaceholderResolver {
public:
    explicit OneValue(std::string text) : text_(std::move(text)) {}
    std::optional<PlaceholderValue> resolve(const std::string& name) const override {
        if (name == "celle") return text_;
        if (name == "flagg") return true;
        return std::nullopt;
    }
    std::string nearest(const std::string&) const override { return ""; }

private:
    std::string text_;
};

/// `source` rendered with `celle` = `value`, then parsed; no diagnostics expected.
Chapter chapter_of(const std::string& source, const std::string& value) {
    Diagnostics d;
    const OneValue resolver(value);
    const auto rendered = render_template(source, "k.md", resolver, d);
    auto chapter = parse_markdown(rendered, "k.md", d);
    EXPECT_FALSE(d.has_errors()) << (d.all().empty() ? "" : d.all()[0].headline());
    return chapter;
}

TEST(DataText, MarkupInAValueIsPrintedAsWritten) {
    for (const std::string value : {"[klikk](https://example.com)", "<https://example.com>", "*fet* og _kursiv_",
                                    "`kode`", "<span lang=\"en\">x</span>", "&amp; \\* [^1]", "![bilde](logo.png)"}) {
        const auto c = chapter_of("Før {{celle}} etter.\n", value);
        ASSERT_EQ(1u, c.blocks.size()) << value;
        const auto& text = std::get<Paragraph>(c.blocks[0].content).text;
        EXPECT_EQ("Før " + value + " etter.", plain_text(text)) << value;
        for (const auto& run : text) {
            EXPECT_EQ("", run.link) << value;
            EXPECT_FALSE(run.emphasis || run.strong || run.code) << value;
        }
    }
}

TEST(DataText, AValueNeverStartsABlock) {
    // At the start of a line, and with line breaks inside: no heading, list, quote, rule or table.
    for (const std::string value : {"# Overskrift", "- punkt", "1. punkt", "> sitat", "---", "| a | b |",
                                    "linje\n\n# Overskrift", "a\r\n- b"}) {
        const auto c = chapter_of("{{celle}}\n", value);
        ASSERT_EQ(1u, c.blocks.size()) << value;
        ASSERT_TRUE(std::holds_alternative<Paragraph>(c.blocks[0].content)) << value;
        const auto text = plain_text(std::get<Paragraph>(c.blocks[0].content).text);
        EXPECT_EQ(std::string::npos, text.find('\n')) << value;
        EXPECT_EQ(one_line(value), text) << value;
    }
}

TEST(DataText, QuotesAndBackslashesInAValueKeepTheTomlOfABlockWhole) {
    const std::string value = "\"sitat\" \\ slutt\"\nlinje";
    const auto c = chapter_of("```chart\ntype = \"bar\"\ndata = \"t\"\ncaption = \"Om {{celle}}\"\nnotes = [\"{{celle}}\"]\n```\n",
                              value);
    ASSERT_EQ(1u, c.blocks.size());
    const auto& chart = std::get<ChartRequest>(c.blocks[0].content);
    EXPECT_EQ("Om " + one_line(value), chart.caption);
    EXPECT_EQ(std::vector<std::string>{one_line(value)}, chart.notes);
}

TEST(DataText, KeyFindingsKeepTheirMarkdownButNotTheValuesMarkdown) {
    const auto c = chapter_of("```hovedfunn\ntittel = \"{{celle}}\"\npunkter = [\"*Viktig*: {{celle}}\"]\n```\n",
                              "[lenke](https://example.com) *x*");
    const auto& k = std::get<KeyFindings>(c.blocks.at(0).content);
    EXPECT_EQ("[lenke](https://example.com) *x*", k.title);
    const auto& point = k.points.at(0);
    EXPECT_EQ("Viktig: [lenke](https://example.com) *x*", plain_text(point));
    EXPECT_TRUE(point.at(0).emphasis) << "the author's emphasis is kept";
    for (std::size_t i = 1; i < point.size(); ++i) {
        EXPECT_FALSE(point[i].emphasis);
        EXPECT_EQ("", point[i].link);
    }
}

TEST(DataText, AProblemInAFindingIsReportedAtItsKey) {
    Diagnostics d;
    const OneValue resolver("x");
    const auto rendered = render_template("# T\n\n```hovedfunn\ntittel = \"T\"\npunkter = [\n  \"Se [her](javascript:alert(1))\",\n]\n```\n",
                                          "k.md", resolver, d);
    parse_markdown(rendered, "k.md", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(5, d.all()[0].where.line) << d.all()[0].headline();
}

TEST(DataText, ATokenTypedByTheAuthorIsLeftAlone) {
    // U+E000 9 U+E001 looks like a token, but there is no value number 9.
    const std::string typed = "\xEE\x80\x80" "9" "\xEE\x80\x81";
    EXPECT_EQ(typed + " x", expand_value_tokens(typed + " x", {"a"}));
    EXPECT_EQ("a b", expand_value_tokens(value_token(0) + " b", {"a"}));
}

TEST(DataText, ErrorsAfterAPlaceholderPointAtTheColumnAsWritten) {
    // The link error is at '[', column 38 of the source line, whatever the value's length.
    for (const std::string& value : {std::string(), std::string("Bærum"), std::string(300, 'x')}) {
        Diagnostics d;
        const OneValue resolver(value);
        const auto rendered = render_template("a\nFør {{celle}} {{#flagg}}ja{{/flagg}} [x](file:///etc/passwd)\n", "k.md",
                                              resolver, d);
        parse_markdown(rendered, "k.md", d);
        ASSERT_EQ(1u, d.all().size()) << value;
        EXPECT_EQ(2, d.all()[0].where.line);
        EXPECT_EQ(38, d.all()[0].where.column) << value;
    }
}

TEST(DataText, SourceColumnSkipsTagsTokensAndEmptySections) {
    const std::string token = value_token(0);
    // "Før {{x}} [": '[' is byte 6 + token of the rendered line, character 11 of the source.
    EXPECT_EQ(11, source_column("Før " + token + " [", "Før {{x}} [", static_cast<int>(5 + token.size() + 2)));
    // A section that rendered to nothing: "{{#a}}over{{/a}}!" rendered as "!".
    EXPECT_EQ(17, source_column("!", "{{#a}}over{{/a}}!", 1));
    EXPECT_EQ(1, source_column("abc", "abc", 1));
}

}  // namespace
}  // namespace sats
