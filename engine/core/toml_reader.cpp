#include "core/toml_reader.hpp"

#include <cmath>

#include "core/key_synonyms.hpp"
#include "core/toml_syntax.hpp"

namespace sats {

SourceLocation toml_location(const toml::source_region& region, const std::string& file, int line_offset) {
    return {file, static_cast<int>(region.begin.line) + line_offset, static_cast<int>(region.begin.column)};
}

std::optional<toml::table> parse_toml(const std::string& text, const std::string& file, Diagnostics& diagnostics,
                                      int line_offset) {
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        const LineColumn noticed{static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)};
        const auto error = explain_toml_error(text, noticed, e.description(), line_offset);
        diagnostics.error({file, error.at.line + line_offset, error.at.column}, error.message, error.hint);
        return std::nullopt;
    }
}

TomlFields::TomlFields(const toml::table& table, std::string file, Diagnostics& diagnostics, int line_offset)
    : table_(table), file_(std::move(file)), diagnostics_(diagnostics), line_offset_(line_offset) {}

SourceLocation TomlFields::location(const std::string& key) const {
    for (const auto& [k, node] : table_)
        if (k.str() == key) return toml_location(k.source(), file_, line_offset_);
    return location();
}

SourceLocation TomlFields::location() const { return toml_location(table_.source(), file_, line_offset_); }

void TomlFields::wrong_type(const std::string& key, const std::string& expected) {
    diagnostics_.error(location(key), "'" + key + "' must be " + expected);
}

std::optional<std::string> TomlFields::string(const std::string& key, bool required) {
    used_.insert(key);
    const auto* node = table_.get(key);
    if (!node) {
        if (required) diagnostics_.error(location(), "missing required key '" + key + "'");
        return std::nullopt;
    }
    if (const auto* s = node->as_string()) return s->get();
    wrong_type(key, "a string (in quotes)");
    return std::nullopt;
}

std::optional<int> TomlFields::integer(const std::string& key, int low, int high, bool required) {
    used_.insert(key);
    const auto* node = table_.get(key);
    if (!node) {
        if (required) diagnostics_.error(location(), "missing required key '" + key + "'");
        return std::nullopt;
    }
    if (const auto* i = node->as_integer()) {
        if (i->get() >= low && i->get() <= high) return static_cast<int>(i->get());
        diagnostics_.error(location(key), "'" + key + "' must be a whole number from " + std::to_string(low) + " to " +
                                              std::to_string(high) + ", not " + std::to_string(i->get()));
        return std::nullopt;
    }
    wrong_type(key, "a whole number");
    return std::nullopt;
}

const toml::node* TomlFields::node(const std::string& key) {
    used_.insert(key);
    return table_.get(key);
}

std::optional<double> TomlFields::number(const std::string& key) {
    const auto* n = node(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<double>()) {
        if (std::isfinite(*v)) return *v;
        wrong_type(key, "a finite number (nan and inf mean nothing here)");
        return std::nullopt;
    }
    wrong_type(key, "a number");
    return std::nullopt;
}

std::optional<bool> TomlFields::boolean(const std::string& key) {
    used_.insert(key);
    const auto* node = table_.get(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    wrong_type(key, "true or false");
    return std::nullopt;
}

std::vector<std::string> TomlFields::strings(const std::string& key) {
    used_.insert(key);
    std::vector<std::string> out;
    const auto* node = table_.get(key);
    if (!node) return out;
    if (const auto* s = node->as_string()) return {s->get()};
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(key, "a string or a list of strings");
        return out;
    }
    for (const auto& item : *array) {
        if (const auto* s = item.as_string()) out.push_back(s->get());
        else {
            diagnostics_.error(toml_location(item.source(), file_, line_offset_), "'" + key + "' must hold only strings");
        }
    }
    return out;
}

const toml::table* TomlFields::table(const std::string& key) {
    used_.insert(key);
    const auto* node = table_.get(key);
    if (!node) return nullptr;
    if (const auto* t = node->as_table()) return t;
    wrong_type(key, "a table");
    return nullptr;
}

std::vector<const toml::table*> TomlFields::tables(const std::string& key) {
    used_.insert(key);
    std::vector<const toml::table*> out;
    const auto* node = table_.get(key);
    if (!node) return out;
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(key, "a list of tables ([[" + key + "]])");
        return out;
    }
    for (const auto& item : *array) {
        if (const auto* t = item.as_table()) out.push_back(t);
        else diagnostics_.error(toml_location(item.source(), file_, line_offset_), "'" + key + "' must hold tables");
    }
    return out;
}

std::vector<TomlFields::NamedTable> TomlFields::named_tables(const std::string& key) {
    std::vector<NamedTable> out;
    const toml::table* parent = table(key);
    if (!parent) return out;
    for (const auto& [k, node] : *parent) {
        const SourceLocation where = toml_location(k.source(), file_, line_offset_);
        if (const auto* t = node.as_table()) out.push_back({std::string(k.str()), t, where});
        else diagnostics_.error(where, "'" + key + "." + std::string(k.str()) + "' must be a table");
    }
    return out;
}

std::vector<std::string> TomlFields::keys() {
    std::vector<std::string> out;
    for (const auto& [k, node] : table_) {
        out.emplace_back(k.str());
        used_.insert(std::string(k.str()));
    }
    return out;
}

void TomlFields::reject_unknown_keys() {
    std::vector<std::string> known(used_.begin(), used_.end());
    for (const auto& [k, node] : table_) {
        const std::string key(k.str());
        if (used_.count(key)) continue;
        diagnostics_.error(toml_location(k.source(), file_, line_offset_), "unknown key '" + key + "'",
                           unknown_key_hint(key, known));
    }
}

}  // namespace sats
