#include "scaffold/new_command.hpp"

#include <ostream>

#include "core/text_file.hpp"
#include "scaffold/project_writer.hpp"

namespace sats {

std::optional<NewRequest> parse_new_arguments(const std::vector<std::string>& args, std::string& error) {
    NewRequest request;
    error.clear();
    for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
        const auto& a = args[i];
        const bool option = !a.empty() && a[0] == '-', valued = a == "--title" || a == "--municipality";
        if (valued && i + 1 < args.size() && !args[i + 1].empty())
            (a == "--title" ? request.fields.title : request.fields.municipality) = args[++i];
        else if (valued) error = "'" + a + "' needs a text, e.g. " + a + " \"" + (a == "--title" ? "Økonomiplan 2026" : "Bærum kommune") + "\"";
        else if (option) error = "unknown option '" + a + "' for 'new' (it takes --title and --municipality)";
        else if (!request.folder.empty()) error = "only one folder at a time ('" + a + "' is one too many)";
        else request.folder = a;
    }
    if (error.empty() && request.folder.empty()) error = "'new' needs the folder to write the project in";
    if (!error.empty()) return std::nullopt;
    return request;
}

int run_new(const Environment& env, const NewRequest& request, std::ostream& out) {
    Diagnostics diagnostics;
    // A title from the command line is checked as text in a file would be (UTF-8, no control characters).
    checked_text(request.fields.title, "--title", diagnostics);
    checked_text(request.fields.municipality, "--municipality", diagnostics);
    if (!diagnostics.has_errors()) {
        auto files = project_from_template(env, env.resource_dir() / "templates" / "ny", request.fields).report(diagnostics);
        if (files) {
            if (auto failure = write_new_project(request.folder, *files)) diagnostics.add(std::move(*failure));
            else {
                for (const auto& file : *files) out << "wrote " << (request.folder / file.path).string() << '\n';
                out << "Next: sats build " << request.folder.string() << " (README.md there says what to edit)\n";
            }
        }
    }
    diagnostics.print(out);
    return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace sats
