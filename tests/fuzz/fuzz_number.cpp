// Fuzz target: the number reader and the Norwegian number formatter.
#include <cstdint>
#include <cstring>
#include <string>

#include "core/number_format.hpp"
#include "data/value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sats::parse_number(std::string(reinterpret_cast<const char*>(data), size));
    if (size < sizeof(double) + 1) return 0;
    double value = 0;
    std::memcpy(&value, data, sizeof value);
    sats::NumberStyle style;
    style.decimals = data[sizeof value] % 12;
    style.group = data[sizeof value] & 0x40;
    style.plus_sign = data[sizeof value] & 0x80;
    sats::format_number(value, style);
    sats::round_half_away(value, style.decimals);
    return 0;
}
