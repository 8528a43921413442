// Charts checked on their frames: gaps for missing values, bars from zero, large numbers,
// wrapped category names, many series, the palette's contrast, and the text alternatives.
#include <gtest/gtest.h>

#include <cmath>

#include "data/chart_builder.hpp"
#include "layout/style.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

/// The Figure whose text alternative starts with `caption_start` (null if none).
const Group* figure_group(const FrameDocument& frames, const std::string& caption_start) {
    return test::find_group(frames, Role::figure, [&](const Group& g) { return g.alt.rfind(caption_start, 0) == 0; });
}

/// What the Figure whose text alternative starts with `caption_start` draws, at any depth.
std::vector<FrameItem> figure(const FrameDocument& frames, const std::string& caption_start) {
    const Group* group = figure_group(frames, caption_start);
    return group ? test::leaves(group->items) : std::vector<FrameItem>{};
}

const FrameDocument& charts() {
    static const FrameDocument frames = [] {
        SystemEnvironment env(test::source_dir());
        Diagnostics d;
        FrameDocument f;
        EXPECT_TRUE(build_pdf(env, test::source_dir() / "tests" / "golden" / "charts", d, &f));
        return f;
    }();
    return frames;
}

using test::texts;

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

TEST(Charts, MissingValueIsAGapNotZero) {
    const auto items = figure(charts(), "Linjer med mål");
    ASSERT_FALSE(items.empty());
    // Asker (second series, orange) lacks 2023: its line has two pieces (two moves).
    int pieces_with_two_moves = 0;
    for (const auto& item : items)
        if (const auto* p = std::get_if<Path>(&item); p && p->stroke && !p->steps.empty() && !p->fill) {
            const auto moves = std::count_if(p->steps.begin(), p->steps.end(), [](const PathStep& s) { return s.kind == PathStep::move; });
            if (moves == 2) ++pieces_with_two_moves;
        }
    EXPECT_EQ(1, pieces_with_two_moves);
    EXPECT_TRUE(contains(texts(items), "Mål: 4,0\u00A0%"));
}

TEST(Charts, NegativeColumnsHangFromTheZeroLine) {
    const auto items = figure(charts(), "Bare negative verdier");
    const auto labels = texts(items);
    EXPECT_TRUE(contains(labels, "0"));
    EXPECT_TRUE(contains(labels, "\u2212200"));
    EXPECT_TRUE(contains(labels, "\u2212193"));
    // Every bar starts at the same y (the zero line) and goes down.
    std::vector<double> tops;
    for (const auto& item : items)
        if (const auto* p = std::get_if<Path>(&item); p && p->fill && p->steps.size() == 5 && p->steps[1].x - p->steps[0].x > 10)
            tops.push_back(p->steps[0].y);  // bars, not legend swatches
    ASSERT_EQ(4u, tops.size());
    for (const double t : tops) EXPECT_NEAR(tops[0], t, 0.01);
}

TEST(Charts, PositiveColumnsStandOnTheDarkerBaseLine) {
    const auto items = figure(charts(), "Søyler: tre år og tre serier");
    double bottom = 0;  // where the columns start
    for (const auto& item : items)
        if (const auto* p = std::get_if<Path>(&item); p && p->fill && p->steps.size() == 5 && p->steps[1].x - p->steps[0].x > 10)
            for (const auto& step : p->steps) bottom = std::max(bottom, step.y);
    ASSERT_GT(bottom, 0);
    // The widest solid horizontal line of the chart is the base line, under the columns.
    const Path* widest = nullptr;
    for (const auto& item : items)
        if (const auto* p = std::get_if<Path>(&item); p && p->stroke && !p->fill && p->dash.empty() && p->steps.size() == 2 &&
                                                      std::abs(p->steps[0].y - p->steps[1].y) < 0.01 && (!widest || p->width > widest->width))
            widest = p;
    ASSERT_NE(nullptr, widest);
    EXPECT_NEAR(bottom, widest->steps[0].y, 0.01);
}

TEST(Charts, LargeNumbersAreGroupedNorwegianStyle) {
    const auto labels = texts(figure(charts(), "Store tall"));
    EXPECT_TRUE(contains(labels, "1\u00A0200\u00A0000\u00A0000"));
    EXPECT_TRUE(contains(labels, "1\u00A0500\u00A0000\u00A0000"));
}

