#include "data/compute.hpp"

#include <algorithm>
#include <functional>
#include <initializer_list>

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

/// A result without a number, marked with the symbol of the first operand that has none
/// (a sum over `:` is `:`); `..` if that operand is blank or every operand has a number (e.g. a
/// division by zero).
Value missing(Unit unit, std::initializer_list<const Value*> operands) {
    Value v = result(unit, std::nullopt);
    for (const Value* o : operands)
        if (!o->amount()) {
            v.missing_mark = o->blank() ? ".." : o->missing_mark;
            break;
        }
    return v;
}

/// Applies `f` when both operands have an amount and the reference is non-zero.
Value ratio(const Value& a, const Value& b, Unit unit, const std::function<double(double, double)>& f) {
    const auto x = a.amount(), y = b.amount();
    if (!x || !y || *y == 0) return missing(unit, {&a, &b});
    return result(unit, f(*x, *y));
}

/// The operands to aggregate: all of them, or with `skip_missing` those with an amount.
std::vector<const Value*> operands(const std::vector<Value>& values, bool skip_missing) {
    std::vector<const Value*> kept;
    for (const auto& v : values)
        if (!skip_missing || v.amount()) kept.push_back(&v);
    return kept;
}

Value fold(const std::vector<Value>& values, bool skip_missing, const std::function<double(double, double)>& f) {
    const Unit unit = values.empty() ? Unit::number : values.front().unit;
    const auto kept = operands(values, skip_missing);
    if (kept.empty()) return values.empty() ? result(unit, std::nullopt) : missing(unit, {&values.front()});
    for (const Value* v : kept)
        if (!v->amount()) return missing(unit, {v});
    double acc = *kept.front()->amount();
    for (std::size_t i = 1; i < kept.size(); ++i) acc = f(acc, *kept[i]->amount());
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
    const auto x = value.amount(), y = reference.amount();
    if (!x || !y) return missing(unit, {&value, &reference});
    Value v = result(unit, *x - *y);
    v.decimals = std::max(value.decimals, reference.decimals);
    return v;
}

Value growth(const Value& after, const Value& before) { return percent_difference(after, before); }

Value deflate(const Value& value, const std::vector<Value>& yearly_price_growth) {
    if (!value.amount()) return missing(value.unit, {&value});
    double factor = 1.0;
    for (const auto& d : yearly_price_growth) {
        if (!d.amount()) return missing(value.unit, {&d});
        factor *= 1.0 + *d.amount() / 100.0;
    }
    Value v = value;
    v.number = *value.amount() * factor;
    return v;
}

Value sum_of(const std::vector<Value>& values, bool skip_missing) { return fold(values, skip_missing, std::plus<double>()); }

Value min_of(const std::vector<Value>& values, bool skip_missing) {
    return fold(values, skip_missing, [](double a, double b) { return std::min(a, b); });
}

Value max_of(const std::vector<Value>& values, bool skip_missing) {
    return fold(values, skip_missing, [](double a, double b) { return std::max(a, b); });
}

Value mean_of(const std::vector<Value>& values, bool skip_missing) {
    Value v = sum_of(values, skip_missing);
    if (v.number) *v.number /= static_cast<double>(operands(values, skip_missing).size());
    return v;
}

Value rank_in(const Value& value, const std::vector<Value>& group, bool ascending) {
    const auto x = value.amount();
    if (!x) return missing(Unit::count, {&value});
    int rank = 1;
    for (const auto& other : group) {
        const auto y = other.amount();
        if (y && (ascending ? *y < *x : *y > *x)) ++rank;
    }
    return result(Unit::count, rank);
}

Value count_over(const std::vector<Value>& values, const std::vector<Value>& references) {
    if (values.size() != references.size()) return result(Unit::count, std::nullopt);
    int count = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto x = values[i].amount(), y = references[i].amount();
        if (!x || !y) return missing(Unit::count, {&values[i], &references[i]});
        if (round_half_away(*x, values[i].decimals) > round_half_away(*y, references[i].decimals)) ++count;
    }
    return result(Unit::count, count);
}

}  // namespace sats
