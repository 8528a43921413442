#pragma once
// The computations content can declare, as pure functions on values. An operand without a
// number gives a result marked with its symbol (never 0; a sum over `:` is `:`), and a division
// by zero gives `..`. Nil (`-`) counts as 0.

#include <vector>

#include "data/value.hpp"

namespace sats {

/// (value / reference − 1) × 100, in percent: Bærum 6 040 vs ASSS 5 564 → 8,6 %.
Value percent_difference(const Value& value, const Value& reference);

/// value / reference × 100, an index with the reference = 100.
Value index_against(const Value& value, const Value& reference);

/// part / total × 100, in percent: 16 494 of 84 225 → 19,6 %.
Value share_of(const Value& part, const Value& total);

/// value − reference; percentage points when both are percentages.
Value difference(const Value& value, const Value& reference);

/// Growth from `before` to `after` in percent.
Value growth(const Value& after, const Value& before);

/// `value` expressed in the prices of a later year: multiplied by (1 + d/100) for each yearly
/// price growth d (the deflator) between its year and the target year.
Value deflate(const Value& value, const std::vector<Value>& yearly_price_growth);

/// Sum, smallest, largest and mean of values: marked like the first operand without a number,
/// or with `skip_missing` over the operands that have one (marked like the first if none has).
Value sum_of(const std::vector<Value>& values, bool skip_missing = false);
Value min_of(const std::vector<Value>& values, bool skip_missing = false);
Value max_of(const std::vector<Value>& values, bool skip_missing = false);
Value mean_of(const std::vector<Value>& values, bool skip_missing = false);

/// Rank of `value` in `group` (1 = highest, or lowest if `ascending`); ties share a rank.
Value rank_in(const Value& value, const std::vector<Value>& group, bool ascending);

/// How many values[i] are above references[i] (pairwise, as shown with their decimals).
Value count_over(const std::vector<Value>& values, const std::vector<Value>& references);

}  // namespace sats
