#include "layout/image_check.hpp"

#include <cairo.h>

#include <cstring>

namespace sats {

namespace {

/// A big-endian 32-bit number at `at`.
unsigned long be32(std::string_view bytes, std::size_t at) {
    unsigned long v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

/// Feeds cairo's PNG reader from memory.
struct Reader {
    std::string_view bytes;
    std::size_t at = 0;
};

cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::variant<ImageSize, std::string> read_png_header(std::string_view bytes) {
    static constexpr std::string_view signature{"\x89PNG\r\n\x1a\n", 8};
    if (bytes.substr(0, 8) != signature) return std::string("is not a PNG file (sats reads PNG images)");
    if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR") return std::string("is a damaged PNG file (no image header)");
    const unsigned long width = be32(bytes, 16), height = be32(bytes, 20);
    if (width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff)
        return std::string("is a damaged PNG file (its size is " + std::to_string(width) + " × " +
                           std::to_string(height) + " pixels)");
    if (static_cast<long long>(width) * static_cast<long long>(height) > kMaxImagePixels)
        return "is " + std::to_string(width) + " × " + std::to_string(height) + " pixels; images may have at most " +
               std::to_string(kMaxImagePixels / 1'000'000) + " million pixels";
    if (width > kMaxImageSide || height > kMaxImageSide)
        return "is " + std::to_string(width) + " × " + std::to_string(height) + " pixels; an image may be at most " +
               std::to_string(kMaxImageSide) + " pixels wide and high";
    return ImageSize{static_cast<int>(width), static_cast<int>(height)};
}

std::variant<std::shared_ptr<const Bitmap>, std::string> read_png(std::string_view bytes) {
    const auto header = read_png_header(bytes);
    if (const auto* problem = std::get_if<std::string>(&header)) return *problem;
    Reader reader{bytes};
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read_chunk, &reader);
    const cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        // cairo says "out of memory" for some corrupt files: the file is what is wrong.
        return std::string("is a damaged PNG file (its pixel data cannot be read)");
    }
    cairo_surface_flush(surface);
    auto bitmap = std::make_shared<Bitmap>();
    bitmap->width = cairo_image_surface_get_width(surface);
    bitmap->height = cairo_image_surface_get_height(surface);
    bitmap->stride = cairo_image_surface_get_stride(surface);
    bitmap->alpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
    const unsigned char* data = cairo_image_surface_get_data(surface);
    bitmap->pixels.assign(data, data + static_cast<std::size_t>(bitmap->stride) * static_cast<std::size_t>(bitmap->height));
    cairo_surface_destroy(surface);
    return bitmap;
}

}  // namespace sats
