#pragma once
// The pages everything landed on in the previous layout pass, by anchor: for the table of
// contents and "side N" references, which converge in a few passes. Numbering and the text of
// every other reference come resolved (resolve/resolve_references.hpp).

#include <map>
#include <optional>
#include <string>

#include "content/document.hpp"

namespace sats {

/// The page of every anchor, as found in the last layout pass.
class References {
public:
    /// Pages found in the last layout pass (anchor → 1-based page).
    void set_pages(std::map<std::string, int> pages) { pages_ = std::move(pages); }
    const std::map<std::string, int>& pages() const { return pages_; }
    std::optional<int> page(const std::string& anchor) const;

    /// The runs with the page of its link's anchor appended to every page reference ("side 12";
    /// 0 while the page is not known yet).
    Inlines with_pages(const Inlines& runs) const;

private:
    std::map<std::string, int> pages_;
};

}  // namespace sats
