#pragma once
// The images of one document, read, checked and decoded once before layout: each distinct file
// once however often it is used, in reading order, so the pixel budget of the whole document
// is checked at the same image on every run.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/diagnostics.hpp"
#include "core/environment.hpp"
#include "frames/frames.hpp"
#include "resolve/resolved_document.hpp"

namespace sats {

/// The most pixels the distinct images of one document may have together (the logo included):
/// 100 million, about 400 MB decoded, four images at the size limit of one.
inline constexpr long long kMaxDocumentImagePixels = 100'000'000;

/// The decoded images of one document, looked up by their path in the project.
class ImageStore {
public:
    /// Reads the cover logo `logo` ("" = none; its problems are reported at `logo_at`) and the
    /// image of every image block of `document`, in reading order. A file that cannot be read
    /// or decoded, or that would take the document past `pixel_budget` pixels, is reported at
    /// each place that uses it.
    ImageStore(const Environment& env, const std::filesystem::path& project_root, const std::string& logo,
               const SourceLocation& logo_at, const ResolvedDocument& document, Diagnostics& diagnostics,
               long long pixel_budget = kMaxDocumentImagePixels);

    /// The pixels of the project file `relative`, or null if it could not be used (reported).
    std::shared_ptr<const Bitmap> find(const std::string& relative) const;

private:
    /// Reads `relative` the first time it is named; reports its problem (as `what`) at `where`
    /// each time.
    void add(const std::string& relative, const std::string& what, const SourceLocation& where);

    const Environment& env_;
    std::filesystem::path root_;
    Diagnostics& diagnostics_;
    long long budget_;                                              ///< pixels the distinct images may have
    long long pixels_ = 0;                                          ///< of the distinct images decoded so far
    std::map<std::string, std::shared_ptr<const Bitmap>> bitmaps_;  ///< by path; null = unusable
    std::map<std::string, std::string> problems_;                   ///< by path, what is wrong with it
};

}  // namespace sats
