#include "data/dataset.hpp"

#include <algorithm>
#include <numeric>

namespace sats {

namespace {

/// `text` in lower case for comparing names: ASCII and the Latin-1 letters (Æ, Ø, Å, É, …).
std::string folded(const std::string& text) {
    std::string out = text;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
        else if (c == 0xC3 && i + 1 < out.size()) {
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

/// The digits of a region code without leading zeros and letter prefixes (`K-0301` → `301`),
/// so `301` can be hinted as `0301`; "" if it has no digits.
std::string bare_digits(const std::string& code) {
    std::string digits;
    for (const char c : code)
        if (c >= '0' && c <= '9') digits += c;
        else if (!digits.empty()) return "";  // letters after digits: not a plain code
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? digits : digits.substr(first);
}

/// How far `name` is from a choice known by `code` and `label` (0 = the same digits).
std::size_t distance(const std::string& name, const std::string& code, const std::string& label) {
    if (!bare_digits(name).empty() && bare_digits(name) == bare_digits(code)) return 0;
    return std::min(edit_distance(folded(name), folded(code)), edit_distance(folded(name), folded(label))) + 1;
}

/// "code (label)", or the code alone when the label says nothing more.
std::string choice_text(const std::string& code, const std::string& label) {
    return label.empty() || label == code ? code : code + " (" + label + ")";
}

}  // namespace

std::string closest_choices(const std::string& name, const std::vector<std::pair<std::string, std::string>>& choices, std::size_t limit,
                         const std::string& what) {
    std::vector<std::size_t> order(choices.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::size_t> score(choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) score[i] = distance(name, choices[i].first, choices[i].second);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    std::string hint = what + ": ";
    for (std::size_t i = 0; i < std::min(limit, order.size()); ++i)
        hint += (i == 0 ? "" : ", ") + choice_text(choices[order[i]].first, choices[order[i]].second);
    if (order.size() > limit) hint += ", and " + std::to_string(order.size() - limit) + " more (sats data show lists them all)";
    return hint;
}

bool same_name(const std::string& a, const std::string& b) { return folded(a) == folded(b); }

int find_dimension(const Dataset& dataset, const std::string& name) {
    const auto wanted = folded(name);
    for (std::size_t d = 0; d < dataset.dimensions.size(); ++d)
        if (folded(dataset.dimensions[d].id) == wanted || folded(dataset.dimensions[d].label) == wanted) return static_cast<int>(d);
    return -1;
}

int find_category(const DatasetDimension& dimension, const std::string& name) {
    const auto& categories = dimension.categories;
    for (std::size_t c = 0; c < categories.size(); ++c)
        if (categories[c].code == name) return static_cast<int>(c);
    const auto wanted = folded(name);
    for (std::size_t c = 0; c < categories.size(); ++c) {
        const auto& [code, label, unit, line, column] = categories[c];
        if (folded(code) == wanted || folded(label) == wanted || folded(code + " " + label) == wanted) return static_cast<int>(c);
    }
    return -1;
}

std::string dimension_choices(const Dataset& dataset, const std::string& name) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& d : dataset.dimensions) choices.emplace_back(d.id, d.label);
    return closest_choices(name, choices, choices.size(), "its dimensions");
}

std::string category_choices(const DatasetDimension& dimension, const std::string& name, std::size_t limit) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& c : dimension.categories) choices.emplace_back(c.code, c.label);
    return closest_choices(name, choices, limit, "'" + dimension.id + "' has");
}

}  // namespace sats
