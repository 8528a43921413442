#include "layout/references.hpp"

#include <glib.h>

namespace sats {

std::string slug(const std::string& text) {
    std::string out;
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
        const gunichar c = g_unichar_tolower(g_utf8_get_char(p));
        if (c < 0x80 && g_ascii_isalnum(static_cast<gchar>(c))) out += static_cast<char>(c);
        else if (c == U'æ') out += "ae";
        else if (c == U'ø') out += "o";
        else if (c == U'å') out += "aa";
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "avsnitt" : out;
}

References::References(const std::vector<Chapter>& chapters, ReferenceLabels labels, Diagnostics& diagnostics)
    : labels_(std::move(labels)) {
    for (const auto& chapter : chapters) walk(chapter.blocks, diagnostics);
}

void References::add(const std::string& id, Target target, const SourceLocation& where, Diagnostics& diagnostics) {
    if (id.empty()) return;
    if (!targets_.emplace(id, std::move(target)).second) diagnostics.error(where, "the id '" + id + "' is used twice");
}

void References::walk(const std::vector<Block>& blocks, Diagnostics& diagnostics) {
    for (const auto& block : blocks) {
        if (const auto* table = std::get_if<Table>(&block.content)) {
            const std::string anchor = table->id.empty() ? "tabell-" + std::to_string(tables_ + 1) : table->id;
            if (!table->caption.empty()) numbered_[table] = labels_.table + " " + std::to_string(++tables_);
            anchors_[table] = anchor;
            add(table->id, {numbered_.count(table) ? numbered_[table] : labels_.table, anchor}, block.where, diagnostics);
        } else if (const auto* chart = std::get_if<Chart>(&block.content)) {
            const std::string anchor = chart->id.empty() ? "figur-" + std::to_string(figures_ + 1) : chart->id;
            if (!chart->caption.empty()) numbered_[chart] = labels_.figure + " " + std::to_string(++figures_);
            anchors_[chart] = anchor;
            add(chart->id, {numbered_.count(chart) ? numbered_[chart] : labels_.figure, anchor}, block.where, diagnostics);
        } else if (const auto* image = std::get_if<Image>(&block.content)) {
            if (!image->caption.empty()) numbered_[image] = labels_.figure + " " + std::to_string(++figures_);
            anchors_[image] = image->id;
            if (!image->caption.empty()) add(image->id, {numbered_[image], image->id}, block.where, diagnostics);
        } else if (const auto* heading = std::get_if<Heading>(&block.content)) {
            const std::string title = plain_text(heading->text);
            std::string anchor = slug(title);
            for (int n = 2; targets_.count(anchor); ++n) anchor = slug(title) + "-" + std::to_string(n);
            anchors_[heading] = anchor;
            headings_.push_back({title, heading->level, anchor});
            targets_.emplace(anchor, Target{title, anchor});
        } else if (const auto* list = std::get_if<List>(&block.content)) {
            for (const auto& item : list->items) walk(item.blocks, diagnostics);
        }
    }
}

std::string References::caption(const Table& table) const {
    const auto it = numbered_.find(&table);
    return it == numbered_.end() ? table.caption : it->second + ": " + table.caption;
}

std::string References::caption(const Image& image) const {
    const auto it = numbered_.find(&image);
    return it == numbered_.end() ? image.caption : it->second + ": " + image.caption;
}

std::string References::caption(const Chart& chart) const {
    const auto it = numbered_.find(&chart);
    return it == numbered_.end() ? chart.caption : it->second + ": " + chart.caption;
}

std::string References::anchor(const void* block) const {
    const auto it = anchors_.find(block);
    return it == anchors_.end() ? "" : it->second;
}

std::optional<int> References::page(const std::string& anchor) const {
    const auto it = pages_.find(anchor);
    if (it == pages_.end()) return std::nullopt;
    return it->second;
}

Inlines References::resolve(const Inlines& runs, const SourceLocation& where, Diagnostics& diagnostics) const {
    Inlines out;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const TextRun& run = runs[i];
        if (run.link.size() < 2 || run.link[0] != '#') {
            out.push_back(run);
            continue;
        }
        // The whole link (all its consecutive runs) becomes one run with the reference text.
        std::string text = run.text;
        while (i + 1 < runs.size() && runs[i + 1].link == run.link) text += runs[++i].text;
        const auto target = targets_.find(run.link.substr(1));
        if (target == targets_.end()) {
            std::vector<std::string> ids;
            for (const auto& [id, t] : targets_) ids.push_back(id);
            diagnostics.error(where, "unknown reference '" + run.link + "': no table, figure or heading has that id",
                              did_you_mean(run.link.substr(1), ids));
            out.push_back(run);
            continue;
        }
        TextRun resolved = run;
        const std::string lower = [&] {
            gchar* l = g_utf8_strdown(text.c_str(), -1);
            std::string s = l;
            g_free(l);
            return s;
        }();
        if (lower == labels_.page || lower == "page") {
            const auto p = page(target->second.anchor);
            resolved.text = labels_.page + "\u00A0" + (p ? std::to_string(*p) : "0");
        } else {
            resolved.text = target->second.label;
            // The author's own word decides upper or lower case: [tabell](#x) → "tabell 3".
            if (!text.empty() && g_unichar_islower(g_utf8_get_char(text.c_str())) && !resolved.text.empty())
                resolved.text = std::string(1, static_cast<char>(g_ascii_tolower(resolved.text[0]))) + resolved.text.substr(1);
            for (std::size_t k = 0; k < resolved.text.size(); ++k)
                if (resolved.text[k] == ' ' && k + 1 < resolved.text.size() && g_ascii_isdigit(resolved.text[k + 1]))
                    resolved.text.replace(k, 1, "\u00A0");
        }
        resolved.link = "#" + target->second.anchor;
        out.push_back(resolved);
    }
    return out;
}

}  // namespace sats
