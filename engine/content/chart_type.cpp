#include "content/chart_type.hpp"

namespace sats {

std::string chart_type_name(ChartType type) {
    for (const auto& entry : kChartTypes)
        if (entry.type == type) return entry.name;
    return "";  // unreachable while every enumerator has its row
}

std::optional<ChartType> parse_chart_type(const std::string& name) {
    for (const auto& entry : kChartTypes)
        if (name == entry.name) return entry.type;
    return std::nullopt;
}

std::vector<std::string> chart_type_names() {
    std::vector<std::string> names;
    for (const auto& entry : kChartTypes) names.emplace_back(entry.name);
    return names;
}

}  // namespace sats
