// The sats command line: build and check content projects.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <iostream>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "export/pdf_verify.hpp"
#include "export/html_export.hpp"
#include "export/png_export.hpp"
#include "export/press_export.hpp"
#include "frames/frames.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/report.hpp"
#include "pipeline/slides.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0;
constexpr int kContentErrors = 1;
constexpr int kBadUsage = 2;

const char* const kHelp = R"(sats — KOSTRA reports from content projects

Usage:
  sats build <project> [-o <file.pdf>] [--layout <name>] [--format pdf,slides,html|alle] [--png] [--press] [--attach-data] [--strict]
             [--dump <file.txt>] [--timings] [--for <ids>|alle] [--jobs <n>]
      Builds the report to a PDF (default: output/<project name>.pdf).
      --layout  uses layouts/<name> instead of the manifest's layout
      --png     also writes each page as <file>-<page>.png (100 dpi)
      --format  what to write, comma-separated: pdf (the report, default),
                slides (<file>-lysbilder.pdf, 16:9), html (<file>.html, a web
                summary linking to the PDF), or alle for all three
      --press   also writes <file>-trykk.pdf for the print shop: CMYK, 3 mm
                bleed, crop marks, TrimBox and BleedBox (libharu)
      --attach-data  embeds the report's data files (PDF/A-3a instead of PDF/A-2a)
      --strict  treats warnings as errors (nothing is written)
      --dump    also writes the laid-out pages as text (for golden tests)
      --timings prints the time each stage took (parse, data, layout, export,
                finishing, write)
      --for     makes the report for each municipality named (comma-separated
                ids from the project's [kommuner] list, or 'alle' for all),
                writing <file>-<id>.pdf for each, in parallel
      --jobs    threads: for the reports of --for, else for laying out
                chapters (default: the number of cores; same output for any)
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
    bool press = false;  ///< also write the press PDF
    std::set<std::string> formats{"pdf"};  ///< --format: pdf, slides, html
    bool strict = false;  ///< warnings count as errors
    bool timings = false;  ///< print the time per stage
    std::string subjects;  ///< --for: comma-separated ids or "alle"; "" = one report
    int jobs = 0;          ///< --jobs; 0 = the number of cores
    sats::BuildOptions options;
};

