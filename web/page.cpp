// page.cpp: app::Platform's web branch: the address bar, the host iframe, the clipboard, new tabs,
// the file picker, downloads, localStorage and the bootstrap draws fetched beside the page.
#include "page.hpp"

#include <emscripten.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "canvas.hpp"
#include "core/saved_work.hpp"
#include "explorer.hpp"

namespace web::page {
namespace {

// A string from the page: 0 the address without its query or fragment (file:// too), 1 the query.
std::string page_text(int which) {
    char* p = reinterpret_cast<char*>(static_cast<intptr_t>(
        EM_ASM_INT({ return stringToNewUTF8($0 == 0 ? location.href.split(/[?#]/)[0] : location.search); }, which)));
    std::string out = p ? p : "";
    std::free(p);
    return out;
}

// replaceState: no history entry per edit.
void show_query(const std::string& query, void*) { EM_ASM({ Module["setQuery"](UTF8ToString($0)); }, query.c_str()); }

// The page is as tall as the app (web/frame_size.js), and an embed's host is told.
void report_height(float height, void*) { EM_ASM({ Module["reportHeight"]($0); }, static_cast<double>(height)); }

// The document scrolls (the canvas stays fixed over the viewport): the app draws from here down.
float scroll_y(void*) { return static_cast<float>(EM_ASM_DOUBLE({ return window.scrollY; })); }

// The DOM layer over the canvas follows the app's tree (web/semantics.js).
void publish_semantics(const std::string& json, void*) {
    EM_ASM({ Module["publishSemantics"](UTF8ToString($0)); }, json.c_str());
}

void copy_text(const std::string& text, void*) {
    EM_ASM({ Module["copyText"](UTF8ToString($0)); }, text.c_str());
    wake();  // "Link copied" shows for a moment, then the label returns
    emscripten_async_call([](void*) { wake(); }, nullptr, 1600);
}

void open_page(const std::string& path, void*) { EM_ASM({ Module["openPage"](UTF8ToString($0)); }, path.c_str()); }

// A file picker, then scaling_ui_load_runs with the file's text.
void open_file(void*) { EM_ASM({ Module["openRunsFile"](); }); }

void download_text(const std::string& file_name, const std::string& mime_type, const std::string& text, void*) {
    EM_ASM({ Module["downloadText"](UTF8ToString($0), UTF8ToString($1), UTF8ToString($2)); }, file_name.c_str(),
           text.c_str(), mime_type.c_str());
}

// Cut from the canvas in device pixels, before the browser presents the frame (and clears it).
void download_png(const std::string& file_name, const app::Region& r, void*) {
    const float s = canvas::size().dpr;
    EM_ASM({ Module["downloadCanvasRegion"](UTF8ToString($0), $1, $2, $3, $4); }, file_name.c_str(), std::floor(r.x0 * s),
           std::floor(r.y0 * s), std::ceil((r.x1 - r.x0) * s), std::ceil((r.y1 - r.y0) * s));
}

// Every change is written at once: a reload or a closed tab a moment later loses nothing.
bool save_work(const std::string& json, void*) {
    return EM_ASM_INT({ return Module["saveWork"](UTF8ToString($0), UTF8ToString($1)); }, scaling::kSavedWorkKey,
                      json.c_str()) != 0;
}

// The page fetches the file beside itself and hands it to scaling_draws_arrived.
void fetch_draws(const std::string& file, void*) { EM_ASM({ Module["fetchDraws"](UTF8ToString($0)); }, file.c_str()); }

}  // namespace

void fill(app::Platform& p) {
    p.page_url = page_text(0);
    p.show_query = show_query;
    p.report_height = report_height;
    p.scroll_y = scroll_y;
    p.publish_semantics = publish_semantics;
    p.copy_text = copy_text;
    p.open_page = open_page;
    p.open_file = open_file;
    p.download_text = download_text;
    p.download_png = download_png;
    p.save_work = save_work;
    p.fetch_draws = fetch_draws;
}

void load_work() { EM_ASM({ Module["loadWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey); }

void apply_link(app::State& state) {
    const std::vector<std::string> notices = app::apply_query(state, page_text(1));
    std::string text;
    for (const std::string& n : notices) text += (text.empty() ? "" : "; ") + n;
    if (!text.empty()) state.link_notice = "Parts of the link were not used: " + text + ".";
}

void restore_work(app::State& state, const char* text) {
    const scaling::Result<scaling::SavedWork> w = scaling::parse_saved_work(text ? text : "");
    if (w.ok()) {
        app::restore_work(state, w.value);
        app::work_is_saved(state);  // what is stored is what was just read
    } else {
        EM_ASM({ Module["setAsideWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey);
        state.work_notice = "Your saved work from an earlier visit could not be read (" + w.error +
                            "). It was kept aside in this browser's storage as \"" + scaling::kSavedWorkKey +
                            ".set-aside\", and the explorer started fresh.";
    }
}

}  // namespace web::page
