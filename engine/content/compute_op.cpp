#include "content/compute_op.hpp"

namespace sats {

std::string compute_op_name(ComputeOp op) {
    for (const auto& entry : kComputeOps)
        if (entry.op == op) return entry.name;
    return "";  // unreachable while every enumerator has its row
}

std::optional<ComputeOp> parse_compute_op(const std::string& name) {
    for (const auto& entry : kComputeOps)
        if (name == entry.name) return entry.op;
    return std::nullopt;
}

std::vector<std::string> compute_op_names() {
    std::vector<std::string> names;
    for (const auto& entry : kComputeOps) names.emplace_back(entry.name);
    return names;
}

}  // namespace sats