std::optional<Command> parse(const std::vector<std::string>& args, std::string& error) {
    Command c;
    c.verb = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& a = args[i];
        const bool build_only = a == "-o" || a == "--output" || a == "--dump" || a == "--png" || a == "--press" || a == "--attach-data" || a == "--format" ||
                                a == "--timings" || a == "--for" || a == "--jobs";
        if (build_only && c.verb != "build") {
            error = "'" + a + "' only goes with 'build'";
            return std::nullopt;
        }
        const bool takes_value =
            a == "-o" || a == "--output" || a == "--dump" || a == "--layout" || a == "--for" || a == "--jobs" || a == "--format";
        if (takes_value) {
            if (i + 1 >= args.size()) {
                error = "'" + a + "' needs a value";
                return std::nullopt;
            }
            const std::string value = args[++i];
            if (a == "--dump") c.dump = value;
            else if (a == "--for") c.subjects = value;
            else if (a == "--format") {
                c.formats.clear();
                std::size_t start = 0;
                while (start <= value.size()) {
                    auto end = value.find(',', start);
                    if (end == std::string::npos) end = value.size();
                    const std::string f = value.substr(start, end - start);
                    if (f == "alle" || f == "all") c.formats.insert({"pdf", "slides", "html"});
                    else if (f == "pdf" || f == "slides" || f == "html") c.formats.insert(f);
                    else {
                        error = "unknown format '" + f + "' (pdf, slides, html or alle)";
                        return std::nullopt;
                    }
                    start = end + 1;
                }
            }
            else if (a == "--jobs") {
                c.jobs = std::atoi(value.c_str());
                if (c.jobs < 1) {
                    error = "'--jobs' needs a number of threads, 1 or more";
                    return std::nullopt;
                }
            }
            else if (a == "--layout") c.options.layout = value;
            else c.output = value;
        } else if (a == "--png") {
            c.png = true;
        } else if (a == "--press") {
            c.press = true;
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
    if (c.press && !c.subjects.empty()) {
        error = "'--press' does not go with '--for' yet: build the press PDF of one municipality at a time";
        return std::nullopt;
    }
    if (c.output.empty()) c.output = fs::path("output") / (fs::absolute(c.project).lexically_normal().filename().string() + ".pdf");
    if (c.output.filename().empty() || c.output.filename() == ".pdf") c.output = "output/report.pdf";
    return c;
}

/// `out.pdf` → `out-trykk.pdf`.
fs::path press_path(const fs::path& output) { return fs::path(output).replace_extension().string() + "-trykk.pdf"; }

/// The ids named by --for ("alle" = the whole list); nothing (with an error) if unknown.
std::optional<std::vector<std::string>> chosen_subjects(const Command& c, const sats::Environment& env,
                                                        sats::Diagnostics& diagnostics) {
    const auto all = sats::list_subjects(env, c.project, diagnostics);
    if (!all) return std::nullopt;
    if (c.subjects == "alle" || c.subjects == "all") return all;
    std::vector<std::string> chosen;
    std::size_t start = 0;
    while (start <= c.subjects.size()) {
        auto end = c.subjects.find(',', start);
        if (end == std::string::npos) end = c.subjects.size();
        const std::string id = c.subjects.substr(start, end - start);
        if (std::find(all->begin(), all->end(), id) == all->end())
            diagnostics.error({}, "--for: '" + id + "' is not in the project's list of municipalities",
                              sats::did_you_mean(id, *all));
        else if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
            chosen.push_back(id);
        start = end + 1;
    }
    if (diagnostics.has_errors()) return std::nullopt;
    return chosen;
}

/// `build --for`: one PDF per municipality, `<output>-<id>.pdf`, built in parallel. The
/// reports that build are written even if another fails; the exit status says if any did.
int run_batch(const Command& c, sats::SystemEnvironment& env) {
    sats::Diagnostics diagnostics;
    const auto subjects = chosen_subjects(c, env, diagnostics);
    if (!subjects) {
        diagnostics.print(std::cerr, &env);
        return kContentErrors;
    }
    const int jobs = c.jobs > 0 ? c.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    auto reports = sats::build_batch(env, c.project, *subjects, c.options, jobs);
    bool failed = false;
    for (auto& report : reports) {
        if (c.strict) report.diagnostics.promote_warnings();
        const fs::path file = fs::path(c.output).replace_extension().string() + "-" + report.subject + ".pdf";
        if (report.pdf && !report.diagnostics.has_errors())
            if (auto failure = env.write_file(file, *report.pdf)) report.diagnostics.error({file.string()}, *failure);
        if (!report.diagnostics.all().empty()) {
            std::cerr << report.subject << ":\n";
            report.diagnostics.print(std::cerr, &env);
        }
        if (report.diagnostics.has_errors()) failed = true;
        else std::cerr << "wrote " << file.string() << " (" << report.pages << " pages)\n";
    }
    return failed ? kContentErrors : kOk;
}

int run(const Command& c) {
    sats::remove_temporary_files_on_signals();
    sats::SystemEnvironment env(resource_dir());
    sats::Diagnostics diagnostics;
    if (!fs::is_directory(c.project)) {
        std::cerr << "sats: no project folder '" << c.project.string() << "'\n";
        return kContentErrors;
    }
    if (!c.subjects.empty()) return run_batch(c, env);
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
    options.layout_threads = c.jobs;
    // The content is read once; the report and the deck are laid out from it.
    const auto report = sats::load_report(env, c.project, diagnostics, options);
    std::optional<std::string> pdf;
    if (report && c.formats.count("pdf"))
        if (auto document = sats::lay_out_report(*report, env, diagnostics, options))
            pdf = sats::pdf_of(*report, std::move(*document), env, diagnostics, &frames, options);
    sats::FrameDocument deck_frames;
    std::optional<std::string> deck;
    if (report && (c.formats.count("slides") || c.formats.count("html")))
        deck = sats::build_slides(*report, env, diagnostics, &deck_frames, options);
    if (c.strict) diagnostics.promote_warnings();
    std::optional<std::string> press;
    if (pdf && c.press) {
        sats::StageTimer timer(options.timings, "press");
        try {
            press = sats::export_press_pdf(frames);
        } catch (const std::exception& e) {
            diagnostics.error({}, std::string("press PDF: ") + e.what());
        }
    }
    std::optional<std::string> html;
    if (deck && c.formats.count("html")) html = sats::export_html(deck_frames, c.output.filename().string());
    if (diagnostics.has_errors()) {  // with --strict, a warning is enough to write nothing
        pdf.reset();
        deck.reset();
        html.reset();
    }
    auto write = [&](const fs::path& path, const std::string& bytes) {
        if (auto failure = env.write_file(path, bytes)) diagnostics.error({path.string()}, *failure);
    };
    if (pdf) {
        sats::StageTimer timer(options.timings, "write");
        write(c.output, *pdf);
        if (!c.dump.empty()) write(c.dump, sats::dump_frames(frames));
        if (press) write(press_path(c.output), *press);
        if (c.png) {
            const auto pages = sats::export_png(frames);
            for (std::size_t p = 0; p < pages.size(); ++p) {
                char suffix[32];
                std::snprintf(suffix, sizeof suffix, "-%03zu.png", p + 1);
                write(fs::path(c.output).replace_extension().string() + suffix, pages[p]);
            }
        }
    }
    const fs::path stem = fs::path(c.output).replace_extension();
    if (deck && c.formats.count("slides")) write(stem.string() + "-lysbilder.pdf", *deck);
    if (html) write(stem.string() + ".html", *html);
    diagnostics.print(std::cerr, &env);
    if (diagnostics.has_errors()) return kContentErrors;
    if (pdf) std::cerr << "wrote " << c.output.string() << " (" << frames.pages.size() << " pages)\n";
    if (deck && c.formats.count("slides"))
        std::cerr << "wrote " << stem.string() << "-lysbilder.pdf (" << deck_frames.pages.size() << " slides)\n";
    if (html) std::cerr << "wrote " << stem.string() << ".html\n";
    if (press) std::cerr << "wrote " << press_path(c.output).string() << " (press, CMYK)\n";
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
