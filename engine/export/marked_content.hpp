#pragma once
// Marked content in PDF content streams, as the finishing pass and the checker both read it:
// structure content (BDC with an MCID), artifacts, and other marks (cairo's /Span with
// /ActualText) that tag nothing.

#include <algorithm>
#include <string>
#include <vector>

#include <qpdf/QPDFObjectHandle.hh>

namespace sats {

/// What a BDC/BMC sequence counts as.
enum class Mark { tagged, artifact, plain };

/// The kind of marked content opened by a BDC/BMC with these operands ("/P << /MCID 3 >> ").
inline Mark mark_of(const std::string& operands) {
    if (operands.find("/MCID") != std::string::npos) return Mark::tagged;
    if (operands.rfind("/Artifact", 0) == 0) return Mark::artifact;
    return Mark::plain;
}

/// Whether drawing inside these open sequences is accounted for (tagged or an artifact).
inline bool covered(const std::vector<Mark>& open) {
    return std::any_of(open.begin(), open.end(), [](Mark m) { return m != Mark::plain; });
}

/// Whether `op` shows text or paints (a path, an image, a shading).
inline bool draws(const std::string& op) {
    static const std::vector<std::string> ops{"Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s",
                                              "B", "B*", "b", "b*", "Do", "sh", "BI"};
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

/// Parses a content stream operator by operator: each operator is handed over with its
/// operands written out ("/P << /MCID 3 >> ").
class OperatorWalker : public QPDFObjectHandle::ParserCallbacks {
public:
    void handleObject(QPDFObjectHandle object) final {
        if (!object.isOperator()) {
            operands_ += object.unparse() + " ";
            return;
        }
        on_operator(object.getOperatorValue(), operands_);
        operands_.clear();
    }

protected:
    virtual void on_operator(const std::string& op, const std::string& operands) = 0;

private:
    std::string operands_;
};

}  // namespace sats
