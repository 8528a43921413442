#include "layout/page_flow.hpp"

#include <iterator>

namespace sats {

PageFlow::PageFlow(const LayoutStyle& style, FrameDocument& document) : style_(style), document_(document) {}

GroupScope::~GroupScope() {
    if (flow_) flow_->close_group();
}

GroupScope PageFlow::group(Role role, std::string alt, std::string lang, SourceLocation where) {
    Group group{role, std::move(alt), std::move(lang), std::move(where), false, false, {}};
    items().push_back(group);  // an empty copy: its items are added on the page
    open_.push_back(std::move(group));
    return GroupScope(*this);
}

void PageFlow::close_group() { open_.pop_back(); }

std::vector<FrameItem>& PageFlow::items() { return items_at(open_.size()); }

std::vector<FrameItem>& PageFlow::items_at(std::size_t depth) {
    std::vector<FrameItem>* items = &document_.pages.back().items;
    for (std::size_t d = 0; d < depth; ++d) items = &std::get<Group>(items->back()).items;
    return *items;
}

void PageFlow::new_page(bool opener) { continue_on_new_page(open_.size(), opener); }

void PageFlow::continue_on_new_page(std::size_t depth, bool opener) {
    if (!document_.pages.empty())
        for (std::size_t d = 0; d < depth; ++d) std::get<Group>(items_at(d).back()).continues = true;
    Page page;
    page.width = style_.page_width;
    page.height = style_.page_height;
    document_.pages.push_back(std::move(page));
    openers.push_back(opener);
    chapters.push_back(chapter_title);
    chapter_files.push_back(chapter_file);
    y = style_.margin_top;
    for (std::size_t d = 0; d < depth; ++d) {
        Group group = open_[d];
        group.continued = true;
        items_at(d).push_back(std::move(group));
    }
}

void PageFlow::keep_with_next() {
    if (document_.pages.empty() || at_top()) return;  // at a page's top it cannot do better
    if (kept_ && kept_->page == page_index()) return;  // a heading right under another: both move
    kept_ = Kept{page_index(), open_.size(), items().size(), y};
}

void PageFlow::ensure(double height) {
    if (!document_.pages.empty() && (y + height <= style_.bottom() || at_top())) return;
    if (!kept_ || kept_->page != page_index() || document_.pages.empty()) {
        new_page();
        return;
    }
    // Move the kept items (a heading) to the top of the new page, with what follows them; the
    // groups opened since are among them and stay open there.
    auto& from = items_at(kept_->depth);
    std::vector<FrameItem> moved(std::make_move_iterator(from.begin() + static_cast<std::ptrdiff_t>(kept_->item)),
                                 std::make_move_iterator(from.end()));
    from.erase(from.begin() + static_cast<std::ptrdiff_t>(kept_->item), from.end());
    const double used = y - kept_->y;
    continue_on_new_page(kept_->depth);
    const double dy = y - kept_->y;
    for (auto& item : moved) translate(item, 0, dy);
    auto& to = items_at(kept_->depth);
    to.insert(to.end(), std::make_move_iterator(moved.begin()), std::make_move_iterator(moved.end()));
    y += used;
    kept_.reset();
}

}  // namespace sats
