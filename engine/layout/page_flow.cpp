#include "layout/page_flow.hpp"

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

void PageFlow::ensure(double height) {
    if (document_.pages.empty() || (y + height > style_.bottom() && !at_top())) new_page();
}

}  // namespace sats
