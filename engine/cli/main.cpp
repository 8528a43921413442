// The sats command line: build and check content projects.

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <iostream>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "data/data_description.hpp"
#include "export/pdf_verify.hpp"
#include "fetch/fetch_command.hpp"
#include "pipeline/batch.hpp"
#include "scaffold/new_command.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0;
constexpr int kContentErrors = 1;
constexpr int kBadUsage = 2;

const char* const kHelpBuild = R"(sats — KOSTRA reports from content projects

Usage:
  sats build <project> [-o <file.pdf>] [--format <formats>|alle] [--press] [--png] [--dump <file.txt>]
             [--layout <name>] [--attach-data] [--strict] [--timings] [--for <ids>|alle] [--jobs <n>]
      Builds the report to a PDF (default: output/<project name>.pdf) and the
      other formats chosen, named after it. Every file is written, or none.
      --format  what to write, comma-separated (default: pdf), or alle for
                the ones marked *; <file> is the -o name without .pdf:
)";

const char* const kHelpRest = R"(      --press   the same as adding press to --format
      --png     the same as adding png to --format
      --dump    adds dump to --format, written to <file.txt>
      --layout  uses layouts/<name> instead of the manifest's layout
      --attach-data  embeds the report's data files (PDF/A-3a instead of PDF/A-2a)
      --strict  treats warnings as errors (nothing is written)
      --timings prints the time each stage took (parse, data, layout, export,
                finishing, the other formats, write)
      --for     makes the report for each municipality named (comma-separated
                ids from the project's [kommuner] list, or 'alle' for all), in
                parallel, with every chosen format: <file>-<id>.pdf and so on
      --jobs    threads: for the reports of --for, else for laying out
                chapters (default: the number of cores; same output for any)
  sats check <project> [--layout <name>] [--strict]
      Reads everything, resolves every data reference and placeholder,
      computes every value and table, lays the report out, and prints
      what is wrong. Writes nothing.
  sats verify <file.pdf>
      Checks a PDF against the PDF/A-2a and PDF/UA rules sats can test
      (docs/accessibility.md) and names every rule it breaks.
  sats data show <file> [--encoding <name>]
      Lists what a data file (CSV or JSON-stat) holds: its shape, the
      dimensions with their ids, labels and categories, the units, the
      SSB symbols found, and a data source for report.toml to start from.
  sats data fetch <project> [--source <name>]... [--api <url>]
      Fetches each data source that names an SSB table ('table', 'query')
      from SSB's statistics bank API (PxWebApi v2), one after the other, and
      writes its file with a source note beside it (<file>.kilde.toml: table,
      query, address, time, licence). A file is written only from a whole
      JSON-stat 2.0 answer, and left as it is when nothing changed; on any
      failure it stays as it was. build and check never use the network.
      --source  only this data source (may be repeated)
      --api     the API's address (default: $SATS_SSB_API, else
                https://data.ssb.no/api/pxwebapi/v2)
  sats new <folder> [--title <text>] [--municipality <text>]
      Writes a small working project to start from (report.toml, a chapter
      with a table, a chart and numbers from the data, a data file and a
      README.md that says what to edit) into a new or empty folder, making
      the folders above it. Every file is written, or none.
      --title, --municipality  set the report's title and municipality
  sats --help       Shows this text.
  sats --version    Shows the version.

Exit status: 0 success, 1 errors in the content, 2 wrong usage.
Environment: SATS_RESOURCES (folder with layouts/, fonts/ and templates/), SOURCE_DATE_EPOCH,
SATS_SSB_API (the address 'data fetch' calls).
)";

/// The help text, with one line per output format of the registry.
std::string help() {
    std::string text = kHelpBuild;
    for (const auto& format : sats::output_formats()) {
        std::string name = format.name + std::string(format.in_alle ? "*" : "");
        name.resize(8, ' ');
        text += "                  " + name + format.help + "\n";
    }
    return text + kHelpRest;
}

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
    fs::path dump;                         ///< --dump: the dump's file
    std::set<std::string> formats;         ///< --format (empty: pdf)
    std::set<std::string> added;           ///< formats added by --press, --png, --dump
    bool strict = false;  ///< warnings count as errors
    bool timings = false;  ///< print the time per stage
    std::string subjects;  ///< --for: comma-separated ids or "alle"; "" = one report
    int jobs = 0;          ///< --jobs; 0 = the number of cores
    sats::BuildOptions options;
};

/// The parts of a comma-separated list.
std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        parts.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

/// Adds the formats named in `list` (`--format`) to `formats`; false with `error` if one is unknown.
bool add_formats(const std::string& list, std::set<std::string>& formats, std::string& error) {
    for (const auto& name : split(list)) {
        if (name == "alle" || name == "all") {
            for (const auto& format : sats::output_formats())
                if (format.in_alle) formats.insert(format.name);
        } else if (sats::find_output_format(name)) {
            formats.insert(name);
        } else {
            std::string known;
            for (const auto& format : sats::output_formats()) known += std::string(format.name) + ", ";
            error = "unknown format '" + name + "' (" + known + "or alle)";
            return false;
        }
    }
    return true;
}

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
            if (a == "--dump") {
                c.dump = value;
                c.added.insert("dump");
            }
            else if (a == "--for") c.subjects = value;
            else if (a == "--format") {
                if (!add_formats(value, c.formats, error)) return std::nullopt;
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
            c.added.insert("png");
        } else if (a == "--press") {
            c.added.insert("press");
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
    if (c.formats.empty()) c.formats.insert("pdf");
    c.formats.insert(c.added.begin(), c.added.end());
    if (c.output.empty()) c.output = fs::path("output") / (fs::absolute(c.project).lexically_normal().filename().string() + ".pdf");
    if (c.output.filename().empty() || c.output.filename() == ".pdf") c.output = "output/report.pdf";
    return c;
}

