#include "export/pdf_finish.hpp"

#include "core/text_position.hpp"
#include "export/content_scanner.hpp"
#include "export/marked_content.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace sats {

namespace {

/// "2025-11-24T00:00:00Z" as a PDF date, "D:20251124000000Z".
std::string pdf_date(const std::string& iso) {
    std::string digits;
    for (const char c : iso.substr(0, 19))
        if (c >= '0' && c <= '9') digits += c;
    return "D:" + digits + "Z";
}


/// XMP metadata declaring PDF/A-2a, with the same title, author, subject and dates as /Info.
std::string xmp(const DocumentInfo& info, int part) {
    const std::string date = info.date.substr(0, 19) + "Z";
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "  <rdf:Description rdf:about=\"\"\n"
           "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
           "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
           "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
           "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
           "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
           "   <pdfaid:part>" + std::to_string(part) + "</pdfaid:part>\n"
           "   <pdfaid:conformance>A</pdfaid:conformance>\n"
           "   <pdfuaid:part>1</pdfuaid:part>\n"
           "   <dc:format>application/pdf</dc:format>\n"
           "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) + "</rdf:li></rdf:Alt></dc:title>\n"
           "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
           "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n"
           "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(info.language) + "</rdf:li></rdf:Bag></dc:language>\n"
           "   <pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n"
           "   <pdf:Producer>sats</pdf:Producer>\n"
           "   <xmp:CreatorTool>sats</xmp:CreatorTool>\n"
           "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
           "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
           "  </rdf:Description>\n"
           " </rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end=\"w\"?>";
}

/// Embeds files as PDF/A-3 associated files: in the EmbeddedFiles name tree (sorted by name)
/// and in the catalog's /AF, each with /AFRelationship /Data.
void attach(QPDF& pdf, std::vector<Attachment> files, const std::string& date) {
    std::sort(files.begin(), files.end(), [](const Attachment& a, const Attachment& b) { return a.name < b.name; });
    auto names = QPDFObjectHandle::newArray();
    auto associated = QPDFObjectHandle::newArray();
    for (const auto& file : files) {
        auto stream = QPDFObjectHandle::newStream(&pdf, file.bytes);
        stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/EmbeddedFile"));
        stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/text#2Fcsv"));
        auto params = QPDFObjectHandle::newDictionary();
        params.replaceKey("/Size", QPDFObjectHandle::newInteger(static_cast<long long>(file.bytes.size())));
        params.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
        stream.getDict().replaceKey("/Params", params);
        auto spec = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Filespec /AFRelationship /Data >>"));
        spec.replaceKey("/F", QPDFObjectHandle::newString(file.name));
        spec.replaceKey("/UF", QPDFObjectHandle::newUnicodeString(file.name));
        spec.replaceKey("/Desc", QPDFObjectHandle::newUnicodeString(file.description));
        auto ef = QPDFObjectHandle::newDictionary();
        ef.replaceKey("/F", stream);
        ef.replaceKey("/UF", stream);
        spec.replaceKey("/EF", ef);
        names.appendItem(QPDFObjectHandle::newUnicodeString(file.name));
        names.appendItem(spec);
        associated.appendItem(spec);
    }
    auto root = pdf.getRoot();
    auto name_dict = root.getKey("/Names");
    if (!name_dict.isDictionary()) {
        name_dict = QPDFObjectHandle::newDictionary();
        root.replaceKey("/Names", name_dict);
    }
    auto tree = QPDFObjectHandle::newDictionary();
    tree.replaceKey("/Names", names);
    name_dict.replaceKey("/EmbeddedFiles", tree);
    root.replaceKey("/AF", associated);
}

/// Puts the top-level structure elements under one Document element (cairo 1.16 leaves them
/// directly under the root even when a Document tag is open).
void wrap_in_document(QPDF& pdf, QPDFObjectHandle tree) {
    auto kids = tree.getKey("/K");
    if (kids.isDictionary() && kids.getKey("/S").isName() && kids.getKey("/S").getName() == "/Document") return;
    if (!kids.isArray()) kids = QPDFObjectHandle::newArray({kids});
    auto document = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /StructElem /S /Document >>"));
    document.replaceKey("/P", tree);
    document.replaceKey("/K", kids);
    for (int i = 0; i < kids.getArrayNItems(); ++i)
        if (kids.getArrayItem(i).isDictionary()) kids.getArrayItem(i).replaceKey("/P", document);
    tree.replaceKey("/K", document);
}

/// The annotation flag Print (PDF 12.5.3), the only flag PDF/A wants set.
constexpr int kAnnotationPrint = 4;

/// Gives every link annotation on a page the description (/Contents) of the link area it was
/// made from, found by position.
void describe_links(QPDFPageObjectHelper page, const Page& frames) {
    auto annotations = page.getObjectHandle().getKey("/Annots");
    if (!annotations.isArray()) return;
    for (int i = 0; i < annotations.getArrayNItems(); ++i) {
        auto annotation = annotations.getArrayItem(i);
        annotation.replaceKey("/F", QPDFObjectHandle::newInteger(kAnnotationPrint));  // PDF/A: printable, visible
        auto rect = annotation.getKey("/Rect");
        if (!rect.isArray() || rect.getArrayNItems() != 4) continue;
        const double left = rect.getArrayItem(0).getNumericValue();
        const double top = frames.height - std::max(rect.getArrayItem(1).getNumericValue(), rect.getArrayItem(3).getNumericValue());
        bool described = false;
        for_each<LinkArea>(frames.items, [&](const LinkArea& link) {
            if (described || std::abs(link.x - left) >= 1 || std::abs(link.y - top) >= 1) return;
            annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(link.description));
            described = true;
        });
    }
}

