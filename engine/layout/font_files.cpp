#include "layout/font_files.hpp"

namespace sats {

std::shared_ptr<const FontRef> FontFiles::face(const std::string& file, int index, const std::string& name) {
    std::lock_guard lock(mutex_);
    auto& face = faces_[{file, index}];
    if (face) return face;
    auto& data = files_[file];
    if (!data)
        if (auto bytes = env_.read_font(file)) data = std::make_shared<const std::string>(std::move(*bytes));
    face = std::make_shared<const FontRef>(FontRef{data, index, name.empty() ? file : name});
    return face;
}

}  // namespace sats
