// pinch.cpp: touch events, told apart into one finger's pointer and two fingers' pinch.
#include "pinch.hpp"

#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

#include "canvas.hpp"
#include "explorer.hpp"
#include "imgui.h"
#include "input_queue.hpp"
#include "plot.hpp"

namespace web::pinch {
namespace {

struct Pinch {
    bool tracking = false;     // two fingers down last event
    bool lifted_since = true;  // all fingers up since the last pinch: a lone finger may press again
    float last_dist = 0;
    ImVec2 last_centre;
    float scale = 1.0f;        // product of distance ratios since the last frame
    ImVec2 pan;                // centre movement since the last frame
    ImVec2 centre;
};
Pinch g;

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    wake();
    const bool ending = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    // The fingers still down after this event (an ending finger is listed, flagged as changed).
    ImVec2 pts[2];
    int down = 0;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (ending && t.isChanged) continue;
        if (down < 2) pts[down] = ImVec2(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
        ++down;
    }
    input::set_touch(true);
    if (down >= 2) {
        // A pinch: no press for ImGui (a drag must not also pan or move a slider), only the gesture.
        const ImVec2 centre((pts[0].x + pts[1].x) / 2, (pts[0].y + pts[1].y) / 2);
        const float dist = std::hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
        if (g.tracking && g.last_dist > 0 && dist > 0) {
            g.scale *= dist / g.last_dist;
            g.pan.x += centre.x - g.last_centre.x;
            g.pan.y += centre.y - g.last_centre.y;
        }
        g.tracking = true;
        g.lifted_since = false;
        // The finger that started the pinch pressed first: that press was not a tap.
        input::forget_last_press();
        g.last_dist = dist;
        g.last_centre = g.centre = centre;
        input::push_pointer(centre.x, centre.y, 0, e->timestamp);  // release the first finger's press
        return EM_TRUE;
    }
    g.tracking = false;
    if (down == 0) g.lifted_since = true;
    if (!g.lifted_since) return EM_TRUE;  // the last finger of a pinch: not a new press

    ImVec2 at = pts[0];
    if (down == 0)
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) at = ImVec2(static_cast<float>(e->touches[i].targetX), static_cast<float>(e->touches[i].targetY));
    input::push_pointer(at.x, at.y, type == EMSCRIPTEN_EVENT_TOUCHSTART ? 1 : ending ? 0 : -1, e->timestamp);
    // A lifted finger leaves no hover behind: once the release is seen, the pointer goes away.
    if (ending) input::push_pointer(-FLT_MAX, -FLT_MAX, -1, e->timestamp);
    return EM_TRUE;  // preventDefault: no synthetic mouse events, no page scroll or zoom
}

}  // namespace

void install() {
    emscripten_set_touchstart_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
}

void feed(float page_y) {
    if (g.scale != 1.0f || g.pan.x != 0 || g.pan.y != 0) {
        plot::FeedGesture({true, ImVec2(g.centre.x, g.centre.y + page_y), g.scale, g.pan});
        g.scale = 1.0f;
        g.pan = ImVec2(0, 0);
    }
}

}  // namespace web::pinch
