// Fuzz target: the input is a whole project, its files separated by the byte 0x1E, each its
// path, a newline and its bytes (e.g. report.toml, a chapter, a CSV, a PNG), held in memory and
// built into every output format but page images (engine_build.hpp). Reaches everything a
// build does: the manifest, data files and computed values, templates, Markdown, references,
// images and the logo, layout of the report and the slides, and the exporters.
#include <cstdint>

#include "engine_build.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::fuzz::build_archive({reinterpret_cast<const char*>(data), size});
    return 0;
}
