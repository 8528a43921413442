#pragma once
// One interface for every kind of chart, one painter per family in its own file, and the
// factory that picks the painter for a chart's type. A new chart type is its own painter
// file, a line below and a line in chart_factory.cpp.

#include <memory>
#include <string>
#include <vector>

#include "layout/charts/chart_kit.hpp"

namespace sats {

/// Draws one kind of chart. Painters only append drawing items (paths and text) to the list
/// they are given; the figure's structure tags are the caller's.
class ChartPainter {
public:
    explicit ChartPainter(const ChartKit& kit) : kit_(kit) {}
    virtual ~ChartPainter() = default;
    ChartPainter(const ChartPainter&) = delete;
    ChartPainter& operator=(const ChartPainter&) = delete;

    /// The chart and what it is drawn with.
    const ChartKit& kit() const { return kit_; }

    /// The names the legend shows, one per series: none for a single series without a range.
    virtual std::vector<std::string> legend_entries() const;

    /// The legend's key of series `i`, 12 points wide from `x`, centred on `mid`: a swatch.
    virtual void draw_key(std::size_t i, double x, double mid, std::vector<FrameItem>& out) const;

    /// The drawing's height at `width`: `requested`, unless the chart needs more.
    virtual double plot_height(double width, double requested) const;

    /// Draws the plot in the box.
    virtual void draw(double x, double y, double width, double height, std::vector<FrameItem>& out) const = 0;

protected:
    ChartKit kit_;
};

/// The painter for the type of the kit's chart.
std::unique_ptr<ChartPainter> make_chart_painter(const ChartKit& kit);

// The painters, one family per file.
std::unique_ptr<ChartPainter> bar_chart(const ChartKit& kit);          ///< bar_chart.cpp
std::unique_ptr<ChartPainter> stacked_bar_chart(const ChartKit& kit);  ///< bar_chart.cpp
std::unique_ptr<ChartPainter> full_bar_chart(const ChartKit& kit);     ///< bar_chart.cpp, stacked to 100 %
std::unique_ptr<ChartPainter> column_chart(const ChartKit& kit);       ///< column_chart.cpp
std::unique_ptr<ChartPainter> line_chart(const ChartKit& kit);         ///< line_chart.cpp
std::unique_ptr<ChartPainter> pie_chart(const ChartKit& kit);          ///< pie_chart.cpp
std::unique_ptr<ChartPainter> donut_chart(const ChartKit& kit);        ///< pie_chart.cpp

}  // namespace sats
