// semantics.cpp: the tree of one frame, the texts caught from ImGui's logging, what the DOM asked
// for, and when the tree is published.
//
// Catching texts: ImGui 1.86 logs every text it renders (RenderText, RenderTextWrapped,
// RenderTextClipped, RenderTextEllipsis) when logging is on, one line at a time, right after the
// item that draws it was added. Logging "to a file" that is a stdio cookie (fopencookie, unbuffered)
// hands each line to catch_text with ImGui's state at that moment: the current window, the current
// table cell, and the last item (its ID, 0 for plain text, and its rectangle). That is enough to
// place every text on screen in the tree without the views saying anything.
#include "semantics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"

namespace sem {
namespace {

using json = nlohmann::ordered_json;  // the one JSON type of the build (results_json.hpp): a second costs 8 KB of the first view

struct Node {
    std::string role, id, name;
    ImRect rect{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
    json extra = json::object();
    std::vector<int> kids;  // indices into Frame::nodes
    // Loose text caught from the log: the item that drew it, until a node claims it.
    bool loose = false, claimed = false;
    ImGuiID item = 0;
    // A table: its cells by row and column, and which rows are headers.
    std::map<int, std::map<int, std::string>> cells;
    std::map<int, bool> header_row;
};

struct Zone {
    ImRect rect;  // in the page
    std::string id;
    bool figure = false, engaged = false;
};

struct Frame {
    std::vector<Node> nodes;   // nodes[0] is the root
    std::vector<int> stack;    // open containers
    std::map<ImGuiID, int> tables;
    std::vector<Zone> zones;   // what a finger drags, what may take the wheel
    float page_y = 0;
    bool catching = false;
    std::FILE* log = nullptr;
    int last_textbox = -1;
};

struct Action {
    std::string id, action, value;
    int age = 0;  // frames it has waited for its widget
};

Frame g;
std::vector<Action> g_actions;
std::string g_focus;
std::vector<Zone> g_zones;  // the last frame's
float g_zones_page_y = 0;
std::string g_json, g_published;
int g_rev = 0;
ImFont* g_heading_font = nullptr;
std::string g_tooltip;  // this frame's, shown after the tree is built
std::string g_hint_id;  // the figure that shows how to zoom, until g_hint_until
double g_hint_until = 0;

std::string widget_id(ImGuiID id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "w%08x", id);
    return buf;
}

Node& current() { return g.nodes[static_cast<size_t>(g.stack.back())]; }

int add(Node n) {
    g.nodes.push_back(std::move(n));
    const int i = static_cast<int>(g.nodes.size()) - 1;
    g.nodes[static_cast<size_t>(g.stack.back())].kids.push_back(i);
    return i;
}

// ImGui's space is the page's (app::frame lays the app out at the page's top): rectangles as they are.
ImRect page_rect(const ImRect& r) { return r; }

// The last item as a node of `role`: its ID and rectangle; its own logged texts are claimed.
int add_last(const char* role, const std::string& name) {
    const ImGuiLastItemData& last = GImGui->LastItemData;
    claim_last();
    Node n;
    n.role = role;
    n.id = widget_id(last.ID);
    n.name = name;
    n.rect = page_rect(last.Rect);
    return add(std::move(n));
}

// The pending DOM action `action` on `id`, taken; its value in *value.
bool take(const std::string& id, const char* action, std::string* value) {
    for (size_t i = 0; i < g_actions.size(); ++i)
        if (g_actions[i].id == id && g_actions[i].action == action) {
            if (value) *value = g_actions[i].value;
            g_actions.erase(g_actions.begin() + static_cast<long>(i));
            return true;
        }
    return false;
}

std::string trimmed(const char* s, size_t n) {
    size_t a = 0, b = n;
    while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '\t')) --b;
    return std::string(s + a, b - a);
}

