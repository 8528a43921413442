#include "export/xml_check.hpp"
#include "export/pdf_verify.hpp"

#include "export/marked_content.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace sats {

namespace {

/// Every structure element below `node`, depth first.
void walk_structure(QPDFObjectHandle node, const std::function<void(QPDFObjectHandle)>& visit, int depth = 0) {
    if (depth > 200) return;  // a malformed, cyclic tree
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) walk_structure(node.getArrayItem(i), visit, depth + 1);
        return;
    }
    if (!node.isDictionary() || !node.hasKey("/S")) return;
    visit(node);
    if (node.hasKey("/K")) walk_structure(node.getKey("/K"), visit, depth + 1);
}

std::string name_of(QPDFObjectHandle node, const char* key) {
    auto value = node.getKey(key);
    return value.isName() ? value.getName() : "";
}

std::string text_of(QPDFObjectHandle node, const char* key) {
    auto value = node.getKey(key);
    return value.isString() ? value.getUTF8Value() : "";
}

/// Whether an attribute dictionary gives a table header cell a /Scope PDF defines: /Row,
/// /Column or /Both.
bool has_scope(QPDFObjectHandle attributes) {
    if (!attributes.isDictionary()) return false;
    const std::string scope = name_of(attributes, "/Scope");
    return scope == "/Row" || scope == "/Column" || scope == "/Both";
}

/// Finds painting operators outside marked content.
class UntaggedFinder : public OperatorWalker {
public:
    void handleEOF() override {}
    int untagged() const { return untagged_; }

protected:
    void on_operator(const std::string& op, const std::string& operands) override {
        if (op == "BDC" || op == "BMC") marks_.push_back(mark_of(operands));
        else if (op == "EMC" && !marks_.empty()) marks_.pop_back();
        else if (draws(op) && !covered(marks_)) ++untagged_;
    }

private:
    std::vector<Mark> marks_;  ///< open marked-content sequences
    int untagged_ = 0;
};

/// The fonts in a resource dictionary and the XObjects it holds, recursively.
void collect_fonts(QPDFObjectHandle resources, std::map<QPDFObjGen, QPDFObjectHandle>& fonts, int depth = 0) {
    if (!resources.isDictionary() || depth > 20) return;
    auto font_dict = resources.getKey("/Font");
    if (font_dict.isDictionary())
        for (auto& key : font_dict.getKeys()) fonts.emplace(font_dict.getKey(key).getObjGen(), font_dict.getKey(key));
    auto xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary())
        for (auto& key : xobjects.getKeys()) {
            auto x = xobjects.getKey(key);
            if (x.isStream()) collect_fonts(x.getDict().getKey("/Resources"), fonts, depth + 1);
        }
}

bool embedded(QPDFObjectHandle font) {
    if (name_of(font, "/Subtype") == "/Type3") return true;
    if (name_of(font, "/Subtype") == "/Type0") {
        auto descendants = font.getKey("/DescendantFonts");
        return descendants.isArray() && descendants.getArrayNItems() > 0 && embedded(descendants.getArrayItem(0));
    }
    auto descriptor = font.getKey("/FontDescriptor");
    return descriptor.isDictionary() &&
           (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") || descriptor.hasKey("/FontFile3"));
}

/// The value of an XMP element `<tag>…</tag>`, or "" (enough for the packets sats writes and
/// for simple ones written by others).
std::string xmp_value(const std::string& xmp, const std::string& tag) {
    const auto start = xmp.find("<" + tag + ">");
    if (start == std::string::npos) return "";
    const auto from = start + tag.size() + 2, end = xmp.find("</" + tag + ">", from);
    return end == std::string::npos ? "" : xmp.substr(from, end - from);
}

std::string xmp_title(const std::string& xmp) {
    const auto title = xmp_value(xmp, "dc:title");
    const auto li = title.find("<rdf:li");
    if (li == std::string::npos) return "";
    const auto from = title.find('>', li) + 1;
    return title.substr(from, title.find("</rdf:li>", from) - from);
}

std::string xml_unescape(std::string s) {
    for (const auto& [entity, text] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
        for (auto at = s.find(entity); at != std::string::npos; at = s.find(entity, at + text.size())) s.replace(at, entity.size(), text);
    }
    return s;
}

}  // namespace

