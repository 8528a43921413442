#pragma once
// Shaping (pango + HarfBuzz) is most of the time a layout takes. The same text in the same
// settings always gives the same lines, so a report shapes each piece of text once: later
// layout passes (which only move page numbers) and repeated labels reuse the lines.

#include <memory>
#include <string>
#include <unordered_map>

#include "layout/hyphenator.hpp"
#include "layout/text_block.hpp"

namespace sats {

/// Text blocks shaped during one build, looked up by their text and settings.
class ShapeCache {
public:
    explicit ShapeCache(PangoContext* context) : context_(context) {}

    /// The block for `text` in `settings` with Norwegian typography (and hyphenation when
    /// `hyphenator` is set), shaped on first use. The reference stays valid for the life of
    /// the cache.
    const TextBlock& get(const Inlines& text, const TextSettings& settings, const Hyphenator* hyphenator = nullptr);

    /// Blocks shaped and lookups answered from the cache (for `--timings` and tests).
    std::size_t shaped() const { return blocks_.size(); }
    std::size_t reused() const { return reused_; }

private:
    PangoContext* context_;
    std::unordered_map<std::string, std::unique_ptr<const TextBlock>> blocks_;
    std::size_t reused_ = 0;
};

}  // namespace sats
