// harness.hpp: one headless explorer for UI tests: an ImGui context without window or GL, the
// app's fonts and theme, frames of 1/60 s, a platform that records what the app asked of it, and
// mouse/keyboard helpers that act on named widgets (ui_probe) the way a user would.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "app.hpp"
#include "core/laws.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"

namespace test_ui {

// Heatmaps need a texture id; no GL here, so any non-null id stands in.
inline ImTextureID stub_upload(const unsigned char*, int, int, ImTextureID previous) {
    return previous ? previous : reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1));
}

// A download the app asked the platform for: a text file, or a PNG of a region of the screen.
struct Download {
    std::string file_name, mime_type, text;  // mime_type "image/png" for a PNG
    app::Region region;                      // a PNG's
};

struct Harness {
    app::State state;
    app::Fonts fonts;
    ImGuiContext* context = nullptr;  // its own, so two harnesses can live in one test (a "reload")
    // The platform's services, recording each request; no window, so nothing is drawn.
    app::Platform platform;
    std::string copied;               // the last text put on the clipboard
    std::string opened;               // the last page opened
    int files_asked = 0;              // how often a file picker was asked for
    std::vector<Download> downloads;  // every download, oldest first
    float reported_height = 0;        // the last height reported to an embedding host
    bool busy = false;                // the last frame said a job is running
    std::string tree;                 // the last semantic tree published (shell/semantics.hpp)
    int trees = 0;                    // how many were published
    float page_y = 0;                 // how far the page is scrolled, with page_scrolls()

    explicit Harness(float width = 1280, float height = 800) {
        platform.user = this;
        platform.copy_text = [](const std::string& text, void* h) { self(h).copied = text; };
        platform.open_page = [](const std::string& path, void* h) { self(h).opened = path; };
        platform.open_file = [](void* h) { ++self(h).files_asked; };
        platform.download_text = [](const std::string& name, const std::string& mime, const std::string& text, void* h) {
            self(h).downloads.push_back({name, mime, text, {}});
        };
        platform.download_png = [](const std::string& name, const app::Region& region, void* h) {
            self(h).downloads.push_back({name, "image/png", "", region});
        };
        platform.report_height = [](float height, void* h) { self(h).reported_height = height; };
        platform.publish_semantics = [](const std::string& json, void* h) {
            self(h).tree = json;
            ++self(h).trees;
        };
        context = ImGui::CreateContext();
        ImGui::SetCurrentContext(context);  // CreateContext makes it current only when none is
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Enter] = 13;
        io.KeyMap[ImGuiKey_Backspace] = 8;
        io.KeyMap[ImGuiKey_Escape] = ImGuiKey_Escape;  // key(ImGuiKey_Escape) presses it
        fonts = app::load_fonts(SCALING_TEST_FONT_DIR, 16.0f, 1.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        app::apply_theme(16.0f);
        plot::SetTextureUploader(stub_upload);
        frames(2);
    }
    ~Harness() { ImGui::DestroyContext(context); }
    Harness(const Harness&) = delete;  // the platform points back at this one
    Harness& operator=(const Harness&) = delete;
    static Harness& self(void* user) { return *static_cast<Harness*>(user); }

    // As on the web: the page scrolls the app (Platform::scroll_y), by page_y.
    void page_scrolls() {
        platform.scroll_y = [](void* h) { return self(h).page_y; };
        frames(2);
    }

    // Makes this harness's context current: a test may hold two (a "reload").
    void use() { ImGui::SetCurrentContext(context); }
    void frames(int n) {
        use();
        for (int i = 0; i < n; ++i) {
            busy = app::frame(state, fonts, platform);
            // Frames advance time: double-click detection and drags need it.
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        }
    }
    void show(int view) {
        state.requested_view = view;
        frames(3);
    }
    ui_probe::Rect rect(const std::string& name) {
        ui_probe::Rect r;
        REQUIRE_MESSAGE(ui_probe::rect(name, &r), name);
        return r;
    }
    void move(float x, float y) { use(); ImGui::GetIO().MousePos = ImVec2(x, y); frames(1); }
    void press() { use(); ImGui::GetIO().MouseDown[0] = true; frames(1); }
    void release() { use(); ImGui::GetIO().MouseDown[0] = false; frames(1); }
    void click_at(float x, float y) {
        move(x, y);
        press();
        release();
    }
    void click(const std::string& name) {
        const ui_probe::Rect r = rect(name);
        click_at((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    }
    void type(const char* text) {
        use();
        ImGui::GetIO().AddInputCharactersUTF8(text);
        frames(1);
    }
    void key(int index) {
        use();
        ImGui::GetIO().KeysDown[index] = true;
        frames(1);
        ImGui::GetIO().KeysDown[index] = false;
        frames(1);
    }
};

// The catalogue index of a law id (the order of assets/laws.jsonl).
inline int law_index(const char* id) {
    const scaling::Law* l = scaling::find_law(id);
    REQUIRE_MESSAGE(l != nullptr, id);
    return static_cast<int>(l - scaling::all_laws().data());
}

// A plot's visible range as the probe reports it ("x0 x1 y0 y1" in data units).
struct View { double x0 = 0, x1 = 0, y0 = 0, y1 = 0; };
inline View view_of(const std::string& title) {
    std::istringstream in(ui_probe::text("view:" + title));
    View v;
    in >> v.x0 >> v.x1 >> v.y0 >> v.y1;
    return v;
}

}  // namespace test_ui
