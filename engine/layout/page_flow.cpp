#include "layout/page_flow.hpp"

#include <iterator>

namespace sats {

PageFlow::PageFlow(const LayoutStyle& style, FrameDocument& document) : style_(style), document_(document) {}

void PageFlow::new_page(bool opener) {
    Page page;
    page.width = style_.page_width;
    page.height = style_.page_height;
    document_.pages.push_back(std::move(page));
    openers.push_back(opener);
    chapters.push_back(chapter_title);
    y = style_.margin_top;
}

void PageFlow::keep_with_next() {
    if (document_.pages.empty() || at_top()) return;  // at a page's top it cannot do better
    if (kept_ && kept_->page == page_index()) return;  // a heading right under another: both move
    kept_ = Kept{page_index(), items().size(), y};
}

void PageFlow::ensure(double height) {
    if (!document_.pages.empty() && (y + height <= style_.bottom() || at_top())) return;
    if (!kept_ || kept_->page != page_index() || document_.pages.empty()) {
        new_page();
        return;
    }
    // Move the kept items (a heading) to the top of the new page, with what follows them.
    auto& from = items();
    std::vector<FrameItem> moved(std::make_move_iterator(from.begin() + static_cast<std::ptrdiff_t>(kept_->item)),
                                 std::make_move_iterator(from.end()));
    from.erase(from.begin() + static_cast<std::ptrdiff_t>(kept_->item), from.end());
    const double used = y - kept_->y;
    new_page();
    const double dy = y - kept_->y;
    for (auto& item : moved) shift(item, dy);
    items().insert(items().end(), std::make_move_iterator(moved.begin()), std::make_move_iterator(moved.end()));
    y += used;
    kept_.reset();
}

}  // namespace sats
