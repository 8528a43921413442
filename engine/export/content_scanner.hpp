#pragma once
// A fast reader of PDF content streams for the finishing pass: it splits a stream into
// operators and hands over the exact text of each (its operands and itself), so the pass can
// copy the stream with marks added without parsing and writing every operand again. qpdf's
// full parser (used by `sats verify`, which reads any PDF) took two thirds of the finishing
// time on a 50-page report.

#include <functional>
#include <string_view>

namespace sats {

/// One operator of a content stream.
struct ContentOperator {
    std::string_view op;        ///< "BDC", "Tj", ...; "BI" for a whole inline image
    std::string_view operands;  ///< the operands' text, trimmed ("/P << /MCID 3 >>")
    std::string_view text;      ///< operands and operator as written (through "EI" for an image)
};

/// Calls `on_operator` for each operator of `content` in order. Knows literal strings (with
/// escapes and nesting), hex strings, dictionaries, arrays, names, comments and inline images.
void scan_operators(std::string_view content, const std::function<void(const ContentOperator&)>& on_operator);

}  // namespace sats
