#pragma once
// Closed sets written as words in content (chart types, compute operations): each is one
// table of enumerator and name, read through these three functions, so the parser, its
// error message and the stages that switch on the enum all share it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sats {

/// An enumerator and its name as content writes it.
template <typename Enum>
struct EnumName {
    const char* name;
    Enum value;
};

/// The name of `value` in `table`; "" if it has no row (a table missing an enumerator).
template <typename Enum, std::size_t N>
std::string name_in(const EnumName<Enum> (&table)[N], Enum value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.name;
    return "";
}

/// The enumerator called `name` in `table`; nothing for a name not in it.
template <typename Enum, std::size_t N>
std::optional<Enum> parse_in(const EnumName<Enum> (&table)[N], std::string_view name) {
    for (const auto& entry : table)
        if (name == entry.name) return entry.value;
    return std::nullopt;
}

/// Every name of `table`, in table order (for "did you mean" and the list of choices).
template <typename Enum, std::size_t N>
std::vector<std::string> names_in(const EnumName<Enum> (&table)[N]) {
    std::vector<std::string> names;
    for (const auto& entry : table) names.emplace_back(entry.name);
    return names;
}

}  // namespace sats
