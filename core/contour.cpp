// contour.cpp: marching squares over a regular grid.
#include "contour.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scaling {
namespace {

// Where along an edge from value a to value b the level is crossed (0..1).
double cross(double a, double b, double level) {
    const double d = b - a;
    return d == 0 ? 0.5 : (level - a) / d;
}

}  // namespace

std::vector<Segment> marching_squares(const Grid& g, double level) {
    std::vector<Segment> out;
    if (g.nx < 2 || g.ny < 2 || g.z.size() < static_cast<size_t>(g.nx) * g.ny) return out;
    for (int j = 0; j + 1 < g.ny; ++j) {
        for (int i = 0; i + 1 < g.nx; ++i) {
            // Corners counter-clockwise from bottom-left: 0 (i,j), 1 (i+1,j), 2 (i+1,j+1), 3 (i,j+1).
            const double v[4] = {g.at(i, j), g.at(i + 1, j), g.at(i + 1, j + 1), g.at(i, j + 1)};
            if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) || !std::isfinite(v[3]))
                continue;
            const int code = (v[0] > level) | (v[1] > level) << 1 | (v[2] > level) << 2 | (v[3] > level) << 3;
            if (code == 0 || code == 15) continue;
            const double xl = g.x(i), xr = g.x(i + 1), yb = g.y(j), yt = g.y(j + 1);
            // Crossing points on the four edges: bottom (0-1), right (1-2), top (3-2), left (0-3).
            const double px[4] = {xl + (xr - xl) * cross(v[0], v[1], level), xr,
                                  xl + (xr - xl) * cross(v[3], v[2], level), xl};
            const double py[4] = {yb, yb + (yt - yb) * cross(v[1], v[2], level), yt,
                                  yb + (yt - yb) * cross(v[0], v[3], level)};
            auto seg = [&](int e0, int e1) { out.push_back({px[e0], py[e0], px[e1], py[e1]}); };
            switch (code) {
                case 1: case 14: seg(3, 0); break;
                case 2: case 13: seg(0, 1); break;
                case 3: case 12: seg(3, 1); break;
                case 4: case 11: seg(1, 2); break;
                case 6: case 9: seg(0, 2); break;
                case 7: case 8: seg(3, 2); break;
                case 5: case 10: {
                    // Saddle: the centre decides which pairs of edges connect.
                    const bool centre_above = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
                    if ((code == 5) == centre_above) { seg(3, 2); seg(0, 1); }
                    else { seg(3, 0); seg(1, 2); }
                    break;
                }
                default: break;
            }
        }
    }
    return out;
}

std::vector<ContourLevel> contour_levels(const Grid& g, const std::vector<double>& levels) {
    std::vector<ContourLevel> out;
    for (double level : levels) out.push_back({level, marching_squares(g, level)});
    return out;
}

bool label_point(const std::vector<Segment>& segments, double x0, double x1, double y0, double y1, double* x,
                 double* y) {
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, w = x1 - x0, h = y1 - y0;
    double best = std::numeric_limits<double>::infinity();
    for (const Segment& s : segments) {
        const double mx = (s.xa + s.xb) / 2, my = (s.ya + s.yb) / 2;
        if (mx < x0 + w * 0.06 || mx > x1 - w * 0.06 || my < y0 + h * 0.06 || my > y1 - h * 0.06) continue;
        const double dx = (mx - cx) / w, dy = (my - cy) / h;  // in fractions of the box: fair on any aspect
        if (dx * dx + dy * dy < best) {
            best = dx * dx + dy * dy;
            *x = mx;
            *y = my;
        }
    }
    return std::isfinite(best);
}

std::vector<double> nice_levels(double lo, double hi, int count) {
    std::vector<double> out;
    if (!(hi > lo) || count < 1 || !std::isfinite(lo) || !std::isfinite(hi)) return out;
    double decade = std::pow(10.0, std::floor(std::log10((hi - lo) / count)));
    for (int guard = 0; guard < 64; ++guard, decade *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            const double step = m * decade;
            const double first = std::ceil(lo / step) * step;
            if ((hi - first) / step + 1 <= count + 1e-9) {
                for (double v = first; v < hi; v += step) out.push_back(std::round(v / step) * step);
                return out;
            }
        }
    }
    return out;
}

}  // namespace scaling
