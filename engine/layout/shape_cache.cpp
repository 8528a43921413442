#include "layout/shape_cache.hpp"

#include <cstring>

#include "layout/typography.hpp"

namespace sats {

namespace {

/// Appends the bytes of a number to a key.
template <typename T>
void put(std::string& key, T value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    key.append(bytes, sizeof value);
}

/// Appends a string with its length, so that no two different inputs give the same key.
void put(std::string& key, const std::string& text) {
    put(key, text.size());
    key += text;
}

void put(std::string& key, const Color& c) {
    put(key, c.r);
    put(key, c.g);
    put(key, c.b);
}

/// Everything that decides how a block is shaped, as one string.
std::string key_of(const Inlines& text, const TextSettings& s, const Hyphenator* hyphenator) {
    std::string key;
    put(key, hyphenator);
    put(key, s.style.font);
    put(key, s.style.size);
    put(key, s.style.weight);
    put(key, s.style.color);
    put(key, s.width);
    put(key, static_cast<int>(s.align));
    put(key, s.justify);
    put(key, s.line_height);
    put(key, s.link_color);
    put(key, s.tabular);
    put(key, s.code_font);
    put(key, text.size());
    for (const auto& run : text) {
        put(key, run.text);
        put(key, static_cast<char>(run.emphasis | run.strong << 1 | run.code << 2 | run.superscript << 3));
        put(key, run.link);
        put(key, run.lang);
    }
    return key;
}

}  // namespace

const TextBlock& ShapeCache::get(PangoContext* context, const Inlines& text, const TextSettings& settings,
                                 const Hyphenator* hyphenator) {
    auto key = key_of(text, settings, hyphenator);
    {
        std::lock_guard lock(mutex_);
        const auto found = blocks_.find(key);
        if (found != blocks_.end()) return *found->second;
    }
    // Shaped outside the lock; if another thread shaped the same text meanwhile, its block
    // (identical) stays and this one is dropped.
    auto block = std::make_unique<const TextBlock>(context, apply_typography(text, hyphenator), settings, fonts_);
    std::lock_guard lock(mutex_);
    return *blocks_.emplace(std::move(key), std::move(block)).first->second;
}

}  // namespace sats