/// Walks cairo's structure tree in the order its elements were made (depth first) beside the
/// list of elements the exporter had it make, checking that each is the one expected, and
/// gives each Figure its /Alt, each Span its /Lang and each TH its /Scope (Column, or Row for a
/// field's label).
class StructureCompleter {
public:
    explicit StructureCompleter(const std::vector<TaggedElement>& elements) : elements_(elements) {}

    void complete(QPDFObjectHandle element) {
        if (element.isArray()) {
            for (int i = 0; i < element.getArrayNItems(); ++i) complete(element.getArrayItem(i));
            return;
        }
        if (!element.isDictionary()) return;
        auto type = element.getKey("/S");
        if (type.isName() && type.getName() != "/Document") add_to(element, type.getName());
        if (element.hasKey("/K")) complete(element.getKey("/K"));
    }

    /// Throws if the tree had fewer elements than the exporter made.
    void check_all_seen() const {
        if (next_ != elements_.size())
            throw std::runtime_error("the PDF's structure tree has " + std::to_string(next_) + " elements, the frames " +
                                     std::to_string(elements_.size()));
    }

private:
    void add_to(QPDFObjectHandle element, const std::string& type) {
        if (next_ >= elements_.size() || "/" + elements_[next_].type != type)
            throw std::runtime_error("the PDF's structure element " + std::to_string(next_ + 1) + " is " + type +
                                     ", the frames have " +
                                     (next_ < elements_.size() ? elements_[next_].type : std::string("no more")));
        const TaggedElement& made = elements_[next_++];
        if (!made.alt.empty()) element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(made.alt));
        if (!made.lang.empty()) element.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(made.lang));
        if (made.type == "TH") element.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /" + made.scope + " >>"));
    }

    const std::vector<TaggedElement>& elements_;
    std::size_t next_ = 0;
};