TEST(Charts, LongCategoryNamesWrapInsteadOfClipping) {
    const auto labels = texts(figure(charts(), "Lange kategorinavn"));
    EXPECT_TRUE(contains(labels, "Kort"));
    // The long names are broken over several lines, none of them the whole name.
    EXPECT_FALSE(contains(labels, "Brutto driftsutgifter til forvaltningsutgifter i eiendomsforvaltningen per innbygger"));
    EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](const std::string& t) { return t.rfind("Brutto driftsutgifter", 0) == 0; }));
}

TEST(Charts, TwentySeriesAreNamedByTheLegend) {
    const auto labels = texts(figure(charts(), "Tjue serier"));
    for (int i = 1; i <= 20; ++i) EXPECT_EQ(1, std::count(labels.begin(), labels.end(), "Kommune " + std::to_string(i))) << i;
}

TEST(Charts, OneSeriesHasNoLegendButADirectLabel) {
    const auto labels = texts(figure(charts(), "Én serie"));
    EXPECT_EQ(1, std::count(labels.begin(), labels.end(), "Bærum"));
}

TEST(Charts, EveryChartTypeIsDrawnWithPaths) {
    for (const auto* caption : {"Søyler", "Profil med spenn", "Kake", "Smultring", "Stablede stolper", "Stablet til 100"}) {
        const auto items = figure(charts(), caption);
        ASSERT_FALSE(items.empty()) << caption;
        EXPECT_GT(std::count_if(items.begin(), items.end(), [](const FrameItem& i) { return std::holds_alternative<Path>(i); }), 4)
            << caption;
    }
    EXPECT_TRUE(contains(texts(figure(charts(), "Stablet til 100")), "35\u00A0%"));
}

TEST(Charts, PaletteHasThreeToOneContrastAgainstWhite) {
    for (const std::string layout : {"kommune", "rapport"}) {
        SystemEnvironment env(test::source_dir());
        Diagnostics d;
        const auto style = load_layout(env, layout, d);
        ASSERT_TRUE(style);
        ASSERT_GE(style->chart_palette.size(), 6u);
        for (const auto& c : style->chart_palette) {
            auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            const double l = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
            EXPECT_GE(1.05 / (l + 0.05), 3.0) << layout;
        }
    }
}

TEST(Charts, TextAlternativeTellsWhatRoseAndFell) {
    Chart chart;
    chart.type = ChartType::line;
    chart.caption = "Netto driftsresultat";
    chart.categories = {"2020", "2021", "2022"};
    chart.series = {{"Bærum", {6.0, 7.3, 2.3}}, {"Asker", {std::nullopt, 2.5, 3.1}}, {"Landet", {2.0, 1.0, 2.0}}};
    chart.unit_suffix = "%";
    chart.decimals = 1;
    chart.target = 4;
    EXPECT_EQ("Netto driftsresultat. Bærum falt fra 6,0\u00A0% i 2020 til 2,3\u00A0% i 2022. Asker økte fra 2,5\u00A0% i 2021 til "
              "3,1\u00A0% i 2022. Landet var uendret på 2,0\u00A0% i 2020. Målet er 4,0\u00A0%.",
              describe_chart(chart));
    chart.type = ChartType::column;
    chart.series.resize(1);
    EXPECT_EQ("Netto driftsresultat. 2020: Bærum 6,0\u00A0%. 2021: Bærum 7,3\u00A0%. 2022: Bærum 2,3\u00A0%.", describe_chart(chart));
}

TEST(Charts, FiguresCarryTheirTextAlternative) {
    const Group* group = figure_group(charts(), "Søyler: tre år og tre serier");
    ASSERT_NE(nullptr, group);
    const Group& tag = *group;
    EXPECT_EQ("Søyler: tre år og tre serier. 2022: Bærum 4\u00A0744, Asker 4\u00A0082, ASSS med Oslo 3\u00A0742. 2023: Bærum "
              "4\u00A0719, Asker 4\u00A0189, ASSS med Oslo 4\u00A0161. 2024: Bærum 4\u00A0085, Asker 3\u00A0948, ASSS med Oslo "
              "3\u00A0908.",
              tag.alt);
}

}  // namespace
}  // namespace sats
