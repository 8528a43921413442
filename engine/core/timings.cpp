#include "core/timings.hpp"

#include <cstdio>
#include <ostream>

namespace sats {

void Timings::add(const std::string& stage, double seconds) {
    for (auto& [name, total] : stages_)
        if (name == stage) {
            total += seconds;
            return;
        }
    stages_.emplace_back(stage, seconds);
}

void Timings::print(std::ostream& out) const {
    double sum = 0;
    char line[80];
    for (const auto& [name, seconds] : stages_) {
        std::snprintf(line, sizeof line, "  %-10s %8.3f s\n", name.c_str(), seconds);
        out << line;
        sum += seconds;
    }
    std::snprintf(line, sizeof line, "  %-10s %8.3f s\n", "total", sum);
    out << line;
}

}  // namespace sats