/// Rewrites a page's content so that everything drawn outside structure content is an
/// artifact. Each artifact wraps one drawing unit (a path from construction to painting, a
/// text object, an image), so marked content never crosses a path or text object boundary.
class ArtifactMarker {
public:
    /// Copies `content` with the artifact marks added.
    explicit ArtifactMarker(std::string_view content) {
        out_.reserve(content.size() + content.size() / 8);
        scan_operators(content, [this](const ContentOperator& o) { on_operator(std::string(o.op), o.operands, o.text); });
        close_artifact();
    }
    const std::string& content() const { return out_; }

private:
    void on_operator(const std::string& op, std::string_view operands, std::string_view text) {
        if (op == "BDC" || op == "BMC") {
            const Mark mark = mark_of(std::string(operands));
            if (mark == Mark::tagged) close_artifact();
            marks_.push_back(mark);
        } else if (op == "EMC") {
            if (!marks_.empty()) marks_.pop_back();
        } else if (!covered(marks_) && starts_drawing(op)) {
            out_ += "/Artifact BMC\n";
            marks_.push_back(Mark::artifact);
            open_at_ = marks_.size();
        }
        out_ += text;
        out_ += '\n';
        if (op == "ET" || (op != "BT" && ends_drawing(op) && !in_text_)) close_artifact();
        if (op == "BT") in_text_ = true;
        if (op == "ET") in_text_ = false;
    }
    /// A text object, a path (marked content may not begin inside one, so its construction
    /// counts) or anything else that draws.
    static bool starts_drawing(const std::string& op) { return op == "BT" || op == "m" || op == "re" || draws(op); }
    /// The end of a drawing unit outside text: painting, a path ended without painting, an image.
    static bool ends_drawing(const std::string& op) { return op == "n" || op == "EI" || draws(op); }
    /// Closes our artifact if it is the innermost open sequence.
    void close_artifact() {
        if (open_at_ == 0 || marks_.size() != open_at_) return;
        out_ += "EMC\n";
        marks_.pop_back();
        open_at_ = 0;
    }

    std::string out_;
    std::vector<Mark> marks_;
    std::size_t open_at_ = 0;  ///< depth of our open artifact, 0 = none
    bool in_text_ = false;
};

}  // namespace

std::string finish_pdf(const std::string& bytes, const FrameDocument& document, const std::vector<TaggedElement>& elements,
                       const std::string& icc_profile, const std::vector<Attachment>& attachments) {
    QPDF pdf;
    pdf.processMemoryFile("cairo output", bytes.data(), bytes.size());
    auto root = pdf.getRoot();
    const auto& info = document.info;

    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(info.language));
    root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
    auto metadata = QPDFObjectHandle::newStream(&pdf, xmp(info, attachments.empty() ? 2 : 3));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);

    auto profile = QPDFObjectHandle::newStream(&pdf, icc_profile);
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    auto intent = QPDFObjectHandle::parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
                                          "/Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >>");
    intent.replaceKey("/DestOutputProfile", profile);
    root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));

    // /Info agrees with the XMP: the same dates, written the PDF way.
    auto trailer = pdf.getTrailer();
    auto info_dict = trailer.getKey("/Info");
    if (info_dict.isDictionary()) {
        info_dict.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(info.date)));
        info_dict.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(info.date)));
        info_dict.replaceKey("/Producer", QPDFObjectHandle::newString("sats"));
        // The same texts as the XMP, which cannot hold control characters.
        for (const auto& [key, text] : {std::pair{"/Title", &info.title}, {"/Subject", &info.subject},
                                        {"/Author", &info.author}, {"/Keywords", &info.keywords}})
            if (const auto clean = without_control_characters(*text); clean != *text)
                info_dict.replaceKey(key, QPDFObjectHandle::newUnicodeString(clean));
        info_dict.replaceKey("/Creator", QPDFObjectHandle::newString("sats"));
    }

    if (!attachments.empty()) attach(pdf, attachments, pdf_date(info.date));

    if (root.hasKey("/StructTreeRoot")) {
        auto tree = root.getKey("/StructTreeRoot");
        wrap_in_document(pdf, tree);
        StructureCompleter completer(elements);
        completer.complete(tree.getKey("/K"));
        completer.check_all_seen();
    }

    const auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (std::size_t p = 0; p < pages.size() && p < document.pages.size(); ++p) describe_links(pages[p], document.pages[p]);
    for (auto page : pages) {
        Pl_Buffer buffer("page content");
        page.pipeContents(&buffer);
        const auto bytes = buffer.getBufferSharedPointer();
        const ArtifactMarker marker(std::string_view(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize()));
        page.getObjectHandle().replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, marker.content()));
        page.getObjectHandle().replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));  // tab order follows the structure
    }

    return write_deterministic(pdf, "1.7");
}

std::string write_deterministic(QPDF& pdf, const std::string& minimum_version) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    if (!minimum_version.empty()) writer.setMinimumPDFVersion(minimum_version);
    writer.setCompressStreams(true);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace sats
