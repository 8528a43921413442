// Fuzz target: the CSV reader on arbitrary bytes.
#include <cstdint>
#include <string>

#include "data/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::Diagnostics diagnostics;
    sats::read_csv(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", diagnostics);
    return 0;
}
