#include "resolve/resolve_references.hpp"

#include <glib.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/counter_format.hpp"

#include "resolve/block_visitor.hpp"

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

namespace {

/// Lower-case UTF-8 text.
std::string lower_case(const std::string& text) {
    gchar* l = g_utf8_strdown(text.c_str(), -1);
    std::string s = l;
    g_free(l);
    return s;
}

/// Numbers the blocks, then resolves the links against what was numbered.
class ReferenceResolver {
public:
    ReferenceResolver(const ReferenceLabels& labels, Diagnostics& diagnostics) : labels_(labels), diagnostics_(diagnostics) {}

    /// Gives `block` its numbering if it is a heading, table or figure.
    void number(ResolvedBlock& block) {
        if (auto* table = std::get_if<Numbered<Table>>(&block.content)) {
            number_captioned(*table, table->label.value_or(labels_.table), "tabell-", block.where);
        } else if (auto* chart = std::get_if<Numbered<Chart>>(&block.content)) {
            number_captioned(*chart, chart->label.value_or(labels_.figure), "figur-", block.where);
        } else if (auto* image = std::get_if<Numbered<Image>>(&block.content)) {
            // An image is a target only when captioned; its anchor is its file name.
            image->numbering = numbering(image->caption, labels_.figure, image->id);
            if (!image->caption.empty()) add(image->id, {image->numbering.label, image->id}, block.where);
        } else if (auto* heading = std::get_if<Numbered<Heading>>(&block.content)) {
            number_heading(*heading, block.where);
        }
    }

    /// Resolves the internal links in the text of `block`.
    void link(ResolvedBlock& block) {
        const auto& where = block.where;
        if (auto* heading = std::get_if<Numbered<Heading>>(&block.content)) {
            resolve(heading->text, where);
        } else if (auto* paragraph = std::get_if<Paragraph>(&block.content)) {
            resolve(paragraph->text, where);
        } else if (auto* notes = std::get_if<Notes>(&block.content)) {
            for (auto& item : notes->items) resolve(item, where);
        } else if (auto* table = std::get_if<Numbered<Table>>(&block.content)) {
            for (auto* rows : {&table->header, &table->body})
                for (auto& row : *rows)
                    for (auto& cell : row.cells) resolve(cell.text, where);
        }
    }

    std::vector<HeadingEntry> take_headings() { return std::move(headings_); }

private:
    /// What an id refers to: the text a link to it shows, and its anchor.
    struct Target {
        std::string label;
        std::string anchor;
    };

    /// A heading: its number from the layout's pattern for its level (counting it when it is
    /// numbered), and its anchor: the writer's id, or one made from its title.
    void number_heading(Numbered<Heading>& heading, const SourceLocation& where) {
        const std::string title = plain_text(heading.text);
        const auto level = static_cast<std::size_t>(heading.level);
        const std::string& pattern = labels_.heading_numbering[level - 1];
        if (heading.numbered && !pattern.empty()) {
            ++counters_[level - 1];
            std::fill(counters_.begin() + static_cast<std::ptrdiff_t>(level), counters_.end(), 0);
            heading.numbering.label = pattern_text(pattern, std::vector<int>(counters_.begin(), counters_.begin() + static_cast<std::ptrdiff_t>(level)));
        }
        std::string anchor = heading.id.empty() ? slug(title) : heading.id;
        if (heading.id.empty())
            for (int n = 2; targets_.count(anchor); ++n) anchor = slug(title) + "-" + std::to_string(n);
        heading.numbering.anchor = anchor;
        headings_.push_back({title, heading.level, anchor, heading.numbering.label});
        if (heading.id.empty()) targets_.emplace(anchor, Target{title, anchor});
        else add(heading.id, {title, anchor}, where);
    }

    /// "Tabell 3" and "Tabell 3: caption" when `caption` is given (counting it among those of
    /// `word`), else the caption alone; so is a caption whose word is "".
    Numbering numbering(const std::string& caption, const std::string& word, std::string anchor) {
        if (caption.empty() || word.empty()) return {std::move(anchor), "", caption};
        const std::string label = word + " " + std::to_string(++counters_by_word_[word]);
        return {std::move(anchor), label, label + ": " + caption};
    }

