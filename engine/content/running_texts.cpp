#include "content/running_texts.hpp"

#include <algorithm>

namespace sats {

const std::vector<std::string>& running_fields() {
    static const std::vector<std::string> fields{"tittel", "undertittel", "kommune", "år",  "kapittel",
                                                 "avsnitt", "side",       "sider",   "dato"};
    return fields;
}

RunningTexts RunningTexts::over(const RunningTexts& base) const {
    return {left ? left : base.left, center ? center : base.center, right ? right : base.right};
}

std::string unknown_running_field(const std::string& text) {
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        const auto& fields = running_fields();
        if (std::find(fields.begin(), fields.end(), name) == fields.end()) return "{" + name + "}";
    }
    return "";
}

}  // namespace sats
