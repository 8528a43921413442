#include "data/value_words.hpp"

#include <cmath>

#include "core/number_format.hpp"

namespace sats {

namespace {

constexpr const char* kAbsPrefix = "abs_";

}  // namespace

ValueWords::ValueWords(WordSettings settings, const std::string& language)
    : settings_(std::move(settings)), nynorsk_(language == "nn") {}

std::optional<Direction> ValueWords::direction(const Value& v) const {
    if (!v.number) return std::nullopt;
    const double shown = round_half_away(*v.number, v.decimals);
    const auto threshold = settings_.thresholds.find(unit_name(v.unit));
    const double limit = threshold == settings_.thresholds.end() ? 0.0 : threshold->second;
    // The shown number and the threshold are both decimal fractions read into doubles: a
    // difference of rounding noise is "at" the threshold.
    if (std::fabs(shown) <= limit * (1 + 1e-12)) return Direction::equal;
    return v.shown_sign() > 0 ? Direction::over : Direction::under;
}

std::optional<std::string> ValueWords::word(const std::string& form, Direction direction) const {
    const auto d = static_cast<std::size_t>(direction);
    if (const auto set = settings_.words.find(form); set != settings_.words.end() && set->second[d]) return *set->second[d];
    for (const auto& f : word_forms())
        if (form == f.name) return nynorsk_ ? f.nn[d] : f.nb[d];
    return std::nullopt;
}

std::optional<std::string> ValueWords::resolve(const Value& v, const std::string& suffix) const {
    const bool with_number = suffix.starts_with(kAbsPrefix);
    const std::string form = with_number ? suffix.substr(std::string(kAbsPrefix).size()) : suffix;
    if (!word(form, Direction::equal)) return std::nullopt;
    const auto d = direction(v);
    if (!d) return with_number ? (v.blank() ? std::string("..") : v.format()) : std::string();
    const std::string w = *word(form, *d);
    if (!with_number || *d == Direction::equal) return w;
    return v.magnitude().format() + " " + w;
}

std::vector<std::string> ValueWords::suffixes() {
    std::vector<std::string> names;
    for (const auto& f : word_forms()) {
        names.emplace_back(f.name);
        names.push_back(kAbsPrefix + std::string(f.name));
    }
    return names;
}

}  // namespace sats
