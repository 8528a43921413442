#include "data/compute.hpp"

#include <algorithm>
#include <functional>

#include "core/number_format.hpp"

namespace sats {

namespace {

Value result(Unit unit, std::optional<double> number) {
    Value v;
    v.unit = unit;
    v.decimals = default_decimals(unit);
    v.number = number;
    return v;
}

/// Applies `f` when both operands are present and the reference is non-zero.
Value ratio(const Value& a, const Value& b, Unit unit, const std::function<double(double, double)>& f) {
    if (!a.number || !b.number || *b.number == 0) return result(unit, std::nullopt);
    return result(unit, f(*a.number, *b.number));
}

bool all_present(const std::vector<Value>& values) {
    return !values.empty() && std::all_of(values.begin(), values.end(), [](const Value& v) { return v.number.has_value(); });
}

Value fold(const std::vector<Value>& values, const std::function<double(double, double)>& f) {
    const Unit unit = values.empty() ? Unit::number : values.front().unit;
    if (!all_present(values)) return result(unit, std::nullopt);
    double acc = *values.front().number;
    for (std::size_t i = 1; i < values.size(); ++i) acc = f(acc, *values[i].number);
    Value v = result(unit, acc);
    v.decimals = values.front().decimals;
    return v;
}

}  // namespace

Value percent_difference(const Value& value, const Value& reference) {
    return ratio(value, reference, Unit::percent, [](double a, double b) { return (a / b - 1.0) * 100.0; });
}

Value index_against(const Value& value, const Value& reference) {
    return ratio(value, reference, Unit::index, [](double a, double b) { return a / b * 100.0; });
}

Value share_of(const Value& part, const Value& total) {
    return ratio(part, total, Unit::percent, [](double a, double b) { return a / b * 100.0; });
}

Value difference(const Value& value, const Value& reference) {
    const Unit unit = value.unit == Unit::percent ? Unit::points : value.unit;
    if (!value.number || !reference.number) return result(unit, std::nullopt);
    Value v = result(unit, *value.number - *reference.number);
    v.decimals = std::max(value.decimals, reference.decimals);
    return v;
}

Value growth(const Value& after, const Value& before) { return percent_difference(after, before); }

Value deflate(const Value& value, const std::vector<Value>& yearly_price_growth) {
    if (!value.number || !std::all_of(yearly_price_growth.begin(), yearly_price_growth.end(),
                                      [](const Value& v) { return v.number.has_value(); }))
        return result(value.unit, std::nullopt);
    double factor = 1.0;
    for (const auto& d : yearly_price_growth) factor *= 1.0 + *d.number / 100.0;
    Value v = value;
    v.number = *value.number * factor;
    return v;
}

Value sum_of(const std::vector<Value>& values) { return fold(values, std::plus<double>()); }
Value min_of(const std::vector<Value>& values) { return fold(values, [](double a, double b) { return std::min(a, b); }); }
Value max_of(const std::vector<Value>& values) { return fold(values, [](double a, double b) { return std::max(a, b); }); }

Value mean_of(const std::vector<Value>& values) {
    Value v = sum_of(values);
    if (v.number) *v.number /= static_cast<double>(values.size());
    return v;
}

Value rank_in(const Value& value, const std::vector<Value>& group, bool ascending) {
    if (!value.number) return result(Unit::count, std::nullopt);
    int rank = 1;
    for (const auto& other : group) {
        if (!other.number) continue;
        if (ascending ? *other.number < *value.number : *other.number > *value.number) ++rank;
    }
    return result(Unit::count, rank);
}

Value count_over(const std::vector<Value>& values, const std::vector<Value>& references) {
    if (values.size() != references.size() || !all_present(values) || !all_present(references))
        return result(Unit::count, std::nullopt);
    int count = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (round_half_away(*values[i].number, values[i].decimals) > round_half_away(*references[i].number, references[i].decimals))
            ++count;
    return result(Unit::count, count);
}

}  // namespace sats
