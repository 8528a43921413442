#include "fetch/fetch_sources.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include "content/manifest.hpp"
#include "fetch/api_failure.hpp"
#include "fetch/dataset_check.hpp"
#include "fetch/municipality_codelist.hpp"
#include "fetch/source_note.hpp"

namespace sats {

namespace {

namespace fs = std::filesystem;

/// A call and at most this many more after 429 answers with a short Retry-After.
constexpr int kMaxCalls = 4;

/// Whether the folder of `relative` lies in `project` once symbolic links are followed, so that
/// a file written there stays in the project (a folder not made yet counts as in it).
bool folder_inside(const fs::path& project, const fs::path& relative) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(project, ec);
    const fs::path folder = fs::weakly_canonical(project / relative, ec).parent_path();
    return !ec && std::mismatch(base.begin(), base.end(), folder.begin(), folder.end()).first == base.end();
}

/// Fetching the sources of one project.
class Fetcher {
public:
    Fetcher(Environment& env, const FetchRequest& request, const Manifest& manifest, Diagnostics& diagnostics)
        : env_(env), request_(request), manifest_(manifest), diagnostics_(diagnostics) {}

    /// Fetches `source` and writes its files; the line saying so, or nothing (reported).
    std::optional<std::string> fetch(const DataSourceSpec& source) {
        const fs::path file = fs::path(source.file).lexically_normal(), note = note_path(file);
        const auto old_file = existing(source, file);
        const auto old_note = old_file ? existing(source, note) : std::nullopt;
        if (!old_note) return std::nullopt;
        const auto selection = select(source);
        if (!selection) return std::nullopt;
        const std::string url = data_url(request_.api, source.table, *selection);
        if (url.size() > kMaxUrlLength) {
            diagnostics_.error(source.query_at,
                               "the query makes an address of " + std::to_string(url.size()) +
                                   " characters, longer than SSB's API takes (about 2 100)",
                               "select with \"*\", \"alle\" or an expression such as \"top(3)\" or \"03*\" instead of long lists of codes");
            return std::nullopt;
        }
        const auto answer = answered(source, url);
        if (!answer) return std::nullopt;
        std::string problem;
        const auto dataset = check_dataset(*answer, problem);
        if (!dataset) {
            diagnostics_.error(source.table_at, "SSB's answer for table " + source.table + " is not a JSON-stat 2.0 dataset: " + problem,
                               "nothing was written; try again later");
            return std::nullopt;
        }
        const std::string text =
            note_text({source.table, dataset->label, dataset->updated, url, source.query, env_.now()}, file.filename().string());
        const bool same_data = *old_file == *answer;
        if (same_data && same_but_retrieved(*old_note, text))
            return "unchanged " + shown(file) + " (SSB table " + source.table + " gave the same bytes)";
        std::vector<FileContent> files;
        if (!same_data) files.push_back({manifest_.root / file, *answer});
        files.push_back({manifest_.root / note, text});
        if (const auto failure = env_.write_files(files)) {
            diagnostics_.error(source.file_at, "cannot write " + failure->path.string() + ": " + failure->message);
            return std::nullopt;
        }
        return same_data ? "wrote " + shown(note) + " (the data of SSB table " + source.table + " is unchanged)"
                         : "wrote " + shown(file) + " and " + shown(note) + " (SSB table " + source.table + ")";
    }

private:
    std::string shown(const fs::path& relative) const { return (manifest_.root / relative).lexically_normal().string(); }

    /// The bytes of the project's file `relative` that `source` writes ("" if there is none yet),
    /// or nothing (reported) if it may not be written: outside the project, or a folder.
    std::optional<std::string> existing(const DataSourceSpec& source, const fs::path& relative) {
        auto file = env_.read_project_file(manifest_.root, relative);
        if (file.problem == ProjectFile::Problem::none || file.problem == ProjectFile::Problem::missing) {
            if (folder_inside(manifest_.root, relative)) return std::move(file.bytes);
            file.problem = ProjectFile::Problem::outside;
        }
        diagnostics_.error(source.file_at, file.message("file '" + relative.string() + "'"));
        return std::nullopt;
    }

