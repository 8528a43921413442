#include "pipeline/outputs.hpp"

#include <cstdio>

#include "export/html_export.hpp"
#include "export/png_export.hpp"
#include "export/press_export.hpp"

namespace sats {

namespace {

namespace fs = std::filesystem;

/// The tagged PDF/A of the document (the report or the deck).
std::vector<FileContent> tagged_pdf(const OutputInput& in, Diagnostics& diagnostics) {
    auto pdf = pdf_of(in.report, in.document, diagnostics, in.options);
    if (!pdf) return {};
    return {{in.file, std::move(*pdf)}};
}

std::vector<FileContent> press_pdf(const OutputInput& in, Diagnostics&) {
    StageTimer timer(in.options.timings, "press");
    return {{in.file, export_press_pdf(in.document)}};
}

/// `out.png` → `out-001.png`, `out-002.png`, …
std::vector<FileContent> page_images(const OutputInput& in, Diagnostics&) {
    StageTimer timer(in.options.timings, "png");
    std::vector<FileContent> files;
    auto pages = export_png(in.document);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        char number[32];
        std::snprintf(number, sizeof number, "-%03zu.png", p + 1);
        files.push_back({fs::path(in.file).replace_extension().string() + number, std::move(pages[p])});
    }
    return files;
}

std::vector<FileContent> web_page(const OutputInput& in, Diagnostics&) {
    StageTimer timer(in.options.timings, "html");
    return {{in.file, export_html(in.document, in.report_file.filename().string())}};
}

std::vector<FileContent> frame_dump(const OutputInput& in, Diagnostics&) { return {{in.file, dump_frames(in.document)}}; }

}  // namespace

const std::vector<OutputFormat>& output_formats() {
    static const std::vector<OutputFormat> formats{
        {"pdf", ".pdf", OutputSource::report, true, "the report, a tagged PDF/A (the default)", tagged_pdf},
        {"slides", "-lysbilder.pdf", OutputSource::deck, true,
         "<file>-lysbilder.pdf: a 16:9 deck of the main findings", tagged_pdf},
        {"html", ".html", OutputSource::deck, true, "<file>.html: a web summary of the main findings, linking to the PDF",
         web_page},
        {"press", "-trykk.pdf", OutputSource::report, false,
         "<file>-trykk.pdf for the print shop: CMYK, 3 mm bleed, crop marks", press_pdf},
        {"png", ".png", OutputSource::report, false, "<file>-001.png, … : each page as an image (100 dpi)", page_images},
        {"dump", ".txt", OutputSource::report, false, "<file>.txt: the laid-out pages as text (for golden tests)",
         frame_dump},
    };
    return formats;
}

const OutputFormat* find_output_format(std::string_view name) {
    for (const auto& format : output_formats())
        if (name == format.name) return &format;
    return nullptr;
}

}  // namespace sats
