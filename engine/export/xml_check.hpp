#pragma once
// A small well-formedness check of XML such as an XMP packet: valid UTF-8, only characters XML
// allows, entity references that exist, and balanced tags. Not a validating parser: enough for
// `sats verify` to tell that a viewer's XML parser will read the packet.

#include <optional>
#include <string>
#include <string_view>

namespace sats {

/// Why `xml` is not well-formed (with the byte offset of the first problem), or nothing.
std::optional<std::string> xml_problem(std::string_view xml);

}  // namespace sats
