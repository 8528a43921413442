// Fuzz target: the CSV reader on arbitrary bytes, and what a data source takes from the file
// (SSB's layout read as a cube and shaped, by the default dimensions and by the year).
#include <cstdint>
#include <string>

#include "data/pxweb_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::Diagnostics diagnostics;
    const auto csv = sats::read_csv(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", diagnostics);
    sats::csv_table(csv, "fuzz.csv", {}, diagnostics);
    sats::csv_table(csv, "fuzz.csv", {"", "år"}, diagnostics);
    return 0;
}
