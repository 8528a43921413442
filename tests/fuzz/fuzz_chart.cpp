// Fuzz target: the input is the body of a ```chart block (with id "fuzz") in the one chapter of
// the tests/golden/charts project held in memory, also named by a main-findings block; built
// into every output format but page images (engine_build.hpp). Reaches the chart block's TOML,
// the chart builder, scales and axes, the line, column, bar, stacked and pie drawing, the
// figure's place on the page and on a slide, and the PDF, press, web page (SVG) and dump
// exporters.
#include <cstdint>

#include "engine_build.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::fuzz::build_block(sats::fuzz::Block::chart, {reinterpret_cast<const char*>(data), size});
    return 0;
}
