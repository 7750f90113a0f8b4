// platform.hpp: what the explorer asks of the entry that runs it (the desktop window, the web page),
// as one struct of callbacks the entry fills in and hands to app::frame. The app calls them when it
// needs a service; the entry polls nothing. Every service has its desktop and its web branch side
// by side (shell/main_glfw.cpp, web/), so neither entry can forget one.
//
// A null callback means the platform has no such service and the app does without it (the desktop
// keeps no saved work; headless tests draw nothing). Each gets `user` back, the entry's own context.
// Plain function pointers, not std::function: its type erasure cost the web build 1.4 KB of gzip,
// in a first view that has a budget (bench/sizes.sh). All text is UTF-8; positions and sizes are in display
// units (CSS px on the web), as ImGui's.
#pragma once
#include <string>

namespace app {

// A rectangle of the screen, in display units: (x0, y0) top left to (x1, y1) bottom right.
struct Region {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Platform {
    void* user = nullptr;  // handed back to every callback

    // [SECTION] The frame (app::frame calls these, in this order, once per frame)
    // Starts ImGui's frame: the entry's backends and input, then ImGui::NewFrame, then whatever
    // must correct ImGui's own reading of that input (it runs after NewFrame). Null: NewFrame alone.
    void (*new_frame)(void* user) = nullptr;
    // Draws the frame ImGui::Render has just made. The PNG exports of this frame read its pixels.
    void (*render)(void* user) = nullptr;
    // True when the last pointer input was a finger: a drag on the background then scrolls the
    // page (ImGui 1.86 cannot tell a finger from a mouse).
    bool (*touch_input)(void* user) = nullptr;
    // The page scrolls the app (the web): how far it is scrolled, in display units. The app is then
    // laid out at its full height, shifted up by this, and reports that height (report_height) so
    // the page can be that tall; the browser scrolls, with momentum, find and focus scrolling its
    // own. Null: the app scrolls itself in its window (the desktop).
    float (*scroll_y)(void* user) = nullptr;
    // The semantic tree changed (shell/semantics.hpp: its JSON): the page mirrors it as DOM nodes.
    void (*publish_semantics)(const std::string& json, void* user) = nullptr;

    // [SECTION] The page the explorer lives in
    // The explorer's address without its query ("https://host/scaling/index.html"); links and embed
    // code are built on it. Empty where there is none (a desktop without a public address).
    std::string page_url;
    // The state as a link's query changed: the address bar follows it (no history entry per edit).
    void (*show_query)(const std::string& query, void* user) = nullptr;
    // The UI's height changed: the page (scroll_y) is made that tall; embedded, the host page sizes
    // its iframe to it.
    void (*report_height)(float height, void* user) = nullptr;
    // Opens a page beside the explorer, named relative to page_url: a docs page ("docs-fit.html")
    // or the full explorer with a state ("?view=fit&flops=1e24"). A new tab or the system browser.
    void (*open_page)(const std::string& path, void* user) = nullptr;
    // Puts text on the system clipboard (Copy link, Copy embed code).
    void (*copy_text)(const std::string& text, void* user) = nullptr;

    // [SECTION] Files and storage
    // Asks the user for a file (the Fit view's "Load a file..."); its text comes back later
    // through app::open_text.
    void (*open_file)(void* user) = nullptr;
    // Hands the user a text file (a plot's CSV, the saved work's JSON): a download, or a file written.
    void (*download_text)(const std::string& file_name, const std::string& mime_type, const std::string& text,
                          void* user) = nullptr;
    // Hands the user a PNG of `region` of the frame just drawn (a plot). Called after render.
    void (*download_png)(const std::string& file_name, const Region& region, void* user) = nullptr;
    // Keeps the user's work (core/saved_work.hpp JSON) for the next visit; false when it could not.
    bool (*save_work)(const std::string& json, void* user) = nullptr;
    // Fetches a file of bootstrap draws the build did not compile in (core/draws.hpp); its text
    // comes back through scaling::provide_draws.
    void (*fetch_draws)(const std::string& file, void* user) = nullptr;
};

}  // namespace app
