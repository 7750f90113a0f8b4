// views.hpp: one function per view of the explorer; each draws into the current window.
#pragma once
#include "app.hpp"

namespace views {

// Budget in, compute-optimal (N, D, loss) out for the chosen law, and every law side by side.
void allocator(app::State& state, const app::Fonts& fonts);

}  // namespace views
