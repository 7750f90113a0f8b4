// colormap.cpp: viridis by linear interpolation between nine of its published stops.
#include "colormap.hpp"

#include <cmath>

namespace scaling {

Rgb viridis(double t) {
    // matplotlib viridis at t = 0, 1/8, ..., 1 (hex #440154 #472c7a #3b518b #2c718e #21908d
    // #27ad81 #5cc863 #aadc32 #fde725).
    static const unsigned char kStops[9][3] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},
                                               {44, 113, 142}, {33, 144, 141}, {39, 173, 129},
                                               {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
    if (!(t > 0)) t = 0;  // also NaN
    if (t > 1) t = 1;
    const double x = t * 8;
    const int i = x >= 8 ? 7 : static_cast<int>(std::floor(x));
    const double f = x - i;
    Rgb c;
    c.r = static_cast<float>((kStops[i][0] + (kStops[i + 1][0] - kStops[i][0]) * f) / 255.0);
    c.g = static_cast<float>((kStops[i][1] + (kStops[i + 1][1] - kStops[i][1]) * f) / 255.0);
    c.b = static_cast<float>((kStops[i][2] + (kStops[i + 1][2] - kStops[i][2]) * f) / 255.0);
    return c;
}

}  // namespace scaling
