#pragma once
// The finishing pass over cairo's PDF, with libqpdf: what makes it PDF/A-2a and PDF/UA —
// document language, marked and titled, XMP metadata that agrees with the Info dictionary,
// an sRGB output intent, /Alt on figures, /Scope on table headers, untagged content marked as
// artifacts, and a deterministic file identifier.

#include <string>

#include "export/tagged_element.hpp"
#include "frames/frames.hpp"

class QPDF;

namespace sats {

/// Writes `pdf` (libqpdf) with compressed streams and an ID computed from its content, so the
/// same input gives the same bytes; at least version `minimum_version` if given.
std::string write_deterministic(QPDF& pdf, const std::string& minimum_version = "");

/// A file embedded in the PDF (the report's data), with its relation to the document.
struct Attachment {
    std::string name;         ///< file name shown by viewers, e.g. "resultatgrad.csv"
    std::string description;  ///< e.g. "Kilde: ssb.no"
    std::string bytes;
};

/// Finishes `pdf` (cairo's output for `document`, which made the structure `elements`).
/// `icc_profile` is the sRGB ICC profile. With `attachments` the files are embedded as
/// associated files (/AF, /AFRelationship /Data) and the file declares PDF/A-3a instead of
/// PDF/A-2a. Throws std::runtime_error if the PDF cannot be read or its structure is not the
/// one `elements` lists.
std::string finish_pdf(const std::string& pdf, const FrameDocument& document, const std::vector<TaggedElement>& elements,
                       const std::string& icc_profile, const std::vector<Attachment>& attachments = {});

}  // namespace sats
