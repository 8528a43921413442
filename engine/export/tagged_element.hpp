#pragma once
// What the screen PDF's exporter tells the finishing pass about the structure it had cairo
// write (cairo 1.16 takes no attributes for structure elements).

#include <string>

namespace sats {

/// A structure element the PDF exporter had cairo make, in the order cairo made them: its
/// type ("P", "Figure", "Link") and what the finishing pass adds to it.
struct TaggedElement {
    std::string type;
    std::string alt;   ///< text alternative (figures)
    std::string lang;  ///< language (spans)
    std::string scope = "Column";  ///< what a TH heads: "Column" (tables) or "Row" (the labels of field blocks)
};

}  // namespace sats
