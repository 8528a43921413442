// Fuzz target: the JSON-stat 2.0 reader and the shaping of its dataset, on arbitrary bytes.
#include <cstdint>
#include <string>

#include "data/jsonstat_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::Diagnostics diagnostics;
    sats::jsonstat_table(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json", {"", ""}, diagnostics);
    return 0;
}