void catch_text(const char* s, size_t n) {
    if (!g.catching || g.stack.empty()) return;
    ImGuiContext& c = *GImGui;
    ImGuiWindow* w = c.CurrentWindow;
    // Tooltips and popups (a combo's list) come and go with the pointer: the DOM has the select.
    if (!w || (w->RootWindow->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup))) return;
    std::string text = trimmed(s, n);
    if (text.empty()) return;
    if (ImGuiTable* t = c.CurrentTable) {
        if (text == "|") return;  // the log's column separator
        auto [it, fresh] = g.tables.try_emplace(t->ID, 0);
        if (fresh) {
            Node table;
            table.role = "table";
            it->second = add(std::move(table));
        }
        Node& table = g.nodes[static_cast<size_t>(it->second)];
        std::string& cell = table.cells[t->CurrentRow][t->CurrentColumn];
        cell += (cell.empty() ? "" : " ") + text;
        if (t->RowFlags & ImGuiTableRowFlags_Headers) table.header_row[t->CurrentRow] = true;
        table.rect.Add(page_rect(c.LastItemData.Rect));
        return;
    }
    const ImGuiID item = c.LastItemData.ID;
    const ImRect r = page_rect(c.LastItemData.Rect);
    Node& parent = current();
    if (!parent.kids.empty()) {
        Node& prev = g.nodes[static_cast<size_t>(parent.kids.back())];
        if (prev.loose && !prev.claimed && prev.role == (c.Font == g_heading_font ? "heading" : "text") && prev.item == item && prev.rect.Min.x == r.Min.x && prev.rect.Min.y == r.Min.y) {
            prev.name += " " + text;  // the next line of the same item
            return;
        }
    }
    Node t;
    t.role = c.Font && c.Font == g_heading_font ? "heading" : "text";
    t.loose = true;
    t.item = item;
    t.name = std::move(text);
    t.rect = r;
    add(std::move(t));
}

ssize_t on_log_write(void*, const char* buf, size_t size) {
    catch_text(buf, size);
    return static_cast<ssize_t>(size);
}

// A file per frame: ImGui closes its log file itself when a context is destroyed mid-frame.
std::FILE* open_log() {
    cookie_io_functions_t io{};
    io.write = on_log_write;
    std::FILE* file = fopencookie(nullptr, "w", io);
    if (file) std::setvbuf(file, nullptr, _IONBF, 0);  // one call per logged line, as it is logged
    return file;
}

// The first heading under node i, for a section's name and a table's caption.
std::string first_heading(int i) {
    const Node& n = g.nodes[static_cast<size_t>(i)];
    for (int k : n.kids) {
        const Node& kid = g.nodes[static_cast<size_t>(k)];
        if (kid.role == "heading") return kid.name;
        if (kid.role == "section" || kid.role == "table") continue;
        std::string h = first_heading(k);
        if (!h.empty()) return h;
    }
    return "";
}

json to_json(int i, const std::string& parent_id, int ordinal, const std::string& caption) {
    Node& n = g.nodes[static_cast<size_t>(i)];
    json out = json::object();
    std::string id = n.id.empty() ? parent_id + "." + n.role.substr(0, 2) + std::to_string(ordinal) : n.id;
    out["id"] = id;
    out["role"] = n.role;
    if (n.role == "section") n.name = first_heading(i);
    if (n.role == "table" && n.name.empty()) n.name = caption;
    json kids = json::array();
    std::map<std::string, int> ordinals;
    std::string last_heading = caption;
    bool first_heading_here = true;
    for (int k : n.kids) {
        Node& kid = g.nodes[static_cast<size_t>(k)];
        if (kid.claimed) continue;
        if (kid.role == "heading") {
            last_heading = kid.name;
            // A caught bold text: a card's first is its title (2), later ones name its parts (3).
            if (kid.loose) kid.extra["level"] = n.role == "section" && !first_heading_here ? 3 : 2;
            first_heading_here = false;
        }
        json j = to_json(k, id, ordinals[kid.role]++, last_heading);
        n.rect.Add(g.nodes[static_cast<size_t>(k)].rect);
        kids.push_back(std::move(j));
    }
    out["name"] = n.name;
    if (n.rect.Min.x <= n.rect.Max.x) {
        out["x"] = std::floor(n.rect.Min.x);
        out["y"] = std::floor(n.rect.Min.y);
        out["w"] = std::ceil(n.rect.GetWidth());
        out["h"] = std::ceil(n.rect.GetHeight());
    }
    if (n.role == "table") {
        int columns = 0;
        for (const auto& [row, cells] : n.cells)
            if (!cells.empty()) columns = std::max(columns, cells.rbegin()->first + 1);
        json header = json::array(), rows = json::array();
        for (const auto& [row, cells] : n.cells) {
            json r = json::array();
            for (int col = 0; col < columns; ++col) {
                auto it = cells.find(col);
                r.push_back(it == cells.end() ? "" : it->second);
            }
            if (n.header_row.count(row) && header.empty()) header = std::move(r);
            else rows.push_back(std::move(r));
        }
        out["header"] = std::move(header);
        out["rows"] = std::move(rows);
    }
    for (auto& [k, v] : n.extra.items()) out[k] = v;
    if (!kids.empty() || n.role == "header" || n.role == "nav" || n.role == "main" || n.role == "section")
        out["children"] = std::move(kids);
    return out;
}

}  // namespace

// [SECTION] The frame

