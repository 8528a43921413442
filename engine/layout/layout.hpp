#pragma once
// The layout stage: the resolved document in, pages of frames out. Cover, chapters on new pages,
// headings, paragraphs, lists, tables (split between rows with the header repeated), images,
// running header and page numbers.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "core/environment.hpp"
#include "frames/frames.hpp"
#include "layout/fonts.hpp"
#include "layout/style.hpp"
#include "resolve/resolved_document.hpp"

namespace sats {

/// What the cover and the document information show.
struct ReportInfo {
    std::string title;
    std::string subtitle;
    std::string municipality;
    int year = 0;
    std::string keywords;  ///< for the PDF metadata
    std::string logo;      ///< PNG file for the cover, relative to the project ("" = none)
    SourceLocation logo_at;  ///< where the manifest names the logo
    std::string date;      ///< ISO 8601 date-time for the PDF
    std::string date_text;  ///< the publication date as running texts print it ("24. november 2026")
    /// Running header and footer texts of single chapters, by chapter file (over the report's).
    std::map<std::string, std::pair<RunningTexts, RunningTexts>> chapter_running;
    std::string language = "nb-NO";
    std::filesystem::path project_root;  ///< images are found relative to it
};

/// Lays the resolved report out, its chapters on up to `threads` threads (each chapter starts a page,
/// so they are independent; the result is the same for any number). Problems (a table too
/// wide, a missing image, characters no font has) go to `diagnostics` with the block's location.
FrameDocument layout_report(const ReportInfo& info, const ResolvedDocument& document, const LayoutStyle& style,
                            const FontSetup& fonts, const Environment& env, Diagnostics& diagnostics, int threads = 1);

}  // namespace sats
