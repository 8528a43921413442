#include <gtest/gtest.h>

#include <map>

#include "content/template.hpp"

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
    EXPECT_EQ("Resultat 2,3\u00A0% & <mer>\n", out.text);
}

TEST(Template, SectionsChooseWording) {
    Diagnostics d;
    const auto r = resolver();
    const auto out = render_template("{{avvik}} {{#avvik.over}}over{{/avvik.over}}{{#avvik.under}}under{{/avvik.under}}"
                                     "{{^avvik.under}} (ikke under){{/avvik.under}}\n",
                                     "k.md", r, d);
    EXPECT_EQ("8,6\u00A0% over (ikke under)\n", out.text);
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
