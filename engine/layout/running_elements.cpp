#include "layout/running_elements.hpp"

#include <glib.h>

#include <map>
#include <set>

namespace sats {

namespace {

/// The section title ({avsnitt}) of each page.
std::vector<std::string> page_sections(const FrameDocument& document, const PageFlow& flow,
                                       const std::vector<HeadingEntry>& headings) {
    std::map<std::string, std::string> sections;  // anchor of a level-2 heading → its title
    for (const auto& h : headings)
        if (h.level == 2) sections.emplace(h.anchor, h.number.empty() ? h.title : h.number + " " + h.title);
    std::vector<std::string> out(document.pages.size());
    std::string current;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        if (p < flow.openers.size() && flow.openers[p]) current.clear();
        std::string first;
        for_each<Anchor>(document.pages[p].items, [&](const Anchor& anchor) {
            const auto it = sections.find(anchor.name);
            if (it == sections.end()) return;
            if (first.empty()) first = it->second;
            current = it->second;
        });
        out[p] = first.empty() ? current : first;
    }
    return out;
}

/// Sets one running text, cut with an ellipsis to at most `room` points.
class RunningSetter {
public:
    RunningSetter(LayoutContext& c, TextSettings settings) : c_(c), settings_(std::move(settings)) { settings_.width = 0; }

    /// The width of `text` set on one line.
    double width(const std::string& text) const { return text.empty() ? 0 : c_.shape_plain({TextRun{text}}, settings_).width(); }

    /// `text`, or its longest beginning that fits `room` with "…" after it; `cut` says which.
    std::string fit(const std::string& text, double room, bool& cut) const {
        cut = width(text) > room + 0.01;
        if (!cut) return text;
        const glong length = g_utf8_strlen(text.c_str(), -1);
        glong low = 0, high = length;  // the longest beginning that fits has `low` characters
        while (low < high) {
            const glong mid = (low + high + 1) / 2;
            if (width(shortened(text, mid)) <= room) low = mid;
            else high = mid - 1;
        }
        return low > 0 ? shortened(text, low) : "";
    }

    /// Places `text` on one line with its left edge at `x` and its top at `y`.
    void place(const std::string& text, double x, double y, std::vector<FrameItem>& out) const {
        if (!text.empty()) c_.shape_plain({TextRun{text}}, settings_).place_line(0, x, y, out);
    }

private:
    /// The first `count` characters of `text`, spaces at the end dropped, and "…".
    static std::string shortened(const std::string& text, glong count) {
        std::string out(text, 0, static_cast<std::size_t>(g_utf8_offset_to_pointer(text.c_str(), count) - text.c_str()));
        while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '-')) out.pop_back();
        return out + "\u2026";
    }

    LayoutContext& c_;
    TextSettings settings_;
};

/// Sets a header or footer line of three texts across `width` at (x, y) so that they never
/// overlap: the centre keeps up to half the width, the sides share the rest, a short side
/// leaving its room to the other. Returns the texts that had to be cut.
std::vector<std::string> set_line(const RunningSetter& setter, const std::array<std::string, 3>& texts, double x, double y,
                                  double width, double gap, std::vector<FrameItem>& out) {
    std::vector<std::string> cut_texts;
    bool cut = false;
    const std::string center = setter.fit(texts[1], width / 2, cut);
    if (cut) cut_texts.push_back(texts[1]);
    const double center_width = setter.width(center);
    // Room for each side: around a centre text, the half beside it; else they share the line.
    const double half = center.empty() ? (width - gap) / 2 : (width - center_width) / 2 - gap;
    const double left_natural = setter.width(texts[0]), right_natural = setter.width(texts[2]);
    const double left_room = center.empty() && right_natural < half ? width - gap - right_natural : half;
    const double right_room = center.empty() && left_natural < half ? width - gap - left_natural : half;
    const std::string left = setter.fit(texts[0], left_room, cut);
    if (cut) cut_texts.push_back(texts[0]);
    const std::string right = setter.fit(texts[2], right_room, cut);
    if (cut) cut_texts.push_back(texts[2]);
    setter.place(left, x, y, out);
    setter.place(center, x + (width - center_width) / 2, y, out);
    setter.place(right, x + width - setter.width(right), y, out);
    return cut_texts;
}

}  // namespace

void add_running_elements(FrameDocument& document, const PageFlow& flow, const ReportInfo& info,
                          const std::vector<HeadingEntry>& headings, LayoutContext& c) {
    const auto& s = c.style;
    TextSettings settings = c.body(0);
    settings.style = s.footer;
    settings.justify = false;
    const RunningSetter setter(c, settings);
    const auto sections = page_sections(document, flow, headings);
    const double gap = s.footer.size * 2;
    std::set<std::string> warned;
    for (std::size_t p = 1; p < document.pages.size(); ++p) {
        const std::string& file = flow.chapter_files[p];
        const auto own = info.chapter_running.find(file);
        const RunningTexts header = own == info.chapter_running.end() ? s.header_texts : own->second.first.over(s.header_texts);
        const RunningTexts footer = own == info.chapter_running.end() ? s.footer_texts : own->second.second.over(s.footer_texts);
        const auto field = [&](const std::string& name) -> std::string {
            if (name == "tittel") return info.title;
            if (name == "undertittel") return info.subtitle;
            if (name == "kommune") return info.municipality;
            if (name == "år") return info.year ? std::to_string(info.year) : "";
            if (name == "kapittel") return flow.chapters[p];
            if (name == "avsnitt") return sections[p];
            if (name == "side") return std::to_string(p + 1);
            if (name == "sider") return std::to_string(document.pages.size());
            if (name == "dato") return info.date_text;
            return "";
        };
        const auto texts = [&](const RunningTexts& t) {
            return std::array<std::string, 3>{fill_running_text(t.left.value_or(""), field),
                                              fill_running_text(t.center.value_or(""), field),
                                              fill_running_text(t.right.value_or(""), field)};
        };
        std::vector<FrameItem> running;
        std::vector<std::string> cut;
        const bool opener = flow.openers[p];
        if (!opener || s.footer_on_openers) {
            auto cut_here = set_line(setter, texts(footer), s.margin_left, s.page_height - s.margin_bottom + 18, s.text_width(), gap, running);
            cut.insert(cut.end(), cut_here.begin(), cut_here.end());
        }
        const auto header_texts = texts(header);
        const bool any_header = !(header_texts[0].empty() && header_texts[1].empty() && header_texts[2].empty());
        if (s.header && any_header && (!opener || s.header_on_openers)) {
            auto cut_here = set_line(setter, header_texts, s.margin_left, s.margin_top - 30, s.text_width(), gap, running);
            cut.insert(cut.end(), cut_here.begin(), cut_here.end());
            running.push_back(Line{s.margin_left, s.margin_top - 14, s.page_width - s.margin_right, s.margin_top - 14, 0.4, s.table_rule});
        }
        for (const auto& text : cut)
            if (warned.insert(text).second)
                c.diagnostics.warning({file.empty() ? "" : file}, "the running text '" + text + "' is too long for its place and is cut with …",
                                      "write a shorter text in report.toml: in [header] or [footer] for the whole report, or for one "
                                      "chapter in 'chapters' as { file = \"kapitler/03.md\", header = { right = \"Kort tittel\" } }");
        // Running elements are artifacts, not part of the text's structure.
        auto& items = document.pages[p].items;
        items.insert(items.begin(), Group{Role::artifact, {}, {}, {}, false, false, std::move(running)});
    }
}

}  // namespace sats
