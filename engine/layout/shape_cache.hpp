#pragma once
// Shaping (pango + HarfBuzz) is most of the time a layout takes. The same text in the same
// settings always gives the same lines, so a report shapes each piece of text once: later
// layout passes (which only move page numbers) and repeated labels reuse the lines.

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "layout/font_files.hpp"
#include "layout/hyphenator.hpp"
#include "layout/text_block.hpp"

namespace sats {

/// Text blocks shaped during one build, looked up by their text and settings. Threads that
/// lay out chapters in parallel share it: each shapes with its own pango context (same fonts,
/// so the same result), and a block shaped by one is reused by all.
class ShapeCache {
public:
    /// A cache whose runs take their fonts' bytes through `env`.
    explicit ShapeCache(const Environment& env) : fonts_(env) {}

    /// The block for `text` in `settings` with Norwegian typography (and hyphenation when
    /// `hyphenator` is set), shaped with `context` on first use. The reference stays valid
    /// for the life of the cache.
    const TextBlock& get(PangoContext* context, const Inlines& text, const TextSettings& settings,
                         const Hyphenator* hyphenator = nullptr);

private:
    FontFiles fonts_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<const TextBlock>> blocks_;
};

}  // namespace sats
