// colormap.hpp: a perceptually uniform colour scale for heatmaps and colour bars.
#pragma once

namespace scaling {

struct Rgb { float r = 0, g = 0, b = 0; };  // 0..1

// Viridis (matplotlib's default map; van der Walt and Smith 2015), t in [0, 1], clamped:
// dark purple at 0, yellow at 1; readable in grey and by most colour-blind readers.
Rgb viridis(double t);

}  // namespace scaling
