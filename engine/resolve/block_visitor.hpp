#pragma once
// The one walk over a tree of blocks: every block in reading order, list items included.

#include <variant>

namespace sats {

/// Calls `visit(block)` for every block of `blocks` in reading order, and for the blocks of
/// every list item (and every field of a field block) right after the block itself. Works on content and resolved blocks, const or not.
template <typename Blocks, typename Visit>
void for_each_block(Blocks& blocks, Visit&& visit) {
    for (auto& block : blocks) {
        visit(block);
        std::visit(
            [&](auto& content) {
                if constexpr (requires { content.items.front().blocks; })
                    for (auto& item : content.items) for_each_block(item.blocks, visit);
            },
            block.content);
    }
}

}  // namespace sats