const std::vector<std::string>& verified_rules() {
    static const std::vector<std::string> rules{"readable",      "file-id",       "no-encryption", "lang",
                                                "marked",        "display-title", "struct-tree",   "figure-alt",
                                                "th-scope",      "xmp-pdfa",      "xmp-xml",       "xmp-info",      "output-intent",
                                                "fonts-embedded", "tounicode",     "untagged-content", "link-contents",
                                                "annotation-flags", "no-javascript"};
    return rules;
}

std::vector<RuleFailure> verify_pdf(const std::string& bytes) {
    std::vector<RuleFailure> failures;
    auto fail = [&](const std::string& rule, const std::string& message) { failures.push_back({rule, message}); };
    QPDF pdf;
    try {
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("verify", bytes.data(), bytes.size());
        auto root = pdf.getRoot();
        auto trailer = pdf.getTrailer();

        if (!trailer.getKey("/ID").isArray()) fail("file-id", "the trailer has no /ID");
        if (trailer.hasKey("/Encrypt")) fail("no-encryption", "the file is encrypted");
        if (text_of(root, "/Lang").empty()) fail("lang", "the catalog has no /Lang (document language)");
        auto mark = root.getKey("/MarkInfo");
        if (!mark.isDictionary() || !mark.getKey("/Marked").isBool() || !mark.getKey("/Marked").getBoolValue())
            fail("marked", "the catalog's /MarkInfo does not say /Marked true");
        auto prefs = root.getKey("/ViewerPreferences");
        if (!prefs.isDictionary() || !prefs.getKey("/DisplayDocTitle").isBool() || !prefs.getKey("/DisplayDocTitle").getBoolValue())
            fail("display-title", "/ViewerPreferences does not set /DisplayDocTitle true (the window shows the file name)");

        auto tree = root.getKey("/StructTreeRoot");
        if (!tree.isDictionary() || !tree.hasKey("/K")) {
            fail("struct-tree", "there is no structure tree (/StructTreeRoot)");
        } else {
            int figures = 0, missing_alt = 0, headers = 0, missing_scope = 0;
            walk_structure(tree.getKey("/K"), [&](QPDFObjectHandle e) {
                const auto type = name_of(e, "/S");
                if (type == "/Figure") {
                    ++figures;
                    if (text_of(e, "/Alt").empty() && text_of(e, "/ActualText").empty()) ++missing_alt;
                } else if (type == "/TH") {
                    ++headers;
                    auto a = e.getKey("/A");
                    bool scoped = has_scope(a);
                    if (a.isArray())
                        for (int i = 0; i < a.getArrayNItems(); ++i)
                            if (has_scope(a.getArrayItem(i))) scoped = true;
                    if (!scoped) ++missing_scope;
                }
            });
            if (missing_alt > 0)
                fail("figure-alt", std::to_string(missing_alt) + " of " + std::to_string(figures) + " figures have no /Alt text");
            if (missing_scope > 0)
                fail("th-scope", std::to_string(missing_scope) + " of " + std::to_string(headers) +
                                     " table header cells (TH) have no /Scope of /Row, /Column or /Both");
        }

        auto metadata = root.getKey("/Metadata");
        std::string xmp;
        if (metadata.isStream()) {
            const auto data = metadata.getStreamData(qpdf_dl_generalized);
            xmp.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
        const auto part = xmp_value(xmp, "pdfaid:part"), conformance = xmp_value(xmp, "pdfaid:conformance");
        if (xmp.empty()) fail("xmp-pdfa", "there is no XMP metadata stream");
        else if (metadata.getDict().hasKey("/Filter")) fail("xmp-pdfa", "the XMP metadata stream is compressed (PDF/A wants it readable)");
        else if ((part != "2" && part != "3") || conformance != "A")
            fail("xmp-pdfa", "the XMP metadata does not declare PDF/A-2a or PDF/A-3a (part '" + part + "', conformance '" + conformance + "')");
        if (!xmp.empty())
            if (const auto problem = xml_problem(xmp)) fail("xmp-xml", "the XMP metadata is not well-formed XML: " + *problem);
        auto info = trailer.getKey("/Info");
        if (!xmp.empty() && info.isDictionary()) {
            const auto info_title = text_of(info, "/Title"), xmp_dc_title = xml_unescape(xmp_title(xmp));
            if (info_title != xmp_dc_title)
                fail("xmp-info", "the title in /Info («" + info_title + "») and in the XMP («" + xmp_dc_title + "») differ");
        }

        auto intents = root.getKey("/OutputIntents");
        bool intent = false;
        if (intents.isArray())
            for (int i = 0; i < intents.getArrayNItems(); ++i) {
                auto oi = intents.getArrayItem(i);
                if (name_of(oi, "/S") == "/GTS_PDFA1" && oi.getKey("/DestOutputProfile").isStream()) intent = true;
            }
        if (!intent) fail("output-intent", "there is no PDF/A output intent with an ICC profile");

        std::map<QPDFObjGen, QPDFObjectHandle> fonts;
        int untagged = 0, links = 0, undescribed = 0, unprintable = 0;
        std::vector<int> untagged_pages;
        int page_number = 0;
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ++page_number;
            collect_fonts(page.getAttribute("/Resources", false), fonts);
            auto annotations = page.getObjectHandle().getKey("/Annots");
            for (int i = 0; annotations.isArray() && i < annotations.getArrayNItems(); ++i) {
                auto a = annotations.getArrayItem(i);
                const int flags = a.getKey("/F").isInteger() ? static_cast<int>(a.getKey("/F").getIntValue()) : 0;
                if ((flags & 4) == 0 || (flags & (1 | 2 | 32)) != 0) ++unprintable;  // Print set; Invisible, Hidden, NoView not
                if (name_of(a, "/Subtype") != "/Link") continue;
                ++links;
                if (text_of(a, "/Contents").empty()) ++undescribed;
            }
            UntaggedFinder finder;
            page.parseContents(&finder);
            if (finder.untagged() > 0) {
                untagged += finder.untagged();
                untagged_pages.push_back(page_number);
            }
        }
        std::vector<std::string> not_embedded, no_unicode;
        for (auto& [id, font] : fonts) {
            const std::string name = name_of(font, "/BaseFont");
            if (!embedded(font)) not_embedded.push_back(name);
            if (name_of(font, "/Subtype") != "/Type3" && !font.hasKey("/ToUnicode")) no_unicode.push_back(name);
        }
        auto list = [](const std::vector<std::string>& names) {
            std::string s;
            for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
            return s;
        };
        if (!not_embedded.empty()) fail("fonts-embedded", "fonts not embedded: " + list(not_embedded));
        if (!no_unicode.empty()) fail("tounicode", "fonts without a ToUnicode map: " + list(no_unicode));
        if (untagged > 0)
            fail("untagged-content", std::to_string(untagged) + " drawing operations outside tagged content or artifacts, first on page " +
                                         std::to_string(untagged_pages.front()));

        if (unprintable > 0)
            fail("annotation-flags", std::to_string(unprintable) + " annotations are not flagged Print, or are hidden");
        if (undescribed > 0)
            fail("link-contents", std::to_string(undescribed) + " of " + std::to_string(links) + " links have no description (/Contents)");

        auto names = root.getKey("/Names");
        if ((names.isDictionary() && names.hasKey("/JavaScript")) || root.hasKey("/OpenAction") || root.hasKey("/AA"))
            fail("no-javascript", "the document has JavaScript or actions that run when it opens");
    } catch (const std::exception& e) {
        fail("readable", std::string("not a readable PDF: ") + e.what());
    }
    return failures;
}

}  // namespace sats
