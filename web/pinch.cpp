// pinch.cpp: touch events, told apart into one finger's pointer and two fingers' pinch.
#include "pinch.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

#include "canvas.hpp"
#include "explorer.hpp"
#include "imgui.h"
#include "input_queue.hpp"
#include "plot.hpp"
#include "semantics.hpp"

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

// One finger is the page's to scroll (natively, with momentum) or the app's, decided by where it
// lands and how it first moves, beyond kSlop:
// - anywhere the app does not drag: it presses in ImGui at once, so a tap on a button works; once
//   it moves it is a swipe, and the press is taken back (the pointer leaves and releases away from
//   the widget), so nothing fires after a scroll;
// - on something the app drags (a slider, a figure: sem::drag_at): a sideways move is the app's (a
//   slider moves, a plot pans), an up or down move the page's. The canvas's touch-action is pan-y,
//   so the browser waits for that first move's answer before it scrolls. Its press waits for that
//   decision too (a slider jumps to a press), and a tap presses where it landed. Without this, an
//   embedded figure, most of its iframe, would trap a phone's scroll of the course page around it,
//   as an embedded map does; two fingers still pan and zoom it in every direction.
constexpr float kSlop = 8.0f;  // CSS px a tap may wander
struct Finger {
    enum Owner { Undecided, App, Page } owner = Undecided;
    bool on_drag = false;      // it landed on something the app drags (no press yet)
    ImVec2 start;              // where it landed, canvas CSS px
    double start_ms = 0;       // when (the DOM event's timeStamp), for a press made later
};
Finger g_finger;

// The viewport's position, which is the canvas's (fixed at its top left: web/app.css), whichever
// element the finger landed on (input_queue.cpp says why not targetX/Y or canvasX/Y).
ImVec2 point(const EmscriptenTouchPoint& t) { return ImVec2(static_cast<float>(t.clientX), static_cast<float>(t.clientY)); }

// Every return says whether the event is cancelled: EM_TRUE stops the browser's scroll, zoom and
// the mouse events it would make from the touch. Emscripten 3.1.6 adds these listeners with a plain
// boolean (not {passive: true}) on the canvas and #sem elements, which Chrome's passive-by-default
// intervention (window, document, body only) leaves cancellable, so EM_TRUE does take effect.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    wake();
    const bool ending = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    // The fingers still down after this event (an ending finger is listed, flagged as changed).
    ImVec2 pts[2];
    int down = 0;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (ending && t.isChanged) continue;
        if (down < 2) pts[down] = point(t);
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
        const bool page = g_finger.owner == Finger::Page;
        if (!page) input::push_pointer(centre.x, centre.y, 0, e->timestamp);  // release the first finger's press
        // Two fingers are the app's, unless the first already scrolls the page: the browser no longer
        // lets that be cancelled.
        return page ? EM_FALSE : EM_TRUE;
    }
    g.tracking = false;
    if (down == 0) g.lifted_since = true;
    if (!g.lifted_since) return ending ? EM_FALSE : EM_TRUE;  // the last finger of a pinch: not a new press

    ImVec2 at = pts[0];
    if (down == 0)
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) at = point(e->touches[i]);
    Finger& f = g_finger;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        f = Finger{Finger::Undecided, sem::drag_at(at.x, at.y), at, e->timestamp};
        if (!f.on_drag) input::push_pointer(at.x, at.y, 1, e->timestamp);
        return EM_FALSE;  // not yet decided: the first move's answer decides the scroll
    }
    if (f.owner == Finger::Page) return EM_FALSE;  // a swipe of the page: ImGui let go of it already
    if (!ending && f.owner == Finger::Undecided) {
        const ImVec2 d(at.x - f.start.x, at.y - f.start.y);
        if (std::hypot(d.x, d.y) <= kSlop) {
            if (!f.on_drag) input::push_pointer(at.x, at.y, -1, e->timestamp);
            return EM_FALSE;
        }
        if (f.on_drag && std::fabs(d.x) > std::fabs(d.y)) {
            f.owner = Finger::App;
            input::push_pointer(f.start.x, f.start.y, 1, f.start_ms);
        } else {
            f.owner = Finger::Page;
            input::forget_last_press();  // not the first tap of a double tap either
            if (!f.on_drag) {
                input::push_pointer(-FLT_MAX, -FLT_MAX, -1, e->timestamp);
                input::push_pointer(-FLT_MAX, -FLT_MAX, 0, e->timestamp);
            }
            return EM_FALSE;
        }
    }
    // A tap on something the app drags presses where it landed, now that it is a tap.
    if (ending && f.owner == Finger::Undecided && f.on_drag) input::push_pointer(f.start.x, f.start.y, 1, f.start_ms);
    input::push_pointer(at.x, at.y, ending ? 0 : -1, e->timestamp);
    // A lifted finger leaves no hover behind: once the release is seen, the pointer goes away.
    if (ending) input::push_pointer(-FLT_MAX, -FLT_MAX, -1, e->timestamp);
    // The app's moves are kept from scrolling; an end is cancelled by the listener install() adds.
    return !ending && f.owner == Finger::App ? EM_TRUE : EM_FALSE;
}

}  // namespace

// A touch is dispatched to the element it started on: the canvas, or a text of the DOM layer.
void install() {
    for (const char* target : {canvas::kSelector, canvas::kLayerSelector}) {
        emscripten_set_touchstart_callback(target, nullptr, EM_FALSE, on_touch);
        emscripten_set_touchmove_callback(target, nullptr, EM_FALSE, on_touch);
        emscripten_set_touchend_callback(target, nullptr, EM_FALSE, on_touch);
        emscripten_set_touchcancel_callback(target, nullptr, EM_FALSE, on_touch);
    }
    // Every touch's end is cancelled, so the browser makes no mouse events (a second press) and no
    // click of its own from a tap the app has already taken; but only while it can be: after a
    // scroll, or during a fling, it cannot, and Chrome reports a refused preventDefault as a console
    // error. html5.h's callbacks cannot see `cancelable`, so a listener of the page does this.
    EM_ASM({
        var end = function(e) { if (e.cancelable) e.preventDefault(); };
        Module["canvas"].addEventListener("touchend", end, {passive : false});
        document.getElementById("sem").addEventListener("touchend", end, {passive : false});
    });
}

void feed(float page_y) {
    if (g.scale != 1.0f || g.pan.x != 0 || g.pan.y != 0) {
        plot::FeedGesture({true, ImVec2(g.centre.x, g.centre.y + page_y), g.scale, g.pan});
        g.scale = 1.0f;
        g.pan = ImVec2(0, 0);
    }
}

}  // namespace web::pinch
