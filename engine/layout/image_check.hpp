#pragma once
// Images come from the content project and are untrusted: their header is read and checked
// before any pixel is decoded, so a huge or damaged file is an error, never a crash or a
// gigabyte of memory.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "core/environment.hpp"
#include "frames/frames.hpp"

namespace sats {

/// The most pixels an image may have (25 million: a full A4 page at 300 dpi is 8.7 million).
inline constexpr long long kMaxImagePixels = 25'000'000;

/// The longest side of an image in pixels (cairo's limit for an image surface).
inline constexpr unsigned long kMaxImageSide = 32'767;

/// The size of a checked image, in pixels.
struct ImageSize {
    int width = 0;
    int height = 0;
};

/// Reads the PNG signature and IHDR chunk of `bytes` without decoding pixels; returns the
/// size, or what is wrong ("is not a PNG file", "is 90000 × 90000 pixels; ...").
std::variant<ImageSize, std::string> read_png_header(std::string_view bytes);

/// Checks the PNG file `bytes` (header, pixel count), then decodes the bounded image. Returns
/// its pixels or a message to follow the file name.
std::variant<std::shared_ptr<const Bitmap>, std::string> read_png(std::string_view bytes);

}  // namespace sats
