// Fuzz target: a chapter through Mustache and Markdown, with its table and chart requests
// built, against a small fixed project.
#include <cstdint>
#include <memory>
#include <string>

#include "content/markdown.hpp"
#include "content/template.hpp"
#include "data/catalog.hpp"
#include "resolve/resolve_requests.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Held by pointer: an environment has a mutex, so it cannot be returned by copy.
    static const auto env = [] {
        auto e = std::make_unique<sats::MemoryEnvironment>();
        e->add_file("p/report.toml", "title = \"T\"\nmunicipality = \"M\"\nyear = 2025\nchapters = [\"a.md\"]\n"
                                     "[data.t]\nfile = \"data/t.csv\"\nunit = \"prosent\"\n"
                                     "[values]\nv = { op = \"diff\", of = \"t.a.2024\", ref = \"t.b.2024\" }\n");
        e->add_file("p/a.md", "# A\n");
        e->add_file("p/data/t.csv", "id;navn;2023;2024\na;A;1,5;2\nb;B;..;3\n");
        return e;
    }();
    sats::Diagnostics diagnostics;
    static const auto manifest = sats::load_manifest(*env, "p", diagnostics);
    static const auto catalog = sats::DataCatalog::load(*env, *manifest, diagnostics);
    const auto rendered = sats::render_template(std::string(reinterpret_cast<const char*>(data), size), "a.md", catalog, diagnostics);
    std::vector<sats::Chapter> chapters{sats::parse_markdown(rendered, "a.md", diagnostics)};
    sats::resolve_requests(chapters, catalog, diagnostics);
    return 0;
}
