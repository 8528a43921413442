#include "pipeline/build_outputs.hpp"

#include <iterator>
#include <stdexcept>

#include "pipeline/slides.hpp"
#include "resolve/block_visitor.hpp"

namespace sats {

namespace {

namespace fs = std::filesystem;

/// `out/k.pdf` → `out/k-baerum.pdf`.
fs::path with_subject(const fs::path& file, const std::string& subject) {
    return fs::path(file).replace_extension().string() + "-" + subject + file.extension().string();
}

/// The file `request` goes to.
fs::path file_of(const OutputPlan& plan, const OutputRequest& request) {
    if (!request.file.empty()) return request.file;
    return fs::path(plan.report_file).replace_extension().string() + request.format->suffix;
}

/// "out/k.pdf (12 pages)", "out/k-001.png … k-012.png (12 pages)".
std::string summary(const std::vector<FileContent>& made, const FrameDocument& document, OutputSource source) {
    std::string line = made.empty() ? std::string("nothing") : made.front().path.string();
    if (made.size() > 1) line += " … " + made.back().path.filename().string();
    return line + " (" + std::to_string(document.pages.size()) + (source == OutputSource::deck ? " slides)" : " pages)");
}

/// The files of `format`, with an exception it throws as its error: at the place in the content
/// a LocatedError names, else at the file being made.
Result<std::vector<FileContent>> make_output(const OutputFormat& format, const OutputInput& input) {
    try {
        return format.make(input);
    } catch (const LocatedError& e) {
        return error_at(e.where(), std::string(format.name) + ": " + e.what());
    } catch (const std::exception& e) {
        return error_at({input.file.string()}, std::string(format.name) + ": " + e.what());
    }
}

/// Reports every one of `files` that would replace an input of the project: the manifest, a
/// chapter, a data file, the logo or an image of a chapter.
void refuse_inputs(const Report& report, const std::vector<FileContent>& files, Diagnostics& diagnostics) {
    const Manifest& manifest = report.manifest;
    std::vector<std::string> inputs{"report.toml"};
    for (const auto& chapter : manifest.chapters) inputs.push_back(chapter.file);
    for (const auto& source : manifest.data) inputs.push_back(source.file);
    if (!manifest.logo.empty()) inputs.push_back(manifest.logo);
    for (const auto& chapter : report.chapters)
        for_each_block(chapter.blocks, [&](const ResolvedBlock& block) {
            if (const auto* image = std::get_if<Numbered<Image>>(&block.content)) inputs.push_back(image->path);
        });
    std::error_code ec;
    for (const auto& input : inputs) {
        const fs::path path = fs::weakly_canonical(manifest.root / input, ec);
        for (const auto& file : files)
            if (fs::weakly_canonical(file.path, ec) == path)
                diagnostics.error({file.path.string()}, "this output would replace " + input + ", an input of the project",
                                  "write the outputs somewhere else (-o <file>)");
    }
}

}  // namespace

OutputPlan OutputPlan::for_subject(const std::string& subject) const {
    OutputPlan plan = *this;
    plan.report_file = with_subject(report_file, subject);
    for (auto& request : plan.requests)
        if (!request.file.empty()) request.file = with_subject(request.file, subject);
    return plan;
}

std::vector<std::string> build_outputs(Environment& env, const fs::path& project, const OutputPlan& plan,
                                       const BuildOptions& options, Diagnostics& diagnostics) {
    const auto report = load_report(env, project, diagnostics, options);
    if (!report) return {};
    // The report and the deck, each laid out the first time a format asks for it.
    std::optional<FrameDocument> documents[2];
    bool laid_out[2] = {false, false};
    auto document_for = [&](OutputSource source) -> const FrameDocument* {
        const int i = static_cast<int>(source);
        if (!laid_out[i])
            documents[i] = source == OutputSource::report ? lay_out_report(*report, env, diagnostics, options)
                                                          : lay_out_slides(*report, env, diagnostics, options);
        laid_out[i] = true;
        return documents[i] ? &*documents[i] : nullptr;
    };
    std::vector<FileContent> files;
    std::vector<fs::path> left_over;  // page images of an earlier, longer build
    std::vector<std::string> written;
    for (const auto& request : plan.requests) {
        const FrameDocument* document = document_for(request.format->source);
        if (!document) continue;
        const fs::path file = file_of(plan, request);
        auto made = make_output(*request.format, {*report, *document, file, plan.report_file, options}).report(diagnostics);
        if (!made) continue;
        written.push_back(summary(*made, *document, request.format->source));
        const auto old = left_over_files(*request.format, file, made->size(), env.files_in(file.parent_path()));
        left_over.insert(left_over.end(), old.begin(), old.end());
        files.insert(files.end(), std::make_move_iterator(made->begin()), std::make_move_iterator(made->end()));
    }
    if (plan.strict) diagnostics.promote_warnings();
    if (!diagnostics.has_errors()) refuse_inputs(*report, files, diagnostics);
    if (diagnostics.has_errors()) return {};
    StageTimer timer(options.timings, "write");
    if (const auto failure = env.write_files(files)) {
        diagnostics.error({failure->path.string()}, failure->message);
        return {};
    }
    if (const auto failure = env.remove_files(left_over))
        diagnostics.warning({failure->path.string()}, "a page image of an earlier build is left: " + failure->message);
    return written;
}

}  // namespace sats
