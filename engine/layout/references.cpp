#include "layout/references.hpp"

namespace sats {

std::optional<int> References::page(const std::string& anchor) const {
    const auto it = pages_.find(anchor);
    if (it == pages_.end()) return std::nullopt;
    return it->second;
}

Inlines References::with_pages(const Inlines& runs) const {
    Inlines out = runs;
    for (auto& run : out) {
        if (!run.page_reference) continue;
        const auto p = page(run.link.substr(1));
        run.text += p ? std::to_string(*p) : "0";
    }
    return out;
}

}  // namespace sats