    /// A table or chart: numbered when captioned, anchored at its id or "<prefix><next number>",
    /// a target of links under its id (reading its word alone when not numbered).
    template <typename T>
    void number_captioned(Numbered<T>& block, const std::string& word, const char* prefix, const SourceLocation& where) {
        const std::string anchor = block.id.empty() ? prefix + std::to_string(++anchors_by_prefix_[prefix]) : block.id;
        block.numbering = numbering(block.caption, word, anchor);
        const std::string& unnumbered = word.empty() ? block.caption : word;
        add(block.id, {block.numbering.label.empty() ? unnumbered : block.numbering.label, anchor}, where);
    }

    void add(const std::string& id, Target target, const SourceLocation& where) {
        if (id.empty()) return;
        if (!targets_.emplace(id, std::move(target)).second) diagnostics_.error(where, "the id '" + id + "' is used twice");
    }

    /// Gives every internal link in `runs` its text; the consecutive runs of one link become one run.
    void resolve(Inlines& runs, const SourceLocation& where) {
        Inlines out;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const TextRun& run = runs[i];
            if (run.link.size() < 2 || run.link[0] != '#') {
                out.push_back(run);
                continue;
            }
            std::string text = run.text;
            while (i + 1 < runs.size() && runs[i + 1].link == run.link) text += runs[++i].text;
            const auto target = targets_.find(run.link.substr(1));
            if (target == targets_.end()) {
                std::vector<std::string> ids;
                for (const auto& [id, t] : targets_) ids.push_back(id);
                diagnostics_.error(where, "unknown reference '" + run.link + "': no table, figure or heading has that id",
                                   did_you_mean(run.link.substr(1), ids));
                out.push_back(run);
                continue;
            }
            out.push_back(resolved(run, text, target->second));
        }
        runs = std::move(out);
    }

    /// The run of a link to `target` whose whole text is `text`.
    TextRun resolved(const TextRun& run, const std::string& text, const Target& target) const {
        TextRun out = run;
        out.link = "#" + target.anchor;
        const std::string lower = lower_case(text);
        if (lower == labels_.page || lower == "page") {
            out.text = labels_.page + "\u00A0";
            out.page_reference = true;
            return out;
        }
        out.text = target.label;
        // The author's own word decides upper or lower case: [tabell](#x) → "tabell 3".
        if (!text.empty() && g_unichar_islower(g_utf8_get_char(text.c_str())) && !out.text.empty())
            out.text = std::string(1, static_cast<char>(g_ascii_tolower(out.text[0]))) + out.text.substr(1);
        for (std::size_t k = 0; k < out.text.size(); ++k)
            if (out.text[k] == ' ' && k + 1 < out.text.size() && g_ascii_isdigit(out.text[k + 1])) out.text.replace(k, 1, "\u00A0");
        return out;
    }

    const ReferenceLabels& labels_;
    Diagnostics& diagnostics_;
    std::map<std::string, Target> targets_;  ///< by id, and headings by anchor
    std::vector<HeadingEntry> headings_;
    std::array<int, kMaxHeadingLevel> counters_{};  ///< the numbers of the last heading of each level
    std::map<std::string, int> counters_by_word_;       ///< captions numbered so far, per word ("Tabell")
    std::map<std::string, int> anchors_by_prefix_;      ///< tables and figures so far, for anchors without an id
};

}  // namespace

ResolvedDocument resolve_references(std::vector<ResolvedChapter> chapters, const ReferenceLabels& labels,
                                    Diagnostics& diagnostics) {
    ReferenceResolver resolver(labels, diagnostics);
    for (auto& chapter : chapters) for_each_block(chapter.blocks, [&](ResolvedBlock& block) { resolver.number(block); });
    for (auto& chapter : chapters) for_each_block(chapter.blocks, [&](ResolvedBlock& block) { resolver.link(block); });
    return {std::move(chapters), resolver.take_headings()};
}

}  // namespace sats
