// ui_probe.cpp: the probe's two maps, filled during a frame.
#include "ui_probe.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "imgui.h"

namespace ui_probe {
namespace {
std::map<std::string, Rect> g_rects;
std::map<std::string, std::string> g_texts;

}  // namespace

void clear() { g_rects.clear(); g_texts.clear(); }

void record_last_item(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_rects[name] = {a.x, a.y, b.x, b.y};
}

void record_text(const char* name, std::string text) { g_texts[name] = std::move(text); }

bool rect(const std::string& name, Rect* out) {
    auto it = g_rects.find(name);
    if (it == g_rects.end()) return false;
    *out = it->second;
    return true;
}

std::string text(const std::string& name) {
    auto it = g_texts.find(name);
    return it == g_texts.end() ? std::string() : it->second;
}

std::string to_json() {
    nlohmann::ordered_json j;  // the build's one JSON type (results_json.hpp)
    j["rects"] = nlohmann::ordered_json::object();
    for (const auto& [name, r] : g_rects) j["rects"][name] = {r.x0, r.y0, r.x1, r.y1};
    j["texts"] = g_texts;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ui_probe
