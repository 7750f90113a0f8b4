// frame_times.cpp: per-frame CPU time of each view in a headless ImGui loop (no window, no GL):
// app::frame (NewFrame + the app's UI + Render) on an empty platform, with the pointer sweeping
// across the screen so hover work is included. Prints median and p95 per view; asserts nothing
// (targets are read, not enforced).
//   build/native/bin/bench_frame_times [frames]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app.hpp"
#include "imgui.h"
#include "plot.hpp"

namespace {

ImTextureID stub_upload(const unsigned char*, int, int, ImTextureID previous) {
    return previous ? previous : reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1));
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 600;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    const app::Fonts fonts = app::load_fonts(SCALING_BENCH_FONT_DIR, 16.0f, 1.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    app::apply_theme(16.0f);
    plot::SetTextureUploader(stub_upload);
    app::State state;
    // None of the platform's services but the web's page scroll and semantic tree, whose cost is the
    // app's: the tree is built every frame and handed over when it changed (shell/semantics.hpp).
    app::Platform platform;
    static size_t published_bytes = 0, published = 0;
    platform.scroll_y = [](void*) { return 0.0f; };
    platform.publish_semantics = [](const std::string& json, void*) { published_bytes += json.size(), ++published; };

    std::printf("%-10s %10s %10s %10s   (%d frames, 1280x800, pointer sweeping)\n", "view", "median_ms", "p95_ms",
                "max_ms", frames);
    for (int v = 0; v < app::kViewCount; ++v) {
        state.requested_view = v;
        // Warm-up: first-use caches (the landscape grid) are built here.
        for (int i = 0; i < 30; ++i) app::frame(state, fonts, platform);
        std::vector<double> ms;
        for (int i = 0; i < frames; ++i) {
            io.MousePos = ImVec2(100.0f + (i * 7) % 1080, 250.0f + (i * 3) % 450);
            const auto t0 = std::chrono::steady_clock::now();
            app::frame(state, fonts, platform);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-10s %10.3f %10.3f %10.3f\n", app::view_name(v), ms[ms.size() / 2], ms[ms.size() * 95 / 100],
                    ms.back());
    }
    std::printf("semantic trees published: %zu in %d frames, %.0f KB on average\n", published,
                (frames + 30) * app::kViewCount, published ? static_cast<double>(published_bytes) / 1024 / published : 0.0);
    ImGui::DestroyContext();
    return 0;
}
