// Every input a fuzz target once crashed on (tests/fuzz/regressions/<target>/) is replayed
// through the same code as the target, so a fixed crash stays fixed. The targets through the
// whole engine share that code with this test (fuzz/engine_build.hpp).
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "content/manifest.hpp"
#include "content/markdown.hpp"
#include "core/number_format.hpp"
#include "data/catalog.hpp"
#include "data/pxweb_csv.hpp"
#include "data/jsonstat_reader.hpp"
#include "data/value.hpp"
#include "fuzz/engine_build.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> inputs(const std::string& target) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "fuzz" / "regressions" / target))
        found.push_back(test::read(entry.path()));
    return found;
}

TEST(FuzzRegressions, ReplayWithoutCrashing) {
    for (const auto& input : inputs("csv")) {
        Diagnostics d;
        csv_table(read_csv(input, "f.csv", d), "f.csv", {"", "år"}, d);
    }
    for (const auto& input : inputs("jsonstat")) {
        Diagnostics d;
        jsonstat_table(input, "f.json", {"", ""}, d);
    }
    for (const auto& input : inputs("manifest")) {
        MemoryEnvironment env;
        env.add_file("p/report.toml", input);
        env.add_file("p/a.md", "# A\n");
        Diagnostics d;
        if (const auto m = load_manifest(env, "p", d)) DataCatalog::load(env, *m, d);
    }
    for (const auto& input : inputs("chapter")) {
        Diagnostics d;
        struct None : PlaceholderResolver {
            std::optional<PlaceholderValue> resolve(const std::string&) const override { return std::nullopt; }
            std::string nearest(const std::string&) const override { return {}; }
        } none;
        parse_markdown(render_template(input, "a.md", none, d), "a.md", d);
    }
    for (const auto& input : inputs("number")) {
        parse_number(input);
        if (input.size() > sizeof(double)) {
            double v = 0;
            std::memcpy(&v, input.data(), sizeof v);
            format_number(v, static_cast<unsigned char>(input[sizeof v]) % 12);
        }
    }
    SUCCEED();
}

TEST(FuzzRegressions, ReplayThroughTheWholeEngineWithoutCrashing) {
    for (const auto& input : inputs("chart")) fuzz::build_block(fuzz::Block::chart, input);
    for (const auto& input : inputs("table")) fuzz::build_block(fuzz::Block::table, input);
    for (const auto& input : inputs("project")) fuzz::build_archive(input);
    SUCCEED();
}

}  // namespace
}  // namespace sats
