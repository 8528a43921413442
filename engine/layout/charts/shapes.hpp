#pragma once
// The vector shapes charts are drawn with: rectangles, straight lines, series markers and
// dash patterns, in page points.

#include <cstddef>
#include <vector>

#include "frames/frames.hpp"

namespace sats {

/// A filled rectangle as a path.
Path rect_path(double x, double y, double w, double h, Color fill);

/// A stroked straight line, dashed when `dash` is not empty.
Path line_path(double x1, double y1, double x2, double y2, Color stroke, double width, std::vector<double> dash = {});

/// A marker of one of four shapes (circle, square, triangle, diamond) so series differ in grey.
Path marker(int shape, double x, double y, double r, Color color);

/// The dash pattern of series `series`, so lines differ in grey as well as in colour.
std::vector<double> dash_of(std::size_t series);

}  // namespace sats
