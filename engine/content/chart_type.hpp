#pragma once
// The kinds of chart a ```chart block can draw, and their names as written there: one table
// that the parser, its error message and the layout's chart painters share.

#include "core/enum_names.hpp"

namespace sats {

/// A kind of chart, parsed once from a chart block's `type`.
enum class ChartType { bar, column, line, pie, donut, stacked, stacked100 };

/// Every chart type, in the order the error for an unknown type lists them.
inline constexpr EnumName<ChartType> kChartTypes[] = {
    {"bar", ChartType::bar},     {"column", ChartType::column},   {"line", ChartType::line},
    {"pie", ChartType::pie},     {"donut", ChartType::donut},     {"stacked", ChartType::stacked},
    {"stacked100", ChartType::stacked100},
};

/// The name of `type` as written in a chart block, e.g. "stacked100".
inline std::string chart_type_name(ChartType type) { return name_in(kChartTypes, type); }

/// The type called `name`; nothing for a name not in kChartTypes.
inline std::optional<ChartType> parse_chart_type(const std::string& name) { return parse_in(kChartTypes, name); }

/// Every chart type's name, in table order.
inline std::vector<std::string> chart_type_names() { return names_in(kChartTypes); }

}  // namespace sats
