#include "content/word_settings.hpp"

#include "content/manifest.hpp"

namespace sats {

const std::vector<WordForm>& word_forms() {
    static const std::vector<WordForm> forms{
        {"over_under", {"over", "under", "på linje med"}, {"over", "under", "på linje med"}},
        {"okte_falt", {"økte", "falt", "holdt seg uendret"}, {"auka", "fall", "heldt seg uendra"}},
        {"hoyere_lavere", {"høyere", "lavere", "like høy"}, {"høgare", "lågare", "like høg"}},
        {"mer_mindre", {"mer", "mindre", "like mye"}, {"meir", "mindre", "like mykje"}},
        {"opp_ned", {"gikk opp", "gikk ned", "var uendret"}, {"gjekk opp", "gjekk ned", "var uendra"}},
    };
    return forms;
}

const std::array<const char*, 3>& direction_keys() {
    static const std::array<const char*, 3> keys{"over", "under", "lik"};
    return keys;
}

WordSettings read_word_settings(TomlFields& f) {
    WordSettings s;
    const auto* words = f.table("words");
    if (!words) return s;
    TomlFields w(*words, f.file(), f.diagnostics(), f.line_offset());
    if (const auto* thresholds = w.table("threshold")) {
        TomlFields t(*thresholds, f.file(), f.diagnostics(), f.line_offset());
        for (const auto& unit : known_units()) {
            const auto value = t.number(unit);
            if (value && *value < 0)
                f.diagnostics().error(t.location(unit), "the threshold for '" + unit + "' must be 0 or more",
                                      "it is the largest difference, as shown, that still counts as equal");
            else if (value) s.thresholds[unit] = *value;
        }
        t.reject_unknown_keys();
    }
    for (const auto& form : word_forms()) {
        const auto* table = w.table(form.name);
        if (!table) continue;
        TomlFields t(*table, f.file(), f.diagnostics(), f.line_offset());
        auto& words_of_form = s.words[form.name];
        for (std::size_t d = 0; d < direction_keys().size(); ++d) words_of_form[d] = t.string(direction_keys()[d]);
        t.reject_unknown_keys();
    }
    w.reject_unknown_keys();
    return s;
}

}  // namespace sats
