#include <gtest/gtest.h>

#include <map>

#include "content/template.hpp"
#include "content/value_tokens.hpp"

namespace sats {
namespace {

/// A resolver over a fixed map of names.
class MapResolver : public PlaceholderResolver {
public:
    std::map<std::string, PlaceholderValue> values;
    std::optional<PlaceholderValue> resolve(const std::string& name) const override {
        const auto it = values.find(name);
        if (it == values.end()) return std::nullopt;
        return it->second;
    }
    std::string nearest(const std::string& name) const override {
        std::vector<std::string> names;
        for (const auto& [k, v] : values) names.push_back(k);
        return closest_match(name, names);
    }
};

MapResolver resolver() {
    MapResolver r;
    r.values["t.baerum.2024"] = std::string("2,3\u00A0%");
    r.values["avvik"] = std::string("8,6\u00A0%");
    r.values["avvik.over"] = true;
    r.values["avvik.under"] = false;
    return r;
}

TEST(Template, SubstitutesWithoutHtmlEscaping) {
    Diagnostics d;
    const auto r = resolver();
    const auto out = render_template("Resultat {{t.baerum.2024}} & <mer>\n", "k.md", r, d);
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ("Resultat 2,3\u00A0% & <mer>\n", expand_value_tokens(out.text, out.values));
}

TEST(Template, SectionsChooseWording) {
    Diagnostics d;
    const auto r = resolver();
    const auto out = render_template("{{avvik}} {{#avvik.over}}over{{/avvik.over}}{{#avvik.under}}under{{/avvik.under}}"
                                     "{{^avvik.under}} (ikke under){{/avvik.under}}\n",
                                     "k.md", r, d);
    EXPECT_EQ("8,6\u00A0% over (ikke under)\n", expand_value_tokens(out.text, out.values));
}

TEST(Template, UnknownNameIsAnErrorAtItsPosition) {
    Diagnostics d;
    const auto r = resolver();
    render_template("Linje en\nTo {{t.barum.2024}} og {{#avvk.over}}x{{/avvk.over}}\n", "kap/k.md", r, d);
    ASSERT_EQ(2u, d.all().size());
    EXPECT_EQ("kap/k.md:2:6: error: unknown placeholder 't.barum.2024'", d.all()[0].headline());
    EXPECT_EQ("did you mean 't.baerum.2024'?", d.all()[0].hint);
    EXPECT_EQ("kap/k.md:2:27: error: unknown placeholder 'avvk.over'", d.all()[1].headline());
}

TEST(Template, UnknownNamesInsideFalseSectionsAreFoundToo) {
    Diagnostics d;
    const auto r = resolver();
    render_template("{{#avvik.under}}{{finnes.ikke}}{{/avvik.under}}\n", "k.md", r, d);
    EXPECT_TRUE(d.has_errors());
}

TEST(Template, SyntaxErrorHasLocation) {
    Diagnostics d;
    const auto r = resolver();
    render_template("a\nb {{#avvik.over}} c\n", "k.md", r, d);
    ASSERT_TRUE(d.has_errors());
    EXPECT_EQ(2, d.all()[0].where.line);
    EXPECT_NE(std::string::npos, d.all()[0].message.find("Unclosed section"));
}

TEST(Template, SectionsNestTwentyDeepAndNoDeeper) {
    const auto nested = [](int depth) {
        std::string s = "x ";
        for (int i = 0; i < depth; ++i) s += "{{#avvik.over}}";
        s += "ja";
        for (int i = 0; i < depth; ++i) s += "{{/avvik.over}}";
        return s + "\n";
    };
    const auto r = resolver();
    Diagnostics ok;
    EXPECT_EQ("x ja\n", render_template(nested(kMaxSectionNesting), "k.md", r, ok).text);
    EXPECT_FALSE(ok.has_errors());
    for (const int depth : {kMaxSectionNesting + 1, 100000}) {
        Diagnostics d;
        render_template(nested(depth), "k.md", r, d);
        ASSERT_EQ(1u, d.all().size()) << depth;
        // At the name of the 21st section: "x " and 20 tags of 15 characters, then "{{#".
        EXPECT_EQ("k.md:1:306: error: sections nest more than 20 deep here ({{#…}} inside {{#…}})", d.all()[0].headline());
    }
}

TEST(Template, BrokenTagsAreNamedForWhatTheyAre) {
    const auto r = resolver();
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Tall {{}} her\n", "k.md:1:8: error: this placeholder has no name"},
        {"Tall {{t.baerum.2024 her\nog {{avvik}}\n", "k.md:1:8: error: this placeholder is not closed with }} on its line"},
        {"{{#avvik.over}}over{{/avvik.under}}\n",
         "k.md:1:23: error: this closes section 'avvik.under', but the section open here is 'avvik.over'"},
        {"a {{/avvik.over}}\n", "k.md:1:6: error: this closes section 'avvik.over', which is not open"},
    };
    for (const auto& [source, expected] : cases) {
        Diagnostics d;
        render_template(source, "k.md", r, d);
        ASSERT_EQ(1u, d.all().size()) << source;
        EXPECT_EQ(expected, d.all()[0].headline()) << source;
    }
}

TEST(Template, ChangedDelimitersAreAnError) {
    Diagnostics d;
    const auto r = resolver();
    render_template("a\n{{=<% %>=}} <% ukjent %>\n", "k.md", r, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("k.md:2:4: error: changing the Mustache delimiters ({{=…=}}) is not supported", d.all()[0].headline());
}

TEST(Template, TagsAreFoundInLongLinesWithStrayBraces) {
    // Linear scanning: stray "{{" and "}" around a real tag in a 2 MB line.
    Diagnostics d;
    const auto r = resolver();
    const std::string stray(1'000'000, '{');
    render_template(stray + "}x " + std::string(1'000'000, '}') + " {{ukjent}}\n", "k.md", r, d);
    ASSERT_FALSE(d.all().empty());
}

TEST(Template, AVeryLongTagIsAnErrorNotACrash) {
    // The tags were found with std::regex, which recurses per character: 60 000 overflowed the stack.
    Diagnostics d;
    const auto r = resolver();
    const std::string name(1'000'000, 'x');
    render_template("a\nb {{ " + name + " }}\n", "k.md", r, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("unknown placeholder '" + name + "'", d.all()[0].message);
    EXPECT_EQ(2, d.all()[0].where.line);
    EXPECT_EQ(6, d.all()[0].where.column);
}

TEST(Template, AnUnclosedSectionWithAVeryLongNameHasItsLocation) {
    // Mustache's message names the section; it was read with std::regex, which overflowed the stack.
    Diagnostics d;
    const auto r = resolver();
    render_template("a\nb {{#" + std::string(1'000'000, 'x') + "}} c\n", "k.md", r, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(0u, d.all()[0].message.find("template error: Unclosed section \"xxx")) << d.all()[0].message.substr(0, 60);
    EXPECT_EQ(2, d.all()[0].where.line);
    EXPECT_EQ(6, d.all()[0].where.column);
}

TEST(Template, TagsOfEveryKindAreChecked) {
    Diagnostics d;
    const auto r = resolver();
    render_template("{{{ut1}}} {{&ut2}} {{# ut3 }}{{/ut3}} {{^ut4}}{{/ut4}} {{! ut5 }}\n", "k.md", r, d);
    ASSERT_EQ(4u, d.all().size());
    for (int i = 0; i < 4; ++i) EXPECT_EQ("unknown placeholder 'ut" + std::to_string(i + 1) + "'", d.all()[i].message);
}

TEST(Template, OutputLinesMapToSourceLines) {
    Diagnostics d;
    const auto r = resolver();
    const auto out = render_template("en\n{{#avvik.under}}\nborte\n{{/avvik.under}}\nfem\n{{#avvik.over}}\nseks\n{{/avvik.over}}\n",
                                     "k.md", r, d);
    EXPECT_EQ("en\nfem\nseks\n", out.text);
    EXPECT_EQ((std::vector<int>{1, 5, 7}), out.source_lines);
}

}  // namespace
}  // namespace sats