/// What `build` makes: the chosen formats in the registry's order, the report PDF at `-o`
/// and the dump at `--dump`, the others named after the report.
sats::OutputPlan plan_of(const Command& c) {
    sats::OutputPlan plan{c.output, {}, c.strict};
    for (const auto& format : sats::output_formats()) {
        if (!c.formats.count(format.name)) continue;
        const std::string name = format.name;
        plan.requests.push_back({&format, name == "pdf" ? c.output : name == "dump" ? c.dump : fs::path()});
    }
    return plan;
}

/// The ids named by --for ("alle" = the whole list); nothing (with an error) if unknown.
std::optional<std::vector<std::string>> chosen_subjects(const Command& c, const sats::Environment& env,
                                                        sats::Diagnostics& diagnostics) {
    const auto all = sats::list_subjects(env, c.project, diagnostics);
    if (!all) return std::nullopt;
    if (c.subjects == "alle" || c.subjects == "all") return all;
    std::vector<std::string> chosen;
    for (const auto& id : split(c.subjects)) {
        if (std::find(all->begin(), all->end(), id) == all->end())
            diagnostics.error({}, "--for: '" + id + "' is not in the project's list of municipalities",
                              sats::did_you_mean(id, *all));
        else if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
            chosen.push_back(id);
    }
    if (diagnostics.has_errors()) return std::nullopt;
    return chosen;
}

/// Prints what a build reported and what it wrote.
void report_build(const sats::Diagnostics& diagnostics, const std::vector<std::string>& written,
                  const sats::Environment& env) {
    diagnostics.print(std::cerr, &env);
    for (const auto& line : written) std::cerr << "wrote " << line << '\n';
}

/// `build --for`: every chosen output for each municipality, `<output>-<id>.pdf` and so on,
/// built in parallel. The reports that build are written even if another fails; the exit
/// status says if any did.
int run_batch(const Command& c, sats::SystemEnvironment& env) {
    sats::Diagnostics diagnostics;
    const auto subjects = chosen_subjects(c, env, diagnostics);
    if (!subjects) {
        diagnostics.print(std::cerr, &env);
        return kContentErrors;
    }
    const int jobs = c.jobs > 0 ? c.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // What each report reported and wrote, as it finishes, counted: the progress of a long batch.
    const auto total = std::to_string(subjects->size());
    std::size_t failures = 0;
    sats::build_batch(env, c.project, *subjects, plan_of(c), c.options, jobs, [&](const sats::BatchReport& report, std::size_t done) {
        std::cerr << "[" << done << "/" << total << "] " << report.subject << (report.diagnostics.has_errors() ? ": failed" : "") << "\n";
        report_build(report.diagnostics, report.written, env);
        failures += report.diagnostics.has_errors() ? 1 : 0;
    });
    if (failures > 0) std::cerr << failures << " of " << total << " reports failed\n";
    return failures > 0 ? kContentErrors : kOk;
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
    sats::Timings timings;
    sats::BuildOptions options = c.options;
    if (c.timings) options.timings = &timings;
    options.layout_threads = c.jobs;
    const auto written = sats::build_outputs(env, c.project, plan_of(c), options, diagnostics);
    report_build(diagnostics, written, env);
    if (diagnostics.has_errors()) return kContentErrors;
    if (c.timings) timings.print(std::cerr);
    return kOk;
}

/// `sats data show <file> [--encoding <name>]`: what the data file holds, or why it cannot be read.
int show_data(const std::vector<std::string>& args) {
    if (args.empty() || (args.size() != 1 && !(args.size() == 3 && args[1] == "--encoding")))
        return usage("'data show' takes one data file, and optionally --encoding <name>");
    const auto encoding = args.size() == 3 ? sats::parse_text_encoding(args[2]) : sats::TextEncoding::automatic;
    if (!encoding) return usage("unknown encoding '" + args[2] + "'");
    sats::SystemEnvironment env(resource_dir());
    const auto bytes = env.read_file(args[0]);
    if (!bytes) {
        std::cerr << "sats: cannot read " << args[0] << '\n';
        return kContentErrors;
    }
    sats::Diagnostics diagnostics;
    const auto description = sats::describe_data_file(*bytes, args[0], *encoding, diagnostics);
    diagnostics.print(std::cerr, &env);
    if (description) std::cout << *description;
    return description ? kOk : kContentErrors;
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
        std::cout << help();
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
    std::string error;
    if (args[0] == "data" && args.size() > 1 && args[1] == "show") return show_data({args.begin() + 2, args.end()});
    if (args[0] == "data" && args.size() > 1 && args[1] == "fetch") {
        const auto request = sats::parse_fetch_arguments({args.begin() + 2, args.end()}, error);
        if (!request) return usage(error);
        sats::remove_temporary_files_on_signals();
        sats::SystemEnvironment env(resource_dir());
        return sats::run_fetch(env, *request, std::cerr);
    }
    if (args[0] == "new") {
        const auto request = sats::parse_new_arguments({args.begin() + 1, args.end()}, error);
        if (!request) return usage(error);
        return sats::run_new(sats::SystemEnvironment(resource_dir()), *request, std::cerr);
    }
    if (args[0] != "build" && args[0] != "check") return usage("unknown command '" + args[0] + "'");
    const auto command = parse(args, error);
    if (!command) return usage(error);
    try {
        return run(*command);
    } catch (const std::exception& e) {
        std::cerr << "sats: internal error: " << e.what() << '\n';
        return kContentErrors;
    }
}
