// contour.hpp: iso-lines of a sampled field by marching squares, and a place to label each.
// Coordinates are those of the grid (the plot layer passes log10 N and log10 D), so contours stay
// straight-edged in the axis space they are drawn in.
#pragma once
#include <cstddef>
#include <vector>

namespace scaling {

// A field sampled on a regular nx x ny grid over [x0, x1] x [y0, y1]; z[j * nx + i] is the value
// at x = x0 + i·(x1-x0)/(nx-1), y = y0 + j·(y1-y0)/(ny-1).
struct Grid {
    int nx = 0, ny = 0;
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    std::vector<double> z;

    double x(int i) const { return x0 + (x1 - x0) * i / (nx - 1); }
    double y(int j) const { return y0 + (y1 - y0) * j / (ny - 1); }
    double at(int i, int j) const { return z[static_cast<std::size_t>(j) * nx + i]; }
};

struct Segment { double xa = 0, ya = 0, xb = 0, yb = 0; };

struct ContourLevel {
    double level = 0;
    std::vector<Segment> segments;
};

// Segments where the field crosses `level`; cells with a non-finite corner are skipped. Saddle
// cells are resolved by the cell's centre value.
std::vector<Segment> marching_squares(const Grid& grid, double level);

// Every level's segments.
std::vector<ContourLevel> contour_levels(const Grid& grid, const std::vector<double>& levels);

// Where to write a level's value within the box [x0, x1] x [y0, y1] (what is on screen): the
// midpoint of the segment closest to the box's centre, 6% clear of its edges. False when none is.
bool label_point(const std::vector<Segment>& segments, double x0, double x1, double y0, double y1, double* x,
                 double* y);

// `count` round levels between the field's min and max (steps of 1, 2 or 5 x 10^k).
std::vector<double> nice_levels(double lo, double hi, int count);

}  // namespace scaling
