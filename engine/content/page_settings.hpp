#pragma once
// What report.toml says about the pages around the text: the running header and footer, the
// contents page and the words before caption numbers. Each overrides the layout's choice.

#include <optional>
#include <string>
#include <vector>

#include "content/running_texts.hpp"
#include "core/toml_reader.hpp"

namespace sats {

/// The manifest's `[header]`, `[footer]`, `[contents]` and `[labels]`; what is not given
/// is left to the layout.
struct PageSettings {
    RunningTexts header, footer;
    std::optional<bool> contents;               ///< show the contents page
    std::optional<int> contents_levels;         ///< heading levels listed in it (1–6)
    std::optional<std::string> contents_title;  ///< its title
    std::optional<std::string> table_label;     ///< word before table numbers ("Tabell"); "" = no number
    std::optional<std::string> figure_label;    ///< word before figure numbers ("Figur", "Diagram")
    std::optional<std::vector<std::string>> heading_numbering;  ///< per level, "1.1"-patterns; "" = none
};

/// Reads the keys left, center and right of `t` as the running texts of the `what` ("header"
/// or "footer"), reporting unknown fields; other keys are left to the caller.
RunningTexts read_running_texts(TomlFields& t, const std::string& what);

/// Reads the table at `key` of `f` ({ left = …, right = … }) as running texts, reporting
/// unknown fields and keys.
RunningTexts read_running_table(TomlFields& f, const std::string& key);

/// Reads the manifest's page settings from its top-level table `f`.
PageSettings read_page_settings(TomlFields& f);

}  // namespace sats
