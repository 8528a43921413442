#pragma once
// The operations a computed column or value can apply (`op = "..."` in report.toml), and their
// names as written there: one table that the manifest reader, its error message and the data
// stage share.

#include "core/enum_names.hpp"

namespace sats {

/// An operation of a computation, parsed once from its `op`.
enum class ComputeOp { pct_diff, index, share, diff, growth, deflate, sum, min, max, mean, rank, count_over };

/// Every operation, in the order the error for an unknown one lists them.
inline constexpr EnumName<ComputeOp> kComputeOps[] = {
    {"pct_diff", ComputeOp::pct_diff}, {"index", ComputeOp::index}, {"share", ComputeOp::share},
    {"diff", ComputeOp::diff},         {"growth", ComputeOp::growth}, {"deflate", ComputeOp::deflate},
    {"sum", ComputeOp::sum},           {"min", ComputeOp::min},     {"max", ComputeOp::max},
    {"mean", ComputeOp::mean},         {"rank", ComputeOp::rank},   {"count_over", ComputeOp::count_over},
};

/// The name of `op` as written in report.toml, e.g. "pct_diff".
inline std::string compute_op_name(ComputeOp op) { return name_in(kComputeOps, op); }

/// The operation called `name`; nothing for a name not in kComputeOps.
inline std::optional<ComputeOp> parse_compute_op(const std::string& name) { return parse_in(kComputeOps, name); }

/// Every operation's name, in table order.
inline std::vector<std::string> compute_op_names() { return names_in(kComputeOps); }

}  // namespace sats
