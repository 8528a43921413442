#pragma once
// Pages being filled from top to bottom: a cursor, the current page's display list, the
// structure groups open on it, and a new page when the next piece does not fit.

#include <optional>
#include <string>
#include <vector>

#include "frames/frames.hpp"
#include "layout/style.hpp"

namespace sats {

class PageFlow;

/// An open group of the flow; closes it when it goes out of scope, so groups are always
/// balanced. Made by PageFlow::group().
class [[nodiscard]] GroupScope {
public:
    explicit GroupScope(PageFlow& flow) : flow_(&flow) {}
    GroupScope(GroupScope&& other) noexcept : flow_(other.flow_) { other.flow_ = nullptr; }
    GroupScope(const GroupScope&) = delete;
    GroupScope& operator=(const GroupScope&) = delete;
    GroupScope& operator=(GroupScope&&) = delete;
    ~GroupScope();

private:
    PageFlow* flow_;
};

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

    /// Opens a group (a structure element or an artifact) at the cursor; what is placed until
    /// the scope ends goes inside it. A page break inside it closes it on the old page (marked
    /// as continuing) and opens it again on the new one (marked as continued).
    GroupScope group(Role role, std::string alt = {}, std::string lang = {}, SourceLocation where = {});

    /// Where items go now: the innermost open group on the current page, or the page itself.
    std::vector<FrameItem>& items();
    std::size_t page_index() const { return document_.pages.size() - 1; }
    const LayoutStyle& style() const { return style_; }

    /// Chapter title shown in the running header of the pages that follow, and its file.
    std::string chapter_title;
    std::string chapter_file;

    double y = 0;  ///< the cursor: top of the next piece

    /// Per page: whether it opens a chapter, the chapter's title and file ("" before the chapters).
    std::vector<bool> openers;
    std::vector<std::string> chapters;
    std::vector<std::string> chapter_files;

private:
    friend class GroupScope;
    void close_group();
    /// The items of the open group `depth` levels down on the current page (0 = the page).
    std::vector<FrameItem>& items_at(std::size_t depth);
    /// Starts a page (`opener`: see new_page) and opens the first `depth` open groups on it again.
    void continue_on_new_page(std::size_t depth, bool opener = false);

    /// Where the kept items start: page, depth of open groups, first item there, and the cursor.
    struct Kept {
        std::size_t page;
        std::size_t depth;
        std::size_t item;
        double y;
    };
    std::optional<Kept> kept_;
    /// The groups open now, outermost first; on the page each is the last item of the one before.
    std::vector<Group> open_;

    const LayoutStyle& style_;
    FrameDocument& document_;
};

}  // namespace sats
