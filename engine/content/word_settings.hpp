#pragma once
// Words for signed values (`{{x.over_under}}` → "over" / "under" / "på linje med"): the word
// forms every difference offers, their bokmål and nynorsk defaults, and the `[words]` table of
// report.toml that sets the threshold for "equal" and overrides words.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/toml_reader.hpp"

namespace sats {

/// The three cases of a signed value, in the order the words of a form are listed.
enum class Direction { over, under, equal };

/// One word form: the placeholder suffix that asks for it and its words for a value over,
/// under and equal to its reference (zero), in bokmål and nynorsk.
struct WordForm {
    const char* name;
    std::array<const char*, 3> nb;
    std::array<const char*, 3> nn;
};

/// Every word form, in the order the docs list them (`over_under`, `okte_falt`, …).
const std::vector<WordForm>& word_forms();

/// The keys of a form's table in `[words]`, one for each Direction: "over", "under", "lik".
const std::array<const char*, 3>& direction_keys();

/// What `[words]` of report.toml sets; what it does not set keeps the defaults.
struct WordSettings {
    /// Per unit name ("prosent", "kr", …): a value whose shown magnitude is at most this is
    /// "equal". Units not listed count as equal only when shown as zero.
    std::map<std::string, double> thresholds;
    /// Per form name: the words the project gives instead of the defaults, by Direction.
    std::map<std::string, std::array<std::optional<std::string>, 3>> words;
};

/// Reads `[words]` from the manifest's top-level table `f` (nothing if absent): `threshold`
/// (a table of unit names and numbers) and one table per form with `over`, `under` and `lik`.
WordSettings read_word_settings(TomlFields& f);

}  // namespace sats
