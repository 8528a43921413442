// Fuzz target: report.toml, then the data catalog over whatever it declares (no data files).
#include <cstdint>
#include <string>

#include "content/manifest.hpp"
#include "data/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::MemoryEnvironment env;
    env.add_file("p/report.toml", std::string(reinterpret_cast<const char*>(data), size));
    env.add_file("p/a.md", "# A\n");
    env.add_file("p/data/t.csv", "id;navn;2023;2024\na;A;1,5;2\nb;B;..;3\n");
    sats::Diagnostics diagnostics;
    if (const auto manifest = sats::load_manifest(env, "p", diagnostics)) sats::DataCatalog::load(env, *manifest, diagnostics);
    return 0;
}