void begin_frame(float page_y) {
    g = Frame{};
    g.page_y = page_y;
    Node root;
    root.role = "root";
    g.nodes.push_back(std::move(root));
    g.stack.push_back(0);
    ImGuiContext& c = *GImGui;
    if (!c.LogEnabled && (g.log = open_log())) {
        // "TTY": a log ImGui flushes but never closes (End() of any popup or tooltip finishes the
        // log). Depth 0: logging opens no tree node.
        ImGui::LogBegin(ImGuiLogType_TTY, 0);
        c.LogFile = g.log;
        g.catching = true;
    }
}

void set_heading_font(ImFont* bold) { g_heading_font = bold; }

void end_frame() {
    // An action whose widget was not drawn (the view changed under it) is dropped, not kept for a
    // widget that happens to get the same ID later.
    for (Action& a : g_actions) ++a.age;
    g_actions.erase(std::remove_if(g_actions.begin(), g_actions.end(), [](const Action& a) { return a.age > 3; }),
                    g_actions.end());
    ImGuiContext& c = *GImGui;
    struct ShowTooltip {  // on every way out: after the log is finished
        ~ShowTooltip() {
            if (!g_tooltip.empty()) ImGui::SetTooltip("%s", g_tooltip.c_str());
            g_tooltip.clear();
        }
    } show_tooltip;
    if (!g.catching) return;
    // A popup or tooltip ended mid-frame (End() finishes the log): the texts after it were not
    // caught, so this frame's tree is incomplete and the last one stands.
    const bool complete = c.LogEnabled && c.LogFile == g.log;
    if (complete) ImGui::LogFinish();
    std::fclose(g.log);
    g.log = nullptr;
    g.catching = false;
    if (!complete) return;
    json nodes = json::array();
    std::map<std::string, int> ordinals;
    for (int k : g.nodes[0].kids) {
        const Node& kid = g.nodes[static_cast<size_t>(k)];
        if (kid.claimed) continue;
        nodes.push_back(to_json(k, "n", ordinals[kid.role]++, ""));
    }
    g_json = json{{"focus", g_focus}, {"nodes", std::move(nodes)}}.dump(-1, ' ', false, json::error_handler_t::replace);
    g_zones = std::move(g.zones);
    g_zones_page_y = g.page_y;
}

std::string take_changed() {
    if (g_json == g_published) return "";
    g_published = g_json;
    // The revision goes in after the comparison, so that only a change makes a new one.
    return "{\"rev\":" + std::to_string(++g_rev) + "," + g_json.substr(1);
}

// [SECTION] Nodes

void group_begin(const char* role) {
    Node n;
    n.role = role;
    if (g.stack.size() == 1) n.id = role;  // the landmarks: "header", "nav", "main"
    g.stack.push_back(add(std::move(n)));
}

void group_end() {
    if (g.stack.size() > 1) g.stack.pop_back();
}

void heading(const std::string& text, int level) {
    const int i = add_last("heading", text);
    g.nodes[static_cast<size_t>(i)].id.clear();  // a text's ID (0) names no widget
    g.nodes[static_cast<size_t>(i)].extra["level"] = level;
}

size_t mark() { return g.nodes.size(); }

void text_since(size_t mark, const std::string& text, bool live) {
    Node n;
    n.role = "text";
    n.name = text;
    for (size_t i = mark; i < g.nodes.size(); ++i)
        if (g.nodes[i].loose && !g.nodes[i].claimed) {
            g.nodes[i].claimed = true;
            n.rect.Add(g.nodes[i].rect);
        }
    if (live) n.extra["live"] = true;
    add(std::move(n));
}

void claim_last() {
    const ImGuiLastItemData& last = GImGui->LastItemData;
    const ImRect r = page_rect(last.Rect);
    Node& parent = current();
    // The item's texts are the last few loose ones: a label, a value, a decoration.
    for (auto it = parent.kids.rbegin(); it != parent.kids.rend() && it - parent.kids.rbegin() < 8; ++it) {
        Node& n = g.nodes[static_cast<size_t>(*it)];
        if (!n.loose || n.item != last.ID) continue;
        if (last.ID == 0 && (n.rect.Min.x != r.Min.x || n.rect.Min.y != r.Min.y)) continue;
        n.claimed = true;
    }
}

bool button(const std::string& name, const char* role, int state) {
    const int i = add_last(role, name);
    Node& n = g.nodes[static_cast<size_t>(i)];
    if (state >= 0) n.extra[std::string(role) == "tab" ? "selected" : "pressed"] = state == 1;
    return take(n.id, "press", nullptr);
}

bool checkbox(const std::string& name, bool* value) {
    const int i = add_last("checkbox", name);
    Node& n = g.nodes[static_cast<size_t>(i)];
    const bool pressed = take(n.id, "press", nullptr);
    if (pressed) *value = !*value;
    n.extra["checked"] = *value;
    return pressed;
}

