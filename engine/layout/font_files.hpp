#pragma once
// The font faces glyph runs are set in, with the bytes of their files: read once per build
// through the environment, so the frames carry the fonts and exporters read no files.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/environment.hpp"
#include "frames/frames.hpp"

namespace sats {

/// One FontRef per face (file and index) used in a build, shared by every run set in it.
/// Threads laying out chapters share it.
class FontFiles {
public:
    explicit FontFiles(const Environment& env) : env_(env) {}

    /// The face at `index` in the font file `file` (as fontconfig names it), its bytes read on
    /// first use; `name` is its PostScript name. A file that cannot be read gives a face
    /// without data, which the exporters report.
    std::shared_ptr<const FontRef> face(const std::string& file, int index, const std::string& name);

private:
    const Environment& env_;
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::shared_ptr<const FontRef>> faces_;
    std::map<std::string, std::shared_ptr<const std::string>> files_;  ///< a collection's faces share its bytes
};

}  // namespace sats
