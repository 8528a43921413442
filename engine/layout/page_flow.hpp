#pragma once
// Pages being filled from top to bottom: a cursor, the current page's display list, and a
// new page when the next piece does not fit.

#include <optional>
#include <string>

#include "frames/frames.hpp"
#include "layout/style.hpp"

namespace sats {

/// The flow of content onto pages.
class PageFlow {
public:
    PageFlow(const LayoutStyle& style, FrameDocument& document);

    /// Starts a new page; `opener` marks a chapter's first page (no running header).
    void new_page(bool opener = false);
    /// Starts a new page unless `height` still fits below the cursor. If a heading was the
    /// last thing placed (see keep_with_next), it moves to the new page with what follows it.
    void ensure(double height);

    /// Marks the items placed from now on (a heading) as belonging with the next block: if
    /// that block then needs a new page, they move along instead of staying alone at the
    /// foot of the page. release() ends the mark once the next block has begun.
    void keep_with_next();
    void release() { kept_.reset(); }
    /// Space left on the current page.
    double remaining() const { return style_.bottom() - y; }
    /// Whether nothing has been placed on the current page yet.
    bool at_top() const { return y <= style_.margin_top + 0.01; }

    std::vector<FrameItem>& items() { return document_.pages.back().items; }
    std::size_t page_index() const { return document_.pages.size() - 1; }
    const LayoutStyle& style() const { return style_; }

    /// Chapter title shown in the running header of the pages that follow.
    std::string chapter_title;

    double y = 0;  ///< the cursor: top of the next piece

    /// Per page: whether it opens a chapter, and the chapter it belongs to.
    std::vector<bool> openers;
    std::vector<std::string> chapters;

private:
    /// Where the kept items start: page, first item, and the cursor there.
    struct Kept {
        std::size_t page;
        std::size_t item;
        double y;
    };
    std::optional<Kept> kept_;

    const LayoutStyle& style_;
    FrameDocument& document_;
};

}  // namespace sats
