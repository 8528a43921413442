// Fuzz target: the input is the body of a ```table block (with id "fuzz") in the one chapter of
// the tests/golden/charts project held in memory, also named by a main-findings block; built
// into every output format but page images (engine_build.hpp). Reaches the table block's TOML, the table
// builder, column widths, shrinking and wrapping, splitting across pages with repeated
// headings, the table on a slide, and the PDF, press, web page and dump exporters.
#include <cstdint>

#include "engine_build.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::fuzz::build_block(sats::fuzz::Block::table, {reinterpret_cast<const char*>(data), size});
    return 0;
}
