#pragma once
// Numbering and cross-references: "Tabell N:" and "Figur N:" through the report, heading
// anchors, and the pages everything landed on in the previous layout pass (for the table of
// contents and "side N" references, which converge in a few passes).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/document.hpp"

namespace sats {

/// Words the layout uses in numbering and references.
struct ReferenceLabels {
    std::string table = "Tabell";
    std::string figure = "Figur";
    std::string page = "side";
};

/// A heading in reading order with its anchor.
struct HeadingEntry {
    std::string title;
    int level = 1;
    std::string anchor;
};

/// What every id in the report refers to, and where it was laid out.
class References {
public:
    /// Numbers captioned tables and figures in reading order and gives every heading an anchor
    /// (a slug of its text). Duplicate ids are reported.
    References(const std::vector<Chapter>& chapters, ReferenceLabels labels, Diagnostics& diagnostics);

    /// "Tabell 3: caption" for a numbered table or figure; the caption itself otherwise.
    std::string caption(const Table& table) const;
    std::string caption(const Image& image) const;
    std::string caption(const Chart& chart) const;
    /// The anchor of a table, figure or heading (by address), for destinations.
    std::string anchor(const void* block) const;
    const std::vector<HeadingEntry>& headings() const { return headings_; }

    /// Pages found in the last layout pass (anchor → 1-based page).
    void set_pages(std::map<std::string, int> pages) { pages_ = std::move(pages); }
    const std::map<std::string, int>& pages() const { return pages_; }
    std::optional<int> page(const std::string& anchor) const;

    /// The runs with every internal link ("#id") given its text: the number ("Tabell 3"; the
    /// link's own text sets the case of the word) or, for link text "side", the page.
    /// Unknown ids are reported at `where`.
    Inlines resolve(const Inlines& runs, const SourceLocation& where, Diagnostics& diagnostics) const;

private:
    /// A numbered thing: its label with number ("Tabell 3"), anchor, and the heading text for headings.
    struct Target {
        std::string label;
        std::string anchor;
    };
    void add(const std::string& id, Target target, const SourceLocation& where, Diagnostics& diagnostics);
    void walk(const std::vector<Block>& blocks, Diagnostics& diagnostics);

    ReferenceLabels labels_;
    std::map<std::string, Target> targets_;          ///< by id
    std::map<const void*, std::string> numbered_;    ///< block → "Tabell 3"
    std::map<const void*, std::string> anchors_;     ///< block → anchor
    std::vector<HeadingEntry> headings_;
    std::map<std::string, int> pages_;
    int tables_ = 0, figures_ = 0;
};

/// A URL- and PDF-safe anchor from heading text: "Økonomi og styring" → "okonomi-og-styring".
std::string slug(const std::string& text);

}  // namespace sats
