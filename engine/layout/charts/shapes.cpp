#include "layout/charts/shapes.hpp"

#include <numbers>

namespace sats {

Path rect_path(double x, double y, double w, double h, Color fill) {
    Path p;
    p.steps = {{PathStep::move, x, y}, {PathStep::line, x + w, y}, {PathStep::line, x + w, y + h},
               {PathStep::line, x, y + h}, {PathStep::close}};
    p.fill = fill;
    return p;
}

Path line_path(double x1, double y1, double x2, double y2, Color stroke, double width, std::vector<double> dash) {
    Path p;
    p.steps = {{PathStep::move, x1, y1}, {PathStep::line, x2, y2}};
    p.stroke = stroke;
    p.width = width;
    p.dash = std::move(dash);
    return p;
}

Path marker(int shape, double x, double y, double r, Color color) {
    Path p;
    switch (shape % 4) {
        case 0: p.steps = {{PathStep::move, x + r, y}, {PathStep::arc, x, y, r, 0, 2 * std::numbers::pi}, {PathStep::close}}; break;
        case 1: p = rect_path(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, color); break;
        case 2:
            p.steps = {{PathStep::move, x, y - r * 1.2}, {PathStep::line, x + r * 1.1, y + r * 0.8},
                       {PathStep::line, x - r * 1.1, y + r * 0.8}, {PathStep::close}};
            break;
        default:
            p.steps = {{PathStep::move, x, y - r * 1.3}, {PathStep::line, x + r * 1.1, y}, {PathStep::line, x, y + r * 1.3},
                       {PathStep::line, x - r * 1.1, y}, {PathStep::close}};
    }
    p.fill = color;
    return p;
}

std::vector<double> dash_of(std::size_t series) {
    switch (series % 4) {
        case 0: return {};
        case 1: return {5, 2.5};
        case 2: return {1.5, 2};
        default: return {7, 2, 1.5, 2};
    }
}

}  // namespace sats
