// Chart types are parsed once, where the ```chart block is read, from the one table of names.
#include <gtest/gtest.h>

#include <set>

#include "content/chart_type.hpp"
#include "content/markdown.hpp"

namespace sats {
namespace {

/// The blocks of a chapter holding one chart block of `type`.
Chapter chart_block(const std::string& type, Diagnostics& d) {
    const std::string text = "```chart\ntype = \"" + type + "\"\ndata = \"t\"\n```\n";
    return parse_markdown(RenderedText{text, {1, 2, 3, 4, 5}}, "k.md", d);
}

TEST(ChartType, EveryNameRoundTripsThroughTheParser) {
    std::set<std::string> seen;
    for (const auto& entry : kChartTypes) {
        Diagnostics d;
        const auto chapter = chart_block(entry.name, d);
        ASSERT_FALSE(d.has_errors()) << entry.name;
        const auto& request = std::get<ChartRequest>(chapter.blocks.at(0).content);
        EXPECT_EQ(entry.value, request.type) << entry.name;
        EXPECT_EQ(entry.name, chart_type_name(request.type));
        EXPECT_TRUE(seen.insert(entry.name).second) << "two types are called " << entry.name;
    }
}

TEST(ChartType, UnknownTypeIsRefusedWithTheListOfTypes) {
    Diagnostics d;
    chart_block("sektordiagram", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("k.md:2:1: error: unknown chart type 'sektordiagram'", d.all()[0].headline());
    const std::string& hint = d.all()[0].hint;
    for (const auto& name : chart_type_names()) EXPECT_NE(std::string::npos, hint.find(name)) << name << " missing in: " << hint;
    EXPECT_FALSE(parse_chart_type("sektordiagram"));
}

}  // namespace
}  // namespace sats
