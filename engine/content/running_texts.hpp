#pragma once
// The texts of a running header or footer as the layout and the manifest write them:
// left, centre and right, each with fields such as {kapittel} and {side}.

#include <optional>
#include <string>
#include <vector>

namespace sats {

/// The fields a running text may hold, without braces: tittel, undertittel, kommune, år,
/// kapittel, avsnitt, side, sider and dato.
const std::vector<std::string>& running_fields();

/// The texts of a header or a footer; a text not given (nullopt) is taken from the level below
/// (a chapter's from the report's, the report's from the layout's). "" shows nothing.
struct RunningTexts {
    std::optional<std::string> left, center, right;

    /// These texts, with those not given taken from `base`.
    RunningTexts over(const RunningTexts& base) const;
};

/// A field named in `text` that is not one of running_fields(), as written ("{kapitel}"), or
/// "" if every field is known. A brace that opens no field is kept as text.
std::string unknown_running_field(const std::string& text);

/// `text` with each field replaced by `value(field)`.
template <typename Value>
std::string fill_running_text(const std::string& text, Value value) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += text[i++];
            continue;
        }
        out += value(text.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    return out;
}

}  // namespace sats
