// explorer.cpp: the page's one explorer and waking its frame loop.
#include "explorer.hpp"

namespace web {

Explorer& explorer() {
    static Explorer e;  // made on first use, after the catalogues it reads at construction
    return e;
}

void wake() {
    explorer().frames_left = kFramesAfterEvent;
    explorer().quiet_frames = 0;
}

}  // namespace web
