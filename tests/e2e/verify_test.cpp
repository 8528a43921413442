// `sats verify` passes the bundled report and fails, naming the rule, on PDFs that break each
// rule it checks — made here by changing one thing in a good PDF with libqpdf.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "export/pdf_verify.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

const std::string& good_pdf() {
    static const std::string bytes = [] {
        const auto pdf = test::temp_dir() / "good.pdf";
        std::string out;
        EXPECT_EQ(0, test::run_sats("build '" + (test::source_dir() / "tests" / "golden" / "navigation").string() + "' -o '" +
                                        pdf.string() + "'",
                                    &out))
            << out;
        return test::read(pdf);
    }();
    return bytes;
}

/// The good PDF with one change made by `change`.
std::string broken(const std::function<void(QPDF&)>& change) {
    QPDF pdf;
    pdf.processMemoryFile("good", good_pdf().data(), good_pdf().size());
    change(pdf);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::vector<std::string> rules_broken(const std::string& bytes) {
    std::vector<std::string> rules;
    for (const auto& f : verify_pdf(bytes)) rules.push_back(f.rule);
    return rules;
}

/// Applies `visit` to every structure element of type `type`.
void each_element(QPDF& pdf, const std::string& type, const std::function<void(QPDFObjectHandle)>& visit) {
    std::function<void(QPDFObjectHandle)> walk = [&](QPDFObjectHandle node) {
        if (node.isArray()) {
            for (int i = 0; i < node.getArrayNItems(); ++i) walk(node.getArrayItem(i));
        } else if (node.isDictionary() && node.hasKey("/S")) {
            if (node.getKey("/S").getName() == type) visit(node);
            if (node.hasKey("/K")) walk(node.getKey("/K"));
        }
    };
    walk(pdf.getRoot().getKey("/StructTreeRoot").getKey("/K"));
}

TEST(Verify, TheBuiltReportPassesEveryRule) {
    EXPECT_TRUE(verify_pdf(good_pdf()).empty());
    std::string out;
    const auto pdf = test::temp_dir() / "kostra.pdf";
    ASSERT_EQ(0, test::run_sats("build '" + (test::source_dir() / "content" / "kostra-2025").string() + "' -o '" + pdf.string() + "'"));
    EXPECT_EQ(0, test::run_sats("verify '" + pdf.string() + "'", &out)) << out;
    EXPECT_NE(std::string::npos, out.find("passes all " + std::to_string(verified_rules().size()) + " rules"));
}

TEST(Verify, TextInAnotherLanguageIsASpanWithItsLanguage) {
    QPDF pdf;
    pdf.processMemoryFile("good", good_pdf().data(), good_pdf().size());
    std::vector<std::string> langs;
    each_element(pdf, "/Span", [&](QPDFObjectHandle e) {
        if (e.getKey("/Lang").isString()) langs.push_back(e.getKey("/Lang").getUTF8Value());
    });
    ASSERT_FALSE(langs.empty());
    for (const auto& l : langs) EXPECT_EQ("en", l);
    EXPECT_EQ("nb-NO", pdf.getRoot().getKey("/Lang").getUTF8Value());
}

TEST(Verify, FigureWithoutAlt) {
    const auto bytes = broken([](QPDF& pdf) { each_element(pdf, "/Figure", [](QPDFObjectHandle e) { e.removeKey("/Alt"); }); });
    EXPECT_EQ(std::vector<std::string>{"figure-alt"}, rules_broken(bytes));
}

TEST(Verify, TableHeaderWithoutScope) {
    const auto bytes = broken([](QPDF& pdf) { each_element(pdf, "/TH", [](QPDFObjectHandle e) { e.removeKey("/A"); }); });
    EXPECT_EQ(std::vector<std::string>{"th-scope"}, rules_broken(bytes));
}

TEST(Verify, TableHeaderWithAScopeThatIsNotOne) {
    const auto bytes = broken([](QPDF& pdf) {
        each_element(pdf, "/TH", [](QPDFObjectHandle e) { e.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /Sideways >>")); });
    });
    EXPECT_EQ(std::vector<std::string>{"th-scope"}, rules_broken(bytes));
    // Every scope PDF defines passes, also in an array of attribute dictionaries.
    for (const std::string scope : {"/Row", "/Column", "/Both"}) {
        const auto good = broken([&](QPDF& pdf) {
            each_element(pdf, "/TH", [&](QPDFObjectHandle e) {
                e.replaceKey("/A", QPDFObjectHandle::parse("[<< /O /Layout >> << /O /Table /Scope " + scope + " >>]"));
            });
        });
        EXPECT_TRUE(rules_broken(good).empty()) << scope;
    }
}

TEST(Verify, MissingLanguage) {
    const auto bytes = broken([](QPDF& pdf) { pdf.getRoot().removeKey("/Lang"); });
    EXPECT_EQ(std::vector<std::string>{"lang"}, rules_broken(bytes));
}

TEST(Verify, UntaggedContent) {
    const auto bytes = broken([](QPDF& pdf) {
        auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(2);
        page.addPageContents(QPDFObjectHandle::newStream(&pdf, "BT /f-0-0 12 Tf 100 100 Td (x) Tj ET\n"), false);
    });
    EXPECT_EQ(std::vector<std::string>{"untagged-content"}, rules_broken(bytes));
}

TEST(Verify, XmpThatDisagreesWithInfo) {
    const auto bytes = broken([](QPDF& pdf) {
        pdf.getTrailer().getKey("/Info").replaceKey("/Title", QPDFObjectHandle::newUnicodeString("En annen tittel"));
    });
    EXPECT_EQ(std::vector<std::string>{"xmp-info"}, rules_broken(bytes));
}

TEST(Verify, XmpThatIsNotWellFormedXml) {
    // A bare '&' and a control character in a value the title check does not read.
    for (const std::string keywords : {"KOSTRA & ASSS", "KOSTRA\x01"}) {
        const auto bytes = broken([&](QPDF& pdf) {
            auto metadata = pdf.getRoot().getKey("/Metadata");
            const auto data = metadata.getStreamData(qpdf_dl_generalized);
            std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
            const auto from = xmp.find("<pdf:Keywords>") + 14;
            xmp.replace(from, xmp.find("</pdf:Keywords>") - from, keywords);
            metadata.replaceStreamData(xmp, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        });
        EXPECT_EQ(std::vector<std::string>{"xmp-xml"}, rules_broken(bytes)) << keywords;
    }
}

TEST(Verify, XmpWithoutPdfaIdentification) {
    const auto bytes = broken([](QPDF& pdf) { pdf.getRoot().removeKey("/Metadata"); });
    EXPECT_EQ(std::vector<std::string>{"xmp-pdfa"}, rules_broken(bytes));
}

TEST(Verify, FontWithoutToUnicode) {
    const auto bytes = broken([](QPDF& pdf) {
        auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0);
        auto fonts = page.getAttribute("/Resources", false).getKey("/Font");
        fonts.getKey(fonts.getKeys().begin()->c_str()).removeKey("/ToUnicode");
    });
    EXPECT_EQ(std::vector<std::string>{"tounicode"}, rules_broken(bytes));
}

/// Applies `visit` to every annotation of every page.
void each_annotation(QPDF& pdf, const std::function<void(QPDFObjectHandle)>& visit) {
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        auto annotations = page.getObjectHandle().getKey("/Annots");
        for (int i = 0; annotations.isArray() && i < annotations.getArrayNItems(); ++i) visit(annotations.getArrayItem(i));
    }
}

TEST(Verify, LinkWithoutDescription) {
    const auto bytes = broken([](QPDF& pdf) { each_annotation(pdf, [](QPDFObjectHandle a) { a.removeKey("/Contents"); }); });
    EXPECT_EQ(std::vector<std::string>{"link-contents"}, rules_broken(bytes));
}

TEST(Verify, AnnotationNotPrintable) {
    const auto bytes = broken([](QPDF& pdf) { each_annotation(pdf, [](QPDFObjectHandle a) { a.removeKey("/F"); }); });
    EXPECT_EQ(std::vector<std::string>{"annotation-flags"}, rules_broken(bytes));
}

TEST(Verify, AnnotationThatIsPrintableButHidden) {
    // /F 6 = Print + Hidden: printable, yet not shown, which PDF/A forbids as much as no Print.
    for (const int flags : {6, 5, 36}) {
        const auto bytes = broken([&](QPDF& pdf) {
            each_annotation(pdf, [&](QPDFObjectHandle a) { a.replaceKey("/F", QPDFObjectHandle::newInteger(flags)); });
        });
        EXPECT_EQ(std::vector<std::string>{"annotation-flags"}, rules_broken(bytes)) << "/F " << flags;
    }
}

TEST(Verify, OtherRules) {
    EXPECT_EQ(std::vector<std::string>{"marked"}, rules_broken(broken([](QPDF& pdf) { pdf.getRoot().removeKey("/MarkInfo"); })));
    EXPECT_EQ(std::vector<std::string>{"display-title"},
              rules_broken(broken([](QPDF& pdf) { pdf.getRoot().removeKey("/ViewerPreferences"); })));
    EXPECT_EQ(std::vector<std::string>{"output-intent"},
              rules_broken(broken([](QPDF& pdf) { pdf.getRoot().removeKey("/OutputIntents"); })));
    EXPECT_EQ(std::vector<std::string>{"struct-tree"},
              rules_broken(broken([](QPDF& pdf) { pdf.getRoot().removeKey("/StructTreeRoot"); })));
    EXPECT_EQ(std::vector<std::string>{"no-javascript"}, rules_broken(broken([](QPDF& pdf) {
                  pdf.getRoot().replaceKey("/OpenAction", QPDFObjectHandle::parse("<< /S /JavaScript /JS (app.alert(1)) >>"));
              })));
    EXPECT_EQ(std::vector<std::string>{"readable"}, rules_broken("not a pdf"));
}

TEST(Verify, AttachedDataMakesItPdfA3a) {
    const auto dir = test::temp_dir();
    const auto pdf = dir / "med-data.pdf";
    const auto project = test::source_dir() / "content" / "kostra-2025";
    std::string out;
    ASSERT_EQ(0, test::run_sats("build '" + project.string() + "' --attach-data -o '" + pdf.string() + "'", &out)) << out;
    const auto bytes = test::read(pdf);
    EXPECT_TRUE(verify_pdf(bytes).empty());
    QPDF parsed;
    parsed.processMemoryFile("attached", bytes.data(), bytes.size());
    auto xmp = parsed.getRoot().getKey("/Metadata").getStreamData(qpdf_dl_generalized);
    const std::string metadata(reinterpret_cast<const char*>(xmp->getBuffer()), xmp->getSize());
    EXPECT_NE(std::string::npos, metadata.find("<pdfaid:part>3</pdfaid:part>"));
    ASSERT_TRUE(parsed.getRoot().getKey("/AF").isArray());
    EXPECT_EQ(17, parsed.getRoot().getKey("/AF").getArrayNItems());  // the 17 data files of the manifest
    // The embedded file is the data file, byte for byte.
    std::string listed;
    ASSERT_EQ(0, test::run("qpdf --show-attachment=resultatgrad.csv '" + pdf.string() + "'", &listed));
    EXPECT_EQ(test::read(project / "data" / "resultatgrad.csv"), listed);
}

TEST(Verify, CommandLineNamesTheRuleAndFails) {
    const auto pdf = test::temp_dir() / "broken.pdf";
    std::ofstream(pdf, std::ios::binary) << broken([](QPDF& pdf) { pdf.getRoot().removeKey("/Lang"); });
    std::string out;
    EXPECT_EQ(1, test::run_sats("verify '" + pdf.string() + "'", &out));
    EXPECT_NE(std::string::npos, out.find(": lang: the catalog has no /Lang"));
}

}  // namespace
}  // namespace sats