void textbox(const std::string& name, const std::string& value, bool multiline) {
    g.last_textbox = add_last("textbox", name);
    g.nodes[static_cast<size_t>(g.last_textbox)].extra["value"] = value;
    if (multiline) g.nodes[static_cast<size_t>(g.last_textbox)].extra["multiline"] = true;
}

void describe_last(const std::string& name, const std::string& unit, const std::string& help, const std::string& error) {
    if (g.last_textbox < 0) return;
    Node& n = g.nodes[static_cast<size_t>(g.last_textbox)];
    n.name = name;
    if (!unit.empty()) n.extra["unit"] = unit;
    if (!help.empty()) n.extra["desc"] = help;
    if (!error.empty()) n.extra["error"] = error;
}

bool take_text(ImGuiID id, std::string* text) { return take(widget_id(id), "set", text); }

bool take_action(ImGuiID id, const char* action, std::string* value) { return take(widget_id(id), action, value); }

int select_at(ImGuiID id, ImVec2 min, ImVec2 max, const std::string& name, const std::vector<std::string>& options,
              int index) {
    // Its preview text was logged under its ID.
    for (int k : current().kids) {
        Node& t = g.nodes[static_cast<size_t>(k)];
        if (t.loose && t.item == id) t.claimed = true;
    }
    Node node;
    node.role = "select";
    node.id = widget_id(id);
    node.name = name;
    node.rect = page_rect(ImRect(min, max));
    Node& n = g.nodes[static_cast<size_t>(add(std::move(node)))];
    n.extra["options"] = options;
    n.extra["index"] = index;
    std::string v;
    if (!take(n.id, "choose", &v)) return -1;
    char* end = nullptr;
    const long chosen = std::strtol(v.c_str(), &end, 10);
    if (end == v.c_str() || chosen < 0 || chosen >= static_cast<long>(options.size())) return -1;
    n.extra["index"] = chosen;
    return static_cast<int>(chosen);
}

bool slider(const std::string& name, double min, double max, double step, double now, const std::string& valuetext,
            double* value) {
    const int i = add_last("slider", name);
    Node& n = g.nodes[static_cast<size_t>(i)];
    n.extra["min"] = min;
    n.extra["max"] = max;
    n.extra["step"] = step;
    n.extra["now"] = now;
    n.extra["valuetext"] = valuetext;
    n.extra["drag"] = true;
    g.zones.push_back({n.rect, n.id, false, false});
    std::string v;
    if (!take(n.id, "set", &v)) return false;
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || !std::isfinite(x)) return false;
    *value = std::clamp(x, min, max);
    return true;
}

bool figure(ImGuiID area, const std::string& name, ImVec2 min, ImVec2 max, const std::string& summary,
            const std::string& csv, bool* engaged) {
    Node n;
    n.role = "figure";
    n.id = widget_id(area);
    n.name = name;
    n.rect = page_rect(ImRect(min, max));
    if (take(n.id, "engage", nullptr)) *engaged = true;
    if (take(n.id, "release", nullptr)) *engaged = false;
    n.extra["summary"] = summary;
    n.extra["csv"] = csv;
    n.extra["engaged"] = *engaged;
    n.extra["drag"] = true;
    // The title, tick labels and legend texts drawn inside it are the figure's, said by its summary.
    Node& parent = current();
    for (int k : parent.kids) {
        Node& t = g.nodes[static_cast<size_t>(k)];
        if (t.loose && n.rect.Contains(t.rect.GetCenter())) t.claimed = true;
    }
    g.zones.push_back({n.rect, n.id, true, *engaged});
    const bool hint = g_hint_id == n.id && ImGui::GetTime() < g_hint_until;
    add(std::move(n));
    return hint;
}

void tooltip(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    char buf[1024];
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    g_tooltip = buf;
}

// [SECTION] Between frames

void act(const std::string& id, const std::string& action, const std::string& value) {
    g_actions.push_back({id, action, value, 0});
}

void focus(const std::string& id) { g_focus = id; }

bool drag_at(float x, float y) {
    const ImVec2 p(x, y + g_zones_page_y);
    for (const Zone& z : g_zones)
        if (z.rect.Contains(p)) return true;
    return false;
}

bool wheel_at(float x, float y, bool ctrl) {
    const ImVec2 p(x, y + g_zones_page_y);
    for (const Zone& z : g_zones) {
        if (!z.figure || !z.rect.Contains(p)) continue;
        if (z.engaged || ctrl) return true;
        g_hint_id = z.id;
        g_hint_until = ImGui::GetTime() + 2.0;
        return false;
    }
    return false;
}

}  // namespace sem
