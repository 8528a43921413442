#pragma once
// The pipeline, stage by stage: content (manifest, templates, Markdown) → data (tables,
// computed values) → layout (pango) → frames → export (cairo PDF). Each stage only reads what
// the one before produced.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "content/manifest.hpp"
#include "core/environment.hpp"
#include "core/timings.hpp"
#include "data/catalog.hpp"
#include "export/pdf_finish.hpp"
#include "frames/frames.hpp"
#include "resolve/resolved_document.hpp"

namespace sats {

class FontSetup;

/// A content project after the content and data stages, its requests built (the first half of
/// the resolve stage; numbering comes with the layout's words).
struct Report {
    Manifest manifest;
    DataCatalog data;
    std::vector<ResolvedChapter> chapters;
    std::string icc_profile;               ///< the sRGB profile of the PDF/A output intent
    std::vector<Attachment> attachments;   ///< the data files to embed (`--attach-data`), else none
};


/// Choices made on the command line rather than in the content.
struct BuildOptions {
    std::string layout;        ///< overrides the manifest's layout when not empty
    bool attach_data = false;  ///< embed the data files (PDF/A-3a instead of PDF/A-2a)
    Timings* timings = nullptr;  ///< receives the time per stage when set (`--timings`)
    std::string subject;         ///< the municipality from `[kommuner]` (`--for`); "" = the standard one
    const FontSetup* fonts = nullptr;  ///< fonts to reuse (a batch shares them per thread); null = load
    int layout_threads = 0;            ///< threads laying out chapters; 0 = one per core
};

/// Reads the manifest and data, renders the chapter templates, parses them and builds the
/// data tables and charts (for `options.subject`); reads the files the PDF embeds (the colour
/// profile, the data files with `options.attach_data`), so nothing after this reads a file but
/// fonts for layout. Nothing if any error was reported.
std::optional<Report> load_report(const Environment& env, const std::filesystem::path& project, Diagnostics& diagnostics,
                                  const BuildOptions& options = {});


/// Lays the report out in its layout; nothing if an error was reported.
std::optional<FrameDocument> lay_out_report(const Report& report, const Environment& env, Diagnostics& diagnostics,
                                            const BuildOptions& options = {});

/// Numbers `chapters` with the layout's words and lays them out with the report's title and
/// manifest (the report's own chapters, or the slides); nothing if an error was reported.
std::optional<FrameDocument> lay_out_chapters(const Report& report, const std::vector<ResolvedChapter>& chapters,
                                              const Environment& env, Diagnostics& diagnostics,
                                              const BuildOptions& options = {});

/// The tagged PDF/A of a laid-out `document` (export and finishing), embedding what `report`
/// holds; reads no file. Nothing if an error was reported.
std::optional<std::string> pdf_of(const Report& report, const FrameDocument& document, Diagnostics& diagnostics,
                                  const BuildOptions& options);

/// The whole pipeline to PDF bytes; nothing if an error was reported. `frames`, if given,
/// receives the display list (for the debug dump and page images).
std::optional<std::string> build_pdf(const Environment& env, const std::filesystem::path& project,
                                     Diagnostics& diagnostics, FrameDocument* frames = nullptr,
                                     const BuildOptions& options = {});

}  // namespace sats
