// view_capex.cpp: scaffolding while issue 18 builds this view (replaced by the view itself).
#include "imgui.h"
#include "views.hpp"

namespace views {

void capex(app::State&, const app::Fonts&) { ImGui::TextUnformatted("Being built (issue 18)."); }

}  // namespace views
