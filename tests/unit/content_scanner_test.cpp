// The content-stream scanner of the finishing pass: operators found with their exact text,
// whatever their operands hold.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export/content_scanner.hpp"

namespace sats {
namespace {

std::vector<std::string> scan(std::string_view content, std::vector<std::string>* operands = nullptr) {
    std::vector<std::string> texts;
    scan_operators(content, [&](const ContentOperator& o) {
        texts.push_back(std::string(o.op) + "|" + std::string(o.text));
        if (operands) operands->push_back(std::string(o.operands));
    });
    return texts;
}

TEST(ContentScanner, FindsOperatorsWithTheirOperands) {
    std::vector<std::string> operands;
    const auto ops = scan("q 1 0 0 -1 0 841.89 cm\n/P << /MCID 3 >> BDC\nBT /f-0-0 10 Tf [(A)-20(b)] TJ ET EMC Q", &operands);
    const std::vector<std::string> expected{"q|q", "cm|1 0 0 -1 0 841.89 cm", "BDC|/P << /MCID 3 >> BDC", "BT|BT",
                                            "Tf|/f-0-0 10 Tf", "TJ|[(A)-20(b)] TJ", "ET|ET", "EMC|EMC", "Q|Q"};
    EXPECT_EQ(expected, ops);
    EXPECT_EQ("/P << /MCID 3 >>", operands[2]);
}

TEST(ContentScanner, OperatorWordsInsideStringsAndNamesAreOperands) {
    const auto ops = scan("(BT \\) ET (nested) f) Tj <4554> Tj /Span<</ActualText (EMC)>> BDC");
    const std::vector<std::string> expected{"Tj|(BT \\) ET (nested) f) Tj", "Tj|<4554> Tj",
                                            "BDC|/Span<</ActualText (EMC)>> BDC"};
    EXPECT_EQ(expected, ops);
}

TEST(ContentScanner, AnInlineImageIsOneOperatorWithItsData) {
    const auto ops = scan("q BI /W 2 /H 1 /BPC 8 /CS /G ID \x01\x45I\x02 EI Q % comment BT\nf");
    ASSERT_EQ(4u, ops.size());
    EXPECT_EQ("q|q", ops[0]);
    EXPECT_EQ(std::string("BI|BI /W 2 /H 1 /BPC 8 /CS /G ID \x01\x45I\x02 EI"), ops[1]);
    EXPECT_EQ("Q|Q", ops[2]);
    EXPECT_EQ("f|% comment BT\nf", ops[3]) << "a comment travels with the next operator";
}

}  // namespace
}  // namespace sats
