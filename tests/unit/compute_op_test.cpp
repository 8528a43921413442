// Compute operations are parsed once, where report.toml is read, from the one table of names.
#include <gtest/gtest.h>

#include <set>

#include "content/compute_op.hpp"
#include "content/manifest.hpp"

namespace sats {
namespace {

/// The manifest of a project with one value computed by `op`.
std::optional<Manifest> with_op(const std::string& op, Diagnostics& d) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"M\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                  "[values]\nv = { op = \"" + op + "\", of = \"t.a.x\", ref = \"t.b.x\" }\n");
    env.add_file("p/a.md", "# A\n");
    return load_manifest(env, "p", d);
}

TEST(ComputeOp, EveryNameRoundTripsThroughTheManifest) {
    std::set<std::string> seen;
    for (const auto& entry : kComputeOps) {
        Diagnostics d;
        const auto manifest = with_op(entry.name, d);
        ASSERT_TRUE(manifest) << entry.name;
        ASSERT_FALSE(d.has_errors()) << entry.name;
        EXPECT_EQ(entry.value, manifest->values.at(0).op) << entry.name;
        EXPECT_EQ(entry.name, compute_op_name(entry.value));
        EXPECT_TRUE(seen.insert(entry.name).second) << "two operations are called " << entry.name;
    }
}

TEST(ComputeOp, UnknownOperationIsRefusedAtItsKeyWithAHint) {
    Diagnostics d;
    const auto manifest = with_op("avvik", d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ("p/report.toml:6:7: error: unknown operation 'avvik'", d.all()[0].headline());
    EXPECT_FALSE(manifest->values.at(0).op);
    EXPECT_FALSE(parse_compute_op("avvik"));

    Diagnostics far;
    with_op("gjennomsnitt", far);
    const std::string& hint = far.all().at(0).hint;
    for (const auto& name : compute_op_names()) EXPECT_NE(std::string::npos, hint.find(name)) << name << " missing in: " << hint;
}

}  // namespace
}  // namespace sats
