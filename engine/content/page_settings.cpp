#include "content/page_settings.hpp"

#include "content/document.hpp"

namespace sats {

RunningTexts read_running_texts(TomlFields& t, const std::string& what) {
    RunningTexts out;
    for (auto [name, slot] : {std::pair{"left", &out.left}, {"center", &out.center}, {"right", &out.right}}) {
        *slot = t.string(name);
        if (!*slot) continue;
        const auto unknown = unknown_running_field(**slot);
        if (unknown.empty()) continue;
        std::vector<std::string> known;
        for (const auto& field : running_fields()) known.push_back("{" + field + "}");
        const auto near = did_you_mean(unknown, known);
        std::string list;
        for (const auto& field : known) list += (list.empty() ? "" : ", ") + field;
        t.diagnostics().error(t.location(name), "unknown field " + unknown + " in the running " + what,
                              near.empty() ? "the fields are " + list : near);
    }
    return out;
}

RunningTexts read_running_table(TomlFields& f, const std::string& key) {
    const auto* table = f.table(key);
    if (!table) return {};
    TomlFields t(*table, f.file(), f.diagnostics(), f.line_offset());
    auto out = read_running_texts(t, key);
    t.reject_unknown_keys();
    return out;
}

PageSettings read_page_settings(TomlFields& f) {
    PageSettings s;
    s.header = read_running_table(f, "header");
    s.footer = read_running_table(f, "footer");
    if (const auto* contents = f.table("contents")) {
        TomlFields c(*contents, f.file(), f.diagnostics(), f.line_offset());
        s.contents = c.boolean("show");
        s.contents_levels = c.integer("levels", 1, kMaxHeadingLevel);
        s.contents_title = c.string("title");
        c.reject_unknown_keys();
    }
    if (f.node("heading_numbering")) {
        s.heading_numbering = f.strings("heading_numbering");
        if (s.heading_numbering->size() > kMaxHeadingLevel)
            f.diagnostics().error(f.location("heading_numbering"), "'heading_numbering' has a pattern per heading level, at most " +
                                                                       std::to_string(kMaxHeadingLevel),
                                  "e.g. heading_numbering = [\"1\", \"1.1\", \"1.1.1\"]");
    }
    if (const auto* labels = f.table("labels")) {
        TomlFields l(*labels, f.file(), f.diagnostics(), f.line_offset());
        s.table_label = l.string("table");
        s.figure_label = l.string("figure");
        l.reject_unknown_keys();
    }
    return s;
}

}  // namespace sats
