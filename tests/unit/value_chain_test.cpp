// Named values computed from named values: a chain is computed up to kMaxValueChain values
// long, and a longer one is one error at the value past the limit, never a stack overflow.
#include <gtest/gtest.h>

#include "data/catalog.hpp"

namespace sats {
namespace {

/// The name of value `i` of a chain of `length`: "v000000" for the last, so that the manifest's
/// values (read in the order of their names) start the walk at the end of the chain.
std::string chain_name(std::size_t i, std::size_t length) {
    const std::string number = std::to_string(length - 1 - i);
    return "v" + std::string(6 - number.size(), '0') + number;
}

/// A project whose [values] are a chain of `length` values: value 0 = t.a.2024 + 1, value i =
/// value i-1 + 1, one per line from the last to the first.
void add_chain_project(MemoryEnvironment& env, std::size_t length) {
    std::string toml = "title = \"T\"\nmunicipality = \"M\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                       "[data.t]\nfile = \"data/t.csv\"\nunit = \"kr\"\n[values]\n";
    for (std::size_t i = length; i-- > 0;)
        toml += chain_name(i, length) + " = { op = \"sum\", of = [\"" + (i == 0 ? std::string("t.a.2024") : chain_name(i - 1, length)) +
                "\", \"t.b.2024\"] }\n";
    env.add_file("p/report.toml", toml);
    env.add_file("p/a.md", "# A\n");
    env.add_file("p/data/t.csv", "id;navn;2024\na;A;5\nb;B;1\n");
}

TEST(ValueChain, AChainAsLongAsTheLimitIsComputed) {
    MemoryEnvironment env;
    add_chain_project(env, kMaxValueChain);
    Diagnostics d;
    const auto manifest = load_manifest(env, "p", d);
    ASSERT_TRUE(manifest);
    const auto catalog = DataCatalog::load(env, *manifest, d);
    for (const auto& diagnostic : d.all()) ADD_FAILURE() << diagnostic.headline();
    const auto last = catalog.value(chain_name(kMaxValueChain - 1, kMaxValueChain));
    ASSERT_TRUE(last && last->number);
    EXPECT_EQ(5.0 + kMaxValueChain, *last->number);
}

TEST(ValueChain, ALongerChainIsAnErrorAtTheValuePastTheLimit) {
    for (const std::size_t length : {kMaxValueChain + 1, std::size_t{50'000}}) {
        MemoryEnvironment env;
        add_chain_project(env, length);
        Diagnostics d;
        const auto manifest = load_manifest(env, "p", d);
        ASSERT_TRUE(manifest);
        DataCatalog::load(env, *manifest, d);
        ASSERT_FALSE(d.all().empty()) << length;
        const auto& first = d.all()[0];
        // The walk starts at the end of the chain (line 9); the error is at the value reached
        // after kMaxValueChain of them, on line 9 + 100.
        EXPECT_EQ("value 'v000100' is computed through a chain of more than 100 values (from 'v000000')", first.message) << length;
        EXPECT_EQ(109, first.where.line) << length;
    }
}

}  // namespace
}  // namespace sats