    /// The query of `source` as SSB's API takes it: "alle" becomes `*` of the table's code list
    /// of today's municipalities. Nothing (reported) if that cannot be found.
    std::optional<std::vector<DimensionSelection>> select(const DataSourceSpec& source) {
        std::vector<DimensionSelection> selection;
        std::optional<std::string> metadata;
        for (const auto& d : source.query) {
            const bool alle = std::find(d.values.begin(), d.values.end(), "alle") != d.values.end();
            if (!alle) {
                selection.push_back({d.dimension, d.values, ""});
                continue;
            }
            if (d.values.size() > 1) {
                diagnostics_.error(d.where, "\"alle\" (every municipality) stands alone, without other codes");
                return std::nullopt;
            }
            if (!metadata && !(metadata = answered(source, metadata_url(request_.api, source.table)))) return std::nullopt;
            std::string problem;
            const auto codelist = municipality_codelist(*metadata, d.dimension, problem);
            if (!codelist) {
                diagnostics_.error(d.where, "\"alle\" needs a list of today's municipalities from SSB table " + source.table + ": " + problem,
                                   "list the municipalities' codes, or write \"*\" for every code of the dimension "
                                   "(earlier municipalities and groups too)");
                return std::nullopt;
            }
            selection.push_back({d.dimension, {"*"}, *codelist});
        }
        return selection;
    }

    /// The body of a whole 200 answer from `url`, or nothing (reported at `table`). A 429 with a
    /// Retry-After is waited for and called again while the waits come to at most max_wait.
    std::optional<std::string> answered(const DataSourceSpec& source, const std::string& url) {
        std::chrono::seconds waited{0};
        for (int calls = 1;; ++calls) {
            HttpAnswer answer = http_get(url, request_.limits);
            if (answer.failure == HttpAnswer::Failure::none && answer.status == 200) return std::move(answer.body);
            const auto wait = std::chrono::seconds(answer.retry_after.value_or(0));
            if (answer.status != 429 || !answer.retry_after || calls == kMaxCalls || waited + wait > request_.max_wait) {
                const auto text = explain_failure(answer, request_.api, source.table, request_.max_wait);
                diagnostics_.error(source.table_at, text.message, text.hint);
                return std::nullopt;
            }
            std::this_thread::sleep_for(wait);
            waited += wait;
        }
    }

    Environment& env_;
    const FetchRequest& request_;
    const Manifest& manifest_;
    Diagnostics& diagnostics_;
};

/// The sources `names` asks for (all with `table` if none); nothing (reported) if one is unknown
/// or names no table, or if no source names one.
std::optional<std::vector<const DataSourceSpec*>> chosen(const Manifest& manifest, const std::vector<std::string>& names,
                                                        Diagnostics& diagnostics) {
    std::vector<const DataSourceSpec*> sources;
    std::vector<std::string> all;
    for (const auto& source : manifest.data) {
        all.push_back(source.name);
        if (names.empty() && !source.table.empty()) sources.push_back(&source);
    }
    for (const auto& name : names) {
        const auto found = std::find_if(manifest.data.begin(), manifest.data.end(), [&](const auto& s) { return s.name == name; });
        if (found == manifest.data.end())
            diagnostics.error({manifest.path}, "--source: the manifest has no data source '" + name + "'", did_you_mean(name, all));
        else if (found->table.empty())
            diagnostics.error(found->where, "--source: data source '" + name + "' names no SSB table ('table'), so there is nothing to fetch");
        else
            sources.push_back(&*found);
    }
    if (sources.empty() && !diagnostics.has_errors())
        diagnostics.error({manifest.path}, "no data source names an SSB table, so there is nothing to fetch",
                          "give a data source 'table' and 'query' (docs/content-format.md: \"Hente data fra SSB\")");
    if (diagnostics.has_errors()) return std::nullopt;
    return sources;
}

}  // namespace

std::vector<std::string> fetch_sources(Environment& env, const FetchRequest& request, Diagnostics& diagnostics) {
    const auto manifest = load_manifest(env, request.project, diagnostics);
    if (!manifest || diagnostics.has_errors()) return {};
    const auto sources = chosen(*manifest, request.sources, diagnostics);
    if (!sources) return {};
    Fetcher fetcher(env, request, *manifest, diagnostics);
    std::vector<std::string> lines;
    for (const auto* source : *sources)
        if (auto line = fetcher.fetch(*source)) lines.push_back(std::move(*line));
    return lines;
}

}  // namespace sats
