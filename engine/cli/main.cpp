// The sats command line: build and check content projects.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "export/pdf_verify.hpp"
#include "export/png_export.hpp"
#include "frames/frames.hpp"
#include "pipeline/report.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0;
constexpr int kContentErrors = 1;
constexpr int kBadUsage = 2;

const char* const kHelp = R"(sats — KOSTRA reports from content projects

Usage:
  sats build <project> [-o <file.pdf>] [--layout <name>] [--png] [--attach-data] [--strict]
             [--dump <file.txt>] [--timings]
      Builds the report to a PDF (default: output/<project name>.pdf).
      --layout  uses layouts/<name> instead of the manifest's layout
      --png     also writes each page as <file>-<page>.png (100 dpi)
      --attach-data  embeds the report's data files (PDF/A-3a instead of PDF/A-2a)
      --strict  treats warnings as errors (nothing is written)
      --dump    also writes the laid-out pages as text (for golden tests)
      --timings prints the time each stage took (parse, data, layout, export,
                finishing, write)
  sats check <project> [--layout <name>] [--strict]
      Reads everything, resolves every data reference and placeholder,
      computes every value and table, lays the report out, and prints
      what is wrong. Writes nothing.
  sats verify <file.pdf>
      Checks a PDF against the PDF/A-2a and PDF/UA rules sats can test
      (docs/accessibility.md) and names every rule it breaks.
  sats --help       Shows this text.
  sats --version    Shows the version.

Exit status: 0 success, 1 errors in the content, 2 wrong usage.
Environment: SATS_RESOURCES (folder with layouts/ and fonts/), SOURCE_DATE_EPOCH.
)";

int usage(const std::string& message) {
    std::cerr << "sats: " << message << "\nTry 'sats --help'.\n";
    return kBadUsage;
}

fs::path resource_dir() {
    if (const char* dir = std::getenv("SATS_RESOURCES")) return dir;
    return SATS_RESOURCE_DIR;
}

/// Parsed command line of `build` and `check`.
struct Command {
    std::string verb;
    fs::path project;
    fs::path output;
    fs::path dump;
    bool png = false;
    bool strict = false;  ///< warnings count as errors
    bool timings = false;  ///< print the time per stage
    sats::BuildOptions options;
};

std::optional<Command> parse(const std::vector<std::string>& args, std::string& error) {
    Command c;
    c.verb = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        const bool build_only = a == "-o" || a == "--output" || a == "--dump" || a == "--png" || a == "--attach-data" ||
                                a == "--timings";
        if (build_only && c.verb != "build") {
            error = "'" + a + "' only goes with 'build'";
            return std::nullopt;
        }
        const bool takes_value = a == "-o" || a == "--output" || a == "--dump" || a == "--layout";
        if (takes_value) {
            if (i + 1 >= args.size()) {
                error = "'" + a + "' needs a value";
                return std::nullopt;
            }
            const std::string value = args[++i];
            if (a == "--dump") c.dump = value;
            else if (a == "--layout") c.options.layout = value;
            else c.output = value;
        } else if (a == "--png") {
            c.png = true;
        } else if (a == "--timings") {
            c.timings = true;
        } else if (a == "--strict") {
            c.strict = true;
        } else if (a == "--attach-data") {
            c.options.attach_data = true;
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option '" + a + "'";
            return std::nullopt;
        } else if (c.project.empty()) {
            c.project = a;
        } else {
            error = "only one project at a time ('" + a + "' is one too many)";
            return std::nullopt;
        }
    }
    if (c.project.empty()) {
        error = "'" + c.verb + "' needs a project folder";
        return std::nullopt;
    }
    if (c.output.empty()) c.output = fs::path("output") / (fs::absolute(c.project).lexically_normal().filename().string() + ".pdf");
    if (c.output.filename().empty() || c.output.filename() == ".pdf") c.output = "output/report.pdf";
    return c;
}

int run(const Command& c) {
    sats::remove_temporary_files_on_signals();
    sats::SystemEnvironment env(resource_dir());
    sats::Diagnostics diagnostics;
    if (!fs::is_directory(c.project)) {
        std::cerr << "sats: no project folder '" << c.project.string() << "'\n";
        return kContentErrors;
    }
    if (c.verb == "check") {
        const auto report = sats::load_report(env, c.project, diagnostics);
        if (report) sats::lay_out_report(*report, env, diagnostics, c.options);
        if (c.strict) diagnostics.promote_warnings();
        diagnostics.print(std::cerr, &env);
        return diagnostics.has_errors() ? kContentErrors : kOk;
    }
    sats::FrameDocument frames;
    sats::Timings timings;
    sats::BuildOptions options = c.options;
    if (c.timings) options.timings = &timings;
    auto pdf = sats::build_pdf(env, c.project, diagnostics, &frames, options);
    if (c.strict) diagnostics.promote_warnings();
    if (diagnostics.has_errors()) pdf.reset();  // with --strict, a warning is enough to write nothing
    auto write = [&](const fs::path& path, const std::string& bytes) {
        if (auto failure = env.write_file(path, bytes)) diagnostics.error({path.string()}, *failure);
    };
    if (pdf) {
        sats::StageTimer timer(options.timings, "write");
        write(c.output, *pdf);
        if (!c.dump.empty()) write(c.dump, sats::dump_frames(frames));
        if (c.png) {
            const auto pages = sats::export_png(frames);
            for (std::size_t p = 0; p < pages.size(); ++p) {
                char suffix[32];
                std::snprintf(suffix, sizeof suffix, "-%03zu.png", p + 1);
                write(fs::path(c.output).replace_extension().string() + suffix, pages[p]);
            }
        }
    }
    diagnostics.print(std::cerr, &env);
    if (diagnostics.has_errors()) return kContentErrors;
    std::cerr << "wrote " << c.output.string() << " (" << frames.pages.size() << " pages)\n";
    if (c.timings) timings.print(std::cerr);
    return kOk;
}

/// `sats verify`: every broken rule on its own line; exit 1 if any.
int verify(const std::string& file) {
    sats::SystemEnvironment env(resource_dir());
    const auto bytes = env.read_file(file);
    if (!bytes) {
        std::cerr << "sats: cannot read '" << file << "'\n";
        return kContentErrors;
    }
    const auto failures = sats::verify_pdf(*bytes);
    for (const auto& f : failures) std::cout << file << ": " << f.rule << ": " << f.message << '\n';
    if (failures.empty()) std::cout << file << ": passes all " << sats::verified_rules().size() << " rules\n";
    return failures.empty() ? kOk : kContentErrors;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("missing command");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kHelp;
        return kOk;
    }
    if (args[0] == "--version") {
        std::cout << "sats " << SATS_VERSION << '\n';
        return kOk;
    }
    if (args[0] == "verify") {
        if (args.size() != 2) return usage("'verify' takes one PDF file");
        return verify(args[1]);
    }
    if (args[0] != "build" && args[0] != "check") return usage("unknown command '" + args[0] + "'");
    std::string error;
    const auto command = parse(args, error);
    if (!command) return usage(error);
    try {
        return run(*command);
    } catch (const std::exception& e) {
        std::cerr << "sats: internal error: " << e.what() << '\n';
        return kContentErrors;
    }
}
