#pragma once
// The resolved document, between the data stage and layout: every block has a stable id,
// requests are built into tables and charts, and headings, tables and figures carry their
// numbers, captions and anchors. A request cannot reach layout: the block variant here has no
// alternative that holds one.

#include <string>
#include <variant>
#include <vector>

#include "content/document.hpp"

namespace sats {

/// A block's stable id: its chapter (or slide) and its index path — the block's index in the
/// chapter, then, inside a list (or a field block), the item's (field's) index and the block's index in
/// it, and so on.
struct BlockId {
    int chapter = 0;
    std::vector<int> path;
    bool operator==(const BlockId&) const = default;
};

/// What resolving references gives a heading, table or figure.
struct Numbering {
    std::string anchor;   ///< destination of links to it and key of its page
    std::string label;    ///< "Tabell 3" for a captioned table or figure, "2.3" for a numbered heading; "" otherwise
    std::string caption;  ///< the caption as shown, "Tabell 3: Driftsutgifter", or the caption alone
};

/// A heading, table, chart or image with its numbering (empty until resolve_references()).
template <typename T>
struct Numbered : T {
    Numbering numbering;
};

struct ResolvedBlock;

/// One item of a resolved list.
struct ResolvedListItem {
    std::vector<ResolvedBlock> blocks;
};

/// A bullet list or a numbered list of resolved blocks.
struct ResolvedList {
    bool ordered = false;
    int start = 1;
    std::vector<ResolvedListItem> items;
};

/// A field block and its fields with resolved values.
using ResolvedFieldBlock = LabelledFields<ResolvedBlock>;
using ResolvedField = LabelledField<ResolvedBlock>;

/// One block of a resolved chapter, its id and the place it was written.
struct ResolvedBlock {
    std::variant<Numbered<Heading>, Paragraph, ResolvedList, Numbered<Table>, Numbered<Chart>, Numbered<Image>, PageBreak,
                 CodeBlock, Rule, Notes, KeyFindings, ResolvedFieldBlock>
        content;
    BlockId id;
    SourceLocation where;
};

/// One chapter (or slide) of resolved blocks.
struct ResolvedChapter {
    std::string file;
    std::vector<ResolvedBlock> blocks;
};

/// A heading in reading order with its anchor, for the table of contents.
struct HeadingEntry {
    std::string title;
    int level = 1;
    std::string anchor;
    std::string number;  ///< "2.3", or "" when the heading has no number
};

/// The chapters with their numbering and cross-references resolved, and the headings for the contents.
struct ResolvedDocument {
    std::vector<ResolvedChapter> chapters;
    std::vector<HeadingEntry> headings;
};

}  // namespace sats
