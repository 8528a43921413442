#include "export/pdf_export.hpp"

#include <map>
#include <stdexcept>

#include <cairo-pdf.h>

#include "export/cairo_drawer.hpp"

namespace sats {


std::string export_pdf(const FrameDocument& document, std::vector<TaggedElement>& elements) {
    std::string bytes;
    const double width = document.pages.empty() ? 595.2756 : document.pages[0].width;
    const double height = document.pages.empty() ? 841.8898 : document.pages[0].height;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &bytes, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.info.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, document.info.subject.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, document.info.author.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, document.info.keywords.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "sats");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, document.info.date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, document.info.date.c_str());

    std::map<int, int> parents{{0, CAIRO_PDF_OUTLINE_ROOT}};
    for (const auto& entry : document.outline) {
        const int parent = parents.count(entry.level - 1) ? parents[entry.level - 1] : CAIRO_PDF_OUTLINE_ROOT;
        const std::string link = "dest=" + quoted(entry.anchor);
        parents[entry.level] = cairo_pdf_surface_add_outline(surface, parent, entry.title.c_str(), link.c_str(),
                                                             entry.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                              : cairo_pdf_outline_flags_t(0));
        for (auto it = parents.upper_bound(entry.level); it != parents.end();) it = parents.erase(it);
    }

    {
        FontFaces fonts;
        cairo_t* cr = cairo_create(surface);
        cairo_tag_begin(cr, "Document", "");
        PageDrawer drawer(cr, fonts, &elements);
        for (const auto& page : document.pages) {
            cairo_pdf_surface_set_size(surface, page.width, page.height);
            walk(page.items, drawer);
            cairo_show_page(cr);
        }
        cairo_tag_end(cr, "Document");
        const cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        const cairo_status_t surface_status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS || surface_status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("PDF output failed: ") +
                                     cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : surface_status));
    }
    return bytes;
}

}  // namespace sats
