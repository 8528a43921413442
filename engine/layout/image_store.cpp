#include "layout/image_store.hpp"

#include <cctype>
#include <variant>

#include "layout/image_check.hpp"
#include "resolve/block_visitor.hpp"

namespace sats {

namespace {

/// The scheme an image's address starts with ("data:", "https:"), or "" for a file name. A
/// file of the project is the only thing an image is read from.
std::string url_scheme(const std::string& address) {
    const auto colon = address.find(':');
    if (colon == std::string::npos || colon < 2 || !std::isalpha(static_cast<unsigned char>(address[0]))) return "";
    for (std::size_t i = 1; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(address[i])) && address[i] != '+' && address[i] != '-' && address[i] != '.') return "";
    return address.substr(0, colon + 1);
}

/// "100 million", or the exact count below a million.
std::string pixel_count(long long pixels) {
    return pixels >= 1'000'000 && pixels % 1'000'000 == 0 ? std::to_string(pixels / 1'000'000) + " million" : std::to_string(pixels);
}

}  // namespace

ImageStore::ImageStore(const Environment& env, const std::filesystem::path& project_root, const std::string& logo,
                       const SourceLocation& logo_at, const ResolvedDocument& document, Diagnostics& diagnostics,
                       long long pixel_budget)
    : env_(env), root_(project_root), diagnostics_(diagnostics), budget_(pixel_budget) {
    if (!logo.empty()) add(logo, "the logo '" + logo + "'", logo_at);
    for (const auto& chapter : document.chapters)
        for_each_block(chapter.blocks, [&](const ResolvedBlock& block) {
            const auto* image = std::get_if<Numbered<Image>>(&block.content);
            if (!image) return;
            if (const auto scheme = url_scheme(image->path); !scheme.empty())
                diagnostics_.error(block.where, "an image is a PNG file of the project, not a '" + scheme + "' address",
                                   "save the image in the project and write its file name, e.g. bilder/figur.png");
            else
                add(image->path, "image '" + image->path + "'", block.where);
        });
}

std::shared_ptr<const Bitmap> ImageStore::find(const std::string& relative) const {
    const auto found = bitmaps_.find(relative);
    return found == bitmaps_.end() ? nullptr : found->second;
}

void ImageStore::add(const std::string& relative, const std::string& what, const SourceLocation& where) {
    if (!bitmaps_.count(relative)) {
        bitmaps_[relative] = nullptr;
        const auto file = env_.read_project_file(root_, relative);
        if (file.problem != ProjectFile::Problem::none) {
            problems_[relative] = file.message(what);
        } else if (const auto header = read_png_header(file.bytes); const auto* problem = std::get_if<std::string>(&header)) {
            problems_[relative] = what + " " + *problem;
        } else if (const auto size = std::get<ImageSize>(header);
                   pixels_ + static_cast<long long>(size.width) * size.height > budget_) {
            problems_[relative] = what + " would take the images of this document past " + pixel_count(budget_) +
                                  " pixels together; make the images smaller (150 dpi at their printed size is enough)";
        } else {
            auto decoded = read_png(file.bytes);
            if (const auto* problem = std::get_if<std::string>(&decoded)) {
                problems_[relative] = what + " " + *problem;
            } else {
                pixels_ += static_cast<long long>(size.width) * size.height;
                bitmaps_[relative] = std::get<std::shared_ptr<const Bitmap>>(decoded);
            }
        }
    }
    if (const auto problem = problems_.find(relative); problem != problems_.end()) diagnostics_.error(where, problem->second);
}

}  // namespace sats
