#include "pipeline/outputs.hpp"

#include <cstdio>

#include "export/html_export.hpp"
#include "export/png_export.hpp"
#include "export/press_export.hpp"

namespace sats {

namespace {

namespace fs = std::filesystem;

/// Files of a format, for a Result.
using Files = std::vector<FileContent>;

/// The tagged PDF/A of the document (the report or the deck).
Result<Files> tagged_pdf(const OutputInput& in) {
    Diagnostics problems;  // pdf_of reports to a sink; what it reports are this format's errors
    auto pdf = pdf_of(in.report, in.document, problems, in.options);
    if (!pdf) return problems.all();
    return Files{{in.file, std::move(*pdf)}};
}

Result<Files> press_pdf(const OutputInput& in) {
    StageTimer timer(in.options.timings, "press");
    return Files{{in.file, export_press_pdf(in.document)}};
}

/// The image of page `page` (from 1): `out.png` → `out-001.png`, `out-002.png`, …
fs::path page_image(const fs::path& file, std::size_t page) {
    char number[32];
    std::snprintf(number, sizeof number, "-%03zu.png", page);
    return fs::path(file).replace_extension().string() + number;
}

Result<Files> page_images(const OutputInput& in) {
    StageTimer timer(in.options.timings, "png");
    Files files;
    auto pages = export_png(in.document);
    for (std::size_t p = 0; p < pages.size(); ++p) files.push_back({page_image(in.file, p + 1), std::move(pages[p])});
    return files;
}

Result<Files> web_page(const OutputInput& in) {
    StageTimer timer(in.options.timings, "html");
    return Files{{in.file, export_html(in.document, in.report_file.filename().string())}};
}

Result<Files> frame_dump(const OutputInput& in) { return Files{{in.file, dump_frames(in.document)}}; }

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

std::vector<fs::path> left_over_files(const OutputFormat& format, const fs::path& file, std::size_t made,
                                      const std::vector<std::string>& folder) {
    std::vector<fs::path> left;
    if (format.make != page_images) return left;
    const std::string stem = fs::path(file).replace_extension().filename().string() + "-";
    for (const auto& name : folder) {
        if (!name.starts_with(stem) || !name.ends_with(".png")) continue;
        const std::string digits = name.substr(stem.size(), name.size() - stem.size() - 4);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const auto page = static_cast<std::size_t>(std::stoul(digits));
        if (page > made && page_image(file, page).filename() == name) left.push_back(file.parent_path() / name);
    }
    return left;
}

const OutputFormat* find_output_format(std::string_view name) {
    for (const auto& format : output_formats())
        if (name == format.name) return &format;
    return nullptr;
}

}  // namespace sats
