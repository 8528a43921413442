#pragma once
// The kinds of chart a ```chart block can draw, and their names as written there: one table
// that the parser, its error message and the layout's chart painters share.

#include <optional>
#include <string>
#include <vector>

namespace sats {

/// A kind of chart, parsed once from a chart block's `type`.
enum class ChartType { bar, column, line, pie, donut, stacked, stacked100 };

/// A chart type and its name in a chart block.
struct ChartTypeName {
    const char* name;
    ChartType type;
};

/// Every chart type, in the order the error for an unknown type lists them.
inline constexpr ChartTypeName kChartTypes[] = {
    {"bar", ChartType::bar},     {"column", ChartType::column},   {"line", ChartType::line},
    {"pie", ChartType::pie},     {"donut", ChartType::donut},     {"stacked", ChartType::stacked},
    {"stacked100", ChartType::stacked100},
};

/// The name of `type` as written in a chart block, e.g. "stacked100".
std::string chart_type_name(ChartType type);

/// The type called `name`; nothing for a name not in kChartTypes.
std::optional<ChartType> parse_chart_type(const std::string& name);

/// Every chart type's name, in table order.
std::vector<std::string> chart_type_names();

}  // namespace sats
