// plot.cpp: the plot layer. Index:
//   [SECTION] State: per-plot view and hidden series; the plot being built this frame
//   [SECTION] Submission: Begin/Setup/Plot* record items
//   [SECTION] Layout and ticks
//   [SECTION] Interaction: legend, pan, zoom, gestures, reset
//   [SECTION] Drawing items
//   [SECTION] Legend, hover, export
//   [SECTION] EndPlot
#include "plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "core/axis.hpp"
#include "core/colormap.hpp"
#include "imgui_internal.h"
#include "semantics.hpp"
#include "ui_probe.hpp"

namespace plot {
namespace {

// [SECTION] State

enum class Kind { Line, Scatter, Band, RefLine, Text, Heatmap, Contours };

struct Item {
    Kind kind = Kind::Line;
    std::string label;              // legend key; "##..." or "" stays out of the legend
    Style style;
    size_t begin = 0, count = 0;    // into Building::x / y / y2 (transformed units)
    std::vector<std::string> point_labels;
    Axis axis = X;                  // reference lines
    double value = 0;               // reference lines, transformed
    std::string text;               // text items
    ImVec2 offset_em;
    Heatmap heatmap;
    const std::vector<scaling::ContourLevel>* contours = nullptr;
    AxisFormat level_format = AxisFormat::Plain;
};

struct AxisSetup {
    std::string label;
    AxisScale scale = AxisScale::Linear;
    AxisFormat format = AxisFormat::Plain;
    bool has_limits = false;
    double lo = 0, hi = 1;          // transformed
};

// What persists between frames for one plot (keyed by title).
struct PlotState {
    bool user_view = false;         // zoomed or panned: stop auto-fitting
    double view[4] = {0, 1, 0, 1};  // x0, x1, y0, y1, transformed
    std::set<std::string> hidden;   // legend labels switched off
    float legend_h = 0;             // rows an outside legend added below the plot when last drawn
    bool engaged = false;           // clicked (or Enter on its DOM node): the wheel zooms it, not the page
    std::string csv;                // its series as CSV, for the figure's data table ...
    uint64_t csv_key = 0;           // ... made again only when the series change (series_key)
};

// The plot being submitted this frame.
struct Building {
    ImGuiID id = 0;
    std::string title;              // as given, may end in "##id"
    std::string shown;              // the title as drawn, and the key tests find the plot by
    ImVec2 pos, size;
    AxisSetup axes[2];
    bool legend_ne = false;
    std::vector<Item> items;
    std::vector<double> x, y, y2;
    int next_color = 0;
    bool setup_locked = false;      // by the first item or SetupFinish: the axes are final
};

std::map<ImGuiID, PlotState> g_states;
Building g_plot;
bool g_building = false;
Gesture g_gesture;
TextureUploader g_uploader = nullptr;
std::vector<ExportRequest> g_exports;

constexpr ImU32 kPlotBg = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kFrame = IM_COL32(200, 204, 212, 255);
constexpr ImU32 kGridMajor = IM_COL32(226, 229, 235, 255);
constexpr ImU32 kGridMinor = IM_COL32(242, 243, 246, 255);
constexpr ImU32 kTickText = IM_COL32(80, 86, 98, 255);
constexpr ImU32 kAxisText = IM_COL32(40, 44, 52, 255);

float em() { return ImGui::GetFontSize(); }
bool g_touch_targets = false;  // SetTouchTargets

double fwd(const AxisSetup& a, double v) { return scaling::axis_forward(a.scale, v); }
double inv(const AxisSetup& a, double t) { return scaling::axis_inverse(a.scale, t); }

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

bool visible(const Item& it, const PlotState& st) { return it.label.empty() || !st.hidden.count(it.label); }

bool in_legend(const Item& it) {
    return !it.label.empty() && it.label.rfind("##", 0) != 0 && it.kind != Kind::Text;
}

// [SECTION] Submission

// Items are transformed by the axes as they are submitted, so an axis set up after one would
// misplace it. As in ImPlot, setup after the first item (or SetupFinish) is a user error: asserted
// in debug builds, otherwise ignored.
bool setup_open() {
    IM_ASSERT_USER_ERROR(g_building, "Setup* outside BeginPlot/EndPlot");
    IM_ASSERT_USER_ERROR(!g_plot.setup_locked, "Setup* after the first Plot* call or SetupFinish");
    return g_building && !g_plot.setup_locked;
}

Item& add_item(Kind kind, const char* label, const Style& style) {
    g_plot.setup_locked = true;
    Item it;
    it.kind = kind;
    it.label = label ? label : "";
    it.style = style;
    if (it.style.color == 0 && kind != Kind::Text) {
        // Items sharing a label share a colour (an N line and a D line of the same law).
        for (const Item& other : g_plot.items)
            if (!it.label.empty() && other.label == it.label) it.style.color = other.style.color;
        if (it.style.color == 0) it.style.color = PaletteColor(g_plot.next_color++);
    }
    g_plot.items.push_back(std::move(it));
    return g_plot.items.back();
}

// Appends transformed points; a point that cannot be shown (log of <= 0, NaN) becomes NaN, which
// breaks a line rather than drawing it through nonsense.
void push_points(Item& it, const double* xs, const double* ys, const double* y2s, int count) {
    it.begin = g_plot.x.size();
    it.count = static_cast<size_t>(std::max(count, 0));
    for (int i = 0; i < count; ++i) {
        g_plot.x.push_back(fwd(g_plot.axes[X], xs[i]));
        g_plot.y.push_back(fwd(g_plot.axes[Y], ys[i]));
        g_plot.y2.push_back(y2s ? fwd(g_plot.axes[Y], y2s[i]) : NAN);
    }
}

// [SECTION] Layout and ticks

struct Frame {
    ImRect outer, area;
    double v[4];  // view x0, x1, y0, y1 (transformed)
    std::vector<scaling::Tick> xt, yt;
    float colorbar_w = 0;
};

ImVec2 to_screen(const Frame& f, double tx, double ty) {
    const float sx = f.area.Min.x + static_cast<float>((tx - f.v[0]) / (f.v[1] - f.v[0])) * f.area.GetWidth();
    const float sy = f.area.Max.y - static_cast<float>((ty - f.v[2]) / (f.v[3] - f.v[2])) * f.area.GetHeight();
    return ImVec2(sx, sy);
}

double screen_to_tx(const Frame& f, float sx) {
    return f.v[0] + (sx - f.area.Min.x) / f.area.GetWidth() * (f.v[1] - f.v[0]);
}
double screen_to_ty(const Frame& f, float sy) {
    return f.v[2] + (f.area.Max.y - sy) / f.area.GetHeight() * (f.v[3] - f.v[2]);
}

// Ticks whose labels do not overlap: ask for fewer until they fit (labels differ in width).
std::vector<scaling::Tick> fitted_ticks(const AxisSetup& a, double t0, double t1, float pixels, bool horizontal) {
    const double lo = inv(a, t0), hi = inv(a, t1);
    const float gap = em() * (horizontal ? 1.0f : 0.45f);
    const float typical = horizontal ? ImGui::CalcTextSize("8.88e88").x : ImGui::GetTextLineHeight();
    int max_labels = std::max(2, static_cast<int>(pixels / (typical + gap)));
    std::vector<scaling::Tick> ticks;
    for (; max_labels >= 1; --max_labels) {
        ticks = scaling::locate_ticks(a.scale, lo, hi, max_labels, a.format);
        float prev_end = -1e30f;
        bool overlap = false;
        for (const scaling::Tick& t : ticks) {
            if (!t.major) continue;
            const float pos = static_cast<float>((fwd(a, t.value) - t0) / (t1 - t0)) * pixels;
            const float half = (horizontal ? ImGui::CalcTextSize(t.label.c_str()).x : ImGui::GetTextLineHeight()) / 2;
            if (pos - half < prev_end + gap) overlap = true;
            prev_end = pos + half;
        }
        if (!overlap) break;
    }
    return ticks;
}

// The automatic view: the extent of what is visible, padded, or the axis limits when set up.
void auto_view(const PlotState& st, double out[4]) {
    double e[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    auto grow = [&](int axis, double t) {
        if (!std::isfinite(t)) return;
        e[axis * 2] = std::min(e[axis * 2], t);
        e[axis * 2 + 1] = std::max(e[axis * 2 + 1], t);
    };
    for (const Item& it : g_plot.items) {
        if (!visible(it, st)) continue;
        switch (it.kind) {
            case Kind::Line: case Kind::Scatter: case Kind::Band:
                for (size_t i = it.begin; i < it.begin + it.count; ++i) {
                    if (!std::isfinite(g_plot.x[i]) || !std::isfinite(g_plot.y[i])) continue;
                    grow(X, g_plot.x[i]);
                    grow(Y, g_plot.y[i]);
                    grow(Y, g_plot.y2[i]);
                }
                break;
            case Kind::RefLine: grow(it.axis, it.value); break;
            case Kind::Heatmap:
                if (it.heatmap.grid) {
                    grow(X, it.heatmap.grid->x0); grow(X, it.heatmap.grid->x1);
                    grow(Y, it.heatmap.grid->y0); grow(Y, it.heatmap.grid->y1);
                }
                break;
            default: break;
        }
    }
    for (int a = 0; a < 2; ++a) {
        double lo = e[a * 2], hi = e[a * 2 + 1];
        if (g_plot.axes[a].has_limits) {
            lo = g_plot.axes[a].lo;
            hi = g_plot.axes[a].hi;
        } else if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        } else {
            if (hi - lo < 1e-12) { lo -= 0.5; hi += 0.5; }
            const double pad = (hi - lo) * 0.04;
            lo -= pad;
            hi += pad;
        }
        out[a * 2] = lo;
        out[a * 2 + 1] = hi;
    }
}

// [SECTION] Interaction

void zoom_about(double v[4], int axis, double centre, double factor) {
    double& lo = v[axis * 2];
    double& hi = v[axis * 2 + 1];
    const double nlo = centre - (centre - lo) * factor, nhi = centre + (hi - centre) * factor;
    // Keep the view finite and not degenerate (log axes: within 1e-300..1e300).
    if (nhi - nlo > 1e-9 && nhi - nlo < 1e6 && std::fabs(nlo) < 300 && std::fabs(nhi) < 300) {
        lo = nlo;
        hi = nhi;
    }
}

void pan(double v[4], const Frame& f, ImVec2 delta_px) {
    const double dx = -delta_px.x / f.area.GetWidth() * (v[1] - v[0]);
    const double dy = delta_px.y / f.area.GetHeight() * (v[3] - v[2]);
    if (std::fabs(v[0] + dx) < 300 && std::fabs(v[1] + dx) < 300) { v[0] += dx; v[1] += dx; }
    if (std::fabs(v[2] + dy) < 300 && std::fabs(v[3] + dy) < 300) { v[2] += dy; v[3] += dy; }
}

// [SECTION] Drawing items

void dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float w) {
    const float dash = em() * 0.45f, gap = em() * 0.3f;
    float phase = 0;
    for (size_t i = 1; i < pts.size(); ++i) {
        const ImVec2 a = pts[i - 1], b = pts[i];
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        float t = 0;
        while (t < len) {
            const bool on = phase < dash;
            const float step = std::min(len - t, on ? dash - phase : dash + gap - phase);
            if (on) {
                const ImVec2 p0(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len);
                const ImVec2 p1(a.x + (b.x - a.x) * (t + step) / len, a.y + (b.y - a.y) * (t + step) / len);
                dl->AddLine(p0, p1, col, w);
            }
            t += step;
            phase += step;
            if (phase >= dash + gap) phase = 0;
        }
    }
}

void draw_marker(ImDrawList* dl, ImVec2 p, Marker m, float r, ImU32 col) {
    const ImU32 ring = IM_COL32(255, 255, 255, 255);
    switch (m) {
        case Marker::Square:
            dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), col);
            dl->AddRect(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), ring, 0, 0, 1.0f);
            break;
        case Marker::Diamond: {
            // Outlined in dark grey: diamonds mark data laid over heatmaps and light plots alike.
            const ImVec2 a(p.x, p.y - r * 1.3f), b(p.x + r * 1.3f, p.y), c(p.x, p.y + r * 1.3f), d(p.x - r * 1.3f, p.y);
            dl->AddQuadFilled(a, b, c, d, col);
            dl->AddQuad(a, b, c, d, IM_COL32(30, 30, 30, 255), 1.2f);
            break;
        }
        default:
            dl->AddCircleFilled(p, r, col, 16);
            dl->AddCircle(p, r, ring, 16, 1.0f);
            break;
    }
}

// Text with a white halo so it stays readable over lines and heatmaps.
void label_with_halo(ImDrawList* dl, ImVec2 p, ImU32 col, const char* text, float alpha = 0.85f) {
    const ImVec2 sz = ImGui::CalcTextSize(text);
    const float pad = em() * 0.15f;
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad * 0.5f), ImVec2(p.x + sz.x + pad, p.y + sz.y + pad * 0.5f),
                      IM_COL32(255, 255, 255, static_cast<int>(255 * alpha)), pad * 2);
    dl->AddText(p, col, text);
}

void draw_items(ImDrawList* dl, const Frame& f, const PlotState& st) {
    std::vector<ImVec2> pts;
    // Heatmaps and bands first, then lines, then markers and text on top.
    for (int pass = 0; pass < 3; ++pass) {
        for (const Item& it : g_plot.items) {
            if (!visible(it, st)) continue;
            const bool under = it.kind == Kind::Heatmap || it.kind == Kind::Band;
            const bool over = it.kind == Kind::Scatter || it.kind == Kind::Text;
            if ((pass == 0) != under || (pass == 2) != over) continue;
            switch (it.kind) {
                case Kind::Heatmap: {
                    const scaling::Grid* g = it.heatmap.grid;
                    if (!g) break;
                    const ImVec2 p0 = to_screen(f, g->x0, g->y1), p1 = to_screen(f, g->x1, g->y0);
                    if (it.heatmap.texture)
                        dl->AddImage(it.heatmap.texture, p0, p1, ImVec2(0, 1), ImVec2(1, 0));
                    else
                        dl->AddRectFilled(p0, p1, IM_COL32(230, 230, 236, 255));
                    break;
                }
                case Kind::Band: {
                    // Adjacent anti-aliased quads leave faint seams: fill this band without AA.
                    const ImDrawListFlags flags = dl->Flags;
                    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
                    const ImU32 fill = with_alpha(it.style.color, it.style.fill_alpha);
                    for (size_t i = it.begin + 1; i < it.begin + it.count; ++i) {
                        const double xa = g_plot.x[i - 1], xb = g_plot.x[i];
                        if (!std::isfinite(xa + xb + g_plot.y[i - 1] + g_plot.y[i] + g_plot.y2[i - 1] + g_plot.y2[i])) continue;
                        dl->AddQuadFilled(to_screen(f, xa, g_plot.y[i - 1]), to_screen(f, xb, g_plot.y[i]),
                                          to_screen(f, xb, g_plot.y2[i]), to_screen(f, xa, g_plot.y2[i - 1]), fill);
                    }
                    dl->Flags = flags;
                    break;
                }
                case Kind::Line: {
                    pts.clear();
                    auto flush = [&] {
                        if (pts.size() >= 2) {
                            if (it.style.dashed) dashed_polyline(dl, pts, it.style.color, it.style.weight);
                            else dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), it.style.color, 0, it.style.weight);
                        }
                        pts.clear();
                    };
                    for (size_t i = it.begin; i < it.begin + it.count; ++i) {
                        if (!std::isfinite(g_plot.x[i]) || !std::isfinite(g_plot.y[i])) { flush(); continue; }
                        pts.push_back(to_screen(f, g_plot.x[i], g_plot.y[i]));
                    }
                    flush();
                    if (it.style.marker != Marker::None)
                        for (size_t i = it.begin; i < it.begin + it.count; ++i)
                            if (std::isfinite(g_plot.x[i] + g_plot.y[i]))
                                draw_marker(dl, to_screen(f, g_plot.x[i], g_plot.y[i]), it.style.marker,
                                            it.style.marker_size, it.style.color);
                    break;
                }
                case Kind::RefLine: {
                    const ImVec2 a = it.axis == X ? to_screen(f, it.value, f.v[2]) : to_screen(f, f.v[0], it.value);
                    const ImVec2 b = it.axis == X ? to_screen(f, it.value, f.v[3]) : to_screen(f, f.v[1], it.value);
                    if (it.style.dashed) dashed_polyline(dl, {a, b}, it.style.color, it.style.weight);
                    else dl->AddLine(a, b, it.style.color, it.style.weight);
                    break;
                }
                case Kind::Contours: {
                    if (!it.contours) break;
                    for (const scaling::ContourLevel& c : *it.contours)
                        for (const scaling::Segment& s : c.segments)
                            dl->AddLine(to_screen(f, s.xa, s.ya), to_screen(f, s.xb, s.yb), it.style.color, it.style.weight);
                    // Labels follow the view: each level is labelled where it passes closest to the
                    // centre of what is visible, and a label that would cover another is left out.
                    std::vector<ImRect> placed;
                    for (const scaling::ContourLevel& c : *it.contours) {
                        double lx = 0, ly = 0;
                        if (!scaling::label_point(c.segments, f.v[0], f.v[1], f.v[2], f.v[3], &lx, &ly)) continue;
                        const std::string text = scaling::format_value(c.level, it.level_format);
                        const ImVec2 p = to_screen(f, lx, ly);
                        const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
                        const ImRect r(ImVec2(p.x - sz.x / 2, p.y - sz.y / 2), ImVec2(p.x + sz.x / 2, p.y + sz.y / 2));
                        bool covers = false;
                        for (const ImRect& q : placed) covers = covers || q.Overlaps(r);
                        if (covers) continue;
                        placed.push_back(r);
                        label_with_halo(dl, r.Min, kAxisText, text.c_str());
                    }
                    break;
                }
                case Kind::Scatter: {
                    for (size_t i = it.begin; i < it.begin + it.count; ++i) {
                        if (!std::isfinite(g_plot.x[i] + g_plot.y[i])) continue;
                        const ImVec2 p = to_screen(f, g_plot.x[i], g_plot.y[i]);
                        draw_marker(dl, p, it.style.marker == Marker::None ? Marker::Circle : it.style.marker,
                                    it.style.marker_size, it.style.color);
                        const size_t k = i - it.begin;
                        if (!it.style.labels_on_hover && k < it.point_labels.size() && !it.point_labels[k].empty())
                            label_with_halo(dl, ImVec2(p.x + it.style.marker_size + em() * 0.3f, p.y - em() * 0.6f),
                                            kAxisText, it.point_labels[k].c_str());
                    }
                    break;
                }
                case Kind::Text: {
                    if (!std::isfinite(g_plot.x[it.begin] + g_plot.y[it.begin])) break;
                    const ImVec2 p = to_screen(f, g_plot.x[it.begin], g_plot.y[it.begin]);
                    label_with_halo(dl, ImVec2(p.x + it.offset_em.x * em(), p.y + it.offset_em.y * em()),
                                    it.style.color ? it.style.color : kAxisText, it.text.c_str());
                    break;
                }
            }
        }
    }
}

// [SECTION] Legend, hover, export

struct LegendEntry {
    std::string label;
    ImU32 color;
    Kind kind;
    bool dashed;
    ImRect rect;
};

// Entry geometry only (text widths), for layout before the plot area is known.
std::vector<LegendEntry> collect_legend() {
    std::vector<LegendEntry> out;
    for (const Item& it : g_plot.items) {
        if (!in_legend(it)) continue;
        bool seen = false;
        for (const LegendEntry& e : out) seen = seen || e.label == it.label;
        if (!seen) out.push_back({it.label, it.style.color, it.kind, it.style.dashed, {}});
    }
    return out;
}

float entry_width(const LegendEntry& e) { return ImGui::CalcTextSize(e.label.c_str()).x + em() * (1.4f + 0.45f * 3); }

// Narrow plots (phones) and long legends go below the axes, in rows, so they never hide the data.
constexpr size_t kMaxInsideEntries = 7;
bool g_legend_outside = false;  // decided once per plot in EndPlot
bool legend_outside() { return g_legend_outside; }

// Rows needed below the plot for an outside legend of this width.
int legend_rows(const std::vector<LegendEntry>& entries, float width) {
    if (entries.empty()) return 0;
    int rows = 1;
    float x = 0;
    for (const LegendEntry& e : entries) {
        const float w = entry_width(e);
        if (x > 0 && x + w > width) { ++rows; x = 0; }
        x += w;
    }
    return rows;
}

void place_legend(std::vector<LegendEntry>& entries, const Frame& f, float below_y) {
    const float line_h = ImGui::GetTextLineHeight() * 1.25f, pad = em() * 0.45f;
    if (legend_outside()) {
        float x = f.outer.Min.x, y = below_y;
        for (LegendEntry& e : entries) {
            const float w = entry_width(e);
            if (x > f.outer.Min.x && x + w > f.outer.Max.x) { x = f.outer.Min.x; y += line_h; }
            e.rect = ImRect(ImVec2(x, y), ImVec2(x + w, y + line_h));
            x += w;
        }
        return;
    }
    float w = 0;
    for (const LegendEntry& e : entries) w = std::max(w, entry_width(e));
    const float x0 = g_plot.legend_ne ? f.area.Max.x - pad - w : f.area.Min.x + pad;
    float y = f.area.Min.y + pad + pad;
    for (LegendEntry& e : entries) {
        e.rect = ImRect(ImVec2(x0, y), ImVec2(x0 + w, y + line_h));
        y += line_h;
    }
}

void draw_legend(ImDrawList* dl, const std::vector<LegendEntry>& entries, const PlotState& st) {
    if (entries.empty()) return;
    const float pad = em() * 0.45f, swatch = em() * 1.4f;
    if (!legend_outside()) {
        ImRect box = entries.front().rect;
        for (const LegendEntry& e : entries) box.Add(e.rect);
        box.Expand(ImVec2(0, pad * 0.6f));
        dl->AddRectFilled(box.Min, box.Max, IM_COL32(255, 255, 255, 232), em() * 0.3f);
        dl->AddRect(box.Min, box.Max, kFrame, em() * 0.3f);
    }
    for (const LegendEntry& e : entries) {
        const bool hidden = st.hidden.count(e.label) > 0;
        const ImU32 col = hidden ? IM_COL32(190, 194, 202, 255) : e.color;
        const float cy = (e.rect.Min.y + e.rect.Max.y) / 2;
        const ImVec2 s0(e.rect.Min.x + pad, cy), s1(e.rect.Min.x + pad + swatch, cy);
        if (e.kind == Kind::Band || e.kind == Kind::Heatmap)
            dl->AddRectFilled(ImVec2(s0.x, cy - em() * 0.3f), ImVec2(s1.x, cy + em() * 0.3f), with_alpha(col, 0.35f));
        else if (e.kind == Kind::Scatter)
            draw_marker(dl, ImVec2((s0.x + s1.x) / 2, cy), Marker::Circle, em() * 0.28f, col);
        else if (e.dashed)
            dashed_polyline(dl, {s0, s1}, col, 2.0f);
        else
            dl->AddLine(s0, s1, col, 2.5f);
        dl->AddText(ImVec2(s1.x + pad, cy - ImGui::GetTextLineHeight() / 2),
                    hidden ? IM_COL32(150, 155, 165, 255) : kAxisText, e.label.c_str());
    }
}

// The nearest visible data point to the mouse, in screen space.
struct Nearest {
    const Item* item = nullptr;
    size_t index = 0;
    float dist2 = INFINITY;
};

Nearest nearest_point(const Frame& f, const PlotState& st, ImVec2 mouse) {
    Nearest n;
    for (const Item& it : g_plot.items) {
        if (!visible(it, st) || (it.kind != Kind::Line && it.kind != Kind::Scatter) || !in_legend(it)) continue;
        for (size_t i = it.begin; i < it.begin + it.count; ++i) {
            if (!std::isfinite(g_plot.x[i] + g_plot.y[i])) continue;
            const ImVec2 p = to_screen(f, g_plot.x[i], g_plot.y[i]);
            const float d2 = (p.x - mouse.x) * (p.x - mouse.x) + (p.y - mouse.y) * (p.y - mouse.y);
            if (d2 < n.dist2) n = {&it, i, d2};
        }
    }
    return n;
}

void hover(ImDrawList* dl, const Frame& f, const PlotState& st, ImVec2 mouse) {
    const AxisSetup& ax = g_plot.axes[X];
    const AxisSetup& ay = g_plot.axes[Y];
    dashed_polyline(dl, {ImVec2(mouse.x, f.area.Min.y), ImVec2(mouse.x, f.area.Max.y)}, IM_COL32(120, 126, 138, 160), 1.0f);
    dashed_polyline(dl, {ImVec2(f.area.Min.x, mouse.y), ImVec2(f.area.Max.x, mouse.y)}, IM_COL32(120, 126, 138, 160), 1.0f);

    const Nearest n = nearest_point(f, st, mouse);
    const float reach = em() * 2.5f;
    std::string series, xs, ys, extra;
    if (n.item && n.dist2 <= reach * reach) {
        const ImVec2 p = to_screen(f, g_plot.x[n.index], g_plot.y[n.index]);
        dl->AddCircle(p, em() * 0.5f, n.item->style.color, 20, 2.0f);
        series = n.item->label;
        xs = scaling::format_value(inv(ax, g_plot.x[n.index]), ax.format);
        ys = scaling::format_value(inv(ay, g_plot.y[n.index]), ay.format);
        const size_t k = n.index - n.item->begin;
        if (k < n.item->point_labels.size()) extra = n.item->point_labels[k];
    } else {
        // No point near: read the cursor's position, and a heatmap's value under it.
        const double tx = screen_to_tx(f, mouse.x), ty = screen_to_ty(f, mouse.y);
        xs = scaling::format_value(inv(ax, tx), ax.format);
        ys = scaling::format_value(inv(ay, ty), ay.format);
        for (const Item& it : g_plot.items) {
            const scaling::Grid* g = it.heatmap.grid;
            if (it.kind != Kind::Heatmap || !g || !visible(it, st)) continue;
            const int i = static_cast<int>(std::lround((tx - g->x0) / (g->x1 - g->x0) * (g->nx - 1)));
            const int j = static_cast<int>(std::lround((ty - g->y0) / (g->y1 - g->y0) * (g->ny - 1)));
            if (i < 0 || j < 0 || i >= g->nx || j >= g->ny || !std::isfinite(g->at(i, j))) continue;
            series = it.label;
            extra = std::string(it.heatmap.z_label) + " " + scaling::format_value(g->at(i, j), it.heatmap.z_format);
        }
    }
    sem::tooltip("%s%s%s: %s\n%s: %s%s%s", series.c_str(), series.empty() ? "" : "\n", ax.label.c_str(), xs.c_str(),
                 ay.label.c_str(), ys.c_str(), extra.empty() ? "" : "\n", extra.c_str());
    ui_probe::record_text(("hover:" + g_plot.shown).c_str(), series + " | " + xs + " | " + ys + (extra.empty() ? "" : " | " + extra));
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The plot's series as CSV: one row per point, in data units.
std::string plot_csv() {
    const AxisSetup& ax = g_plot.axes[X];
    const AxisSetup& ay = g_plot.axes[Y];
    std::string out = "series," + csv_field(ax.label) + "," + csv_field(ay.label) + ",upper\n";
    char buf[128];
    for (const Item& it : g_plot.items) {
        if (it.kind != Kind::Line && it.kind != Kind::Scatter && it.kind != Kind::Band) continue;
        for (size_t i = it.begin; i < it.begin + it.count; ++i) {
            const double y2 = it.kind == Kind::Band ? inv(ay, g_plot.y2[i]) : NAN;
            std::snprintf(buf, sizeof buf, ",%.6g,%.6g,", inv(ax, g_plot.x[i]), inv(ay, g_plot.y[i]));
            out += csv_field(it.label.rfind("##", 0) == 0 ? it.label.substr(2) : it.label) + buf;
            if (std::isfinite(y2)) {
                std::snprintf(buf, sizeof buf, "%.6g", y2);
                out += buf;
            }
            out += "\n";
        }
    }
    return out;
}

// A fingerprint of the series (FNV-1a over labels and points): the figure's CSV is remade only when
// it changes, not on every frame.
uint64_t series_key() {
    uint64_t h = 1469598103934665603ull;
    const auto mix = [&](const void* p, size_t n) {
        for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
    };
    for (const Item& it : g_plot.items) {
        mix(it.label.data(), it.label.size());
        mix(&it.count, sizeof it.count);
    }
    for (const std::vector<double>* v : {&g_plot.x, &g_plot.y, &g_plot.y2})
        if (!v->empty()) mix(v->data(), v->size() * sizeof(double));
    for (const AxisSetup& a : g_plot.axes) mix(a.label.data(), a.label.size());
    return h;
}

// One sentence for a screen reader: what is plotted against what, and which series.
std::string summary(const std::vector<std::string>& series, const PlotState& st, const double* v) {
    std::string out = g_plot.axes[Y].label + " against " + g_plot.axes[X].label;
    if (!series.empty()) {
        out += "; " + std::to_string(series.size()) + (series.size() == 1 ? " series: " : " series: ");
        for (size_t i = 0; i < series.size(); ++i) out += (i ? ", " : "") + series[i];
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "; %s from %.3g to %.3g.", st.user_view ? "zoomed to x" : "x", inv(g_plot.axes[X], v[0]),
                  inv(g_plot.axes[X], v[1]));
    return out + buf + " Its data is in the table below.";
}

std::string file_name(const std::string& title) {
    std::string out;
    for (char c : title) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (keep) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "plot" : out;
}

void draw_colorbar(ImDrawList* dl, const Frame& f, const Item& it) {
    const ImRect bar(ImVec2(f.area.Max.x + em() * 0.8f, f.area.Min.y), ImVec2(f.area.Max.x + em() * 1.6f, f.area.Max.y));
    const int steps = 64;
    for (int s = 0; s < steps; ++s) {
        const scaling::Rgb c = scaling::viridis((s + 0.5) / steps);
        const float y1 = bar.Max.y - bar.GetHeight() * s / steps, y0 = bar.Max.y - bar.GetHeight() * (s + 1) / steps;
        dl->AddRectFilled(ImVec2(bar.Min.x, y0), ImVec2(bar.Max.x, y1 + 0.5f),
                          ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1)));
    }
    dl->AddRect(bar.Min, bar.Max, kFrame);
    AxisSetup za;
    za.format = it.heatmap.z_format;
    const auto ticks = fitted_ticks(za, it.heatmap.z_min, it.heatmap.z_max, bar.GetHeight(), false);
    for (const scaling::Tick& t : ticks) {
        if (!t.major) continue;
        const float y = bar.Max.y - static_cast<float>((t.value - it.heatmap.z_min) / (it.heatmap.z_max - it.heatmap.z_min)) * bar.GetHeight();
        dl->AddLine(ImVec2(bar.Max.x, y), ImVec2(bar.Max.x + em() * 0.25f, y), kFrame);
        dl->AddText(ImVec2(bar.Max.x + em() * 0.35f, y - ImGui::GetTextLineHeight() / 2), kTickText, t.label.c_str());
    }
    dl->AddText(ImVec2(bar.Min.x, f.area.Min.y - ImGui::GetTextLineHeight() * 1.2f), kAxisText, it.heatmap.z_label);
}

}  // namespace

// [SECTION] Public API: submission

ImU32 PaletteColor(int i) {
    // Tableau 10, then two darker tones so a dozen series stay apart.
    static const ImU32 kPalette[12] = {
        IM_COL32(78, 121, 167, 255),  IM_COL32(225, 87, 89, 255),  IM_COL32(89, 161, 79, 255),
        IM_COL32(242, 142, 43, 255),  IM_COL32(176, 122, 161, 255), IM_COL32(118, 183, 178, 255),
        IM_COL32(237, 201, 72, 255),  IM_COL32(255, 157, 167, 255), IM_COL32(156, 117, 95, 255),
        IM_COL32(186, 176, 172, 255), IM_COL32(70, 70, 70, 255),    IM_COL32(23, 150, 190, 255)};
    return kPalette[((i % 12) + 12) % 12];
}

bool BeginPlot(const char* title, ImVec2 size) {
    IM_ASSERT(!g_building && "EndPlot missing");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x;
    if (size.y <= 0) size.y = std::min(size.x * 0.62f, std::max(em() * 16, ImGui::GetIO().DisplaySize.y * 0.7f));
    const ImGuiID id = ImGui::GetID(title);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // As ImPlot's ItemAdd: a plot with no area, or wholly outside the window's visible region, only
    // takes its place in the layout. That place counts the legend rows it had below it when last
    // drawn, so scrolling it out of view moves nothing after it; a plot never drawn yet is drawn
    // once wherever it is, to learn them.
    const auto known = g_states.find(id);
    const float below = known != g_states.end() ? known->second.legend_h : 0.0f;
    const ImVec2 place(std::max(size.x, 0.0f), std::max(size.y, 0.0f) + below);
    const bool clipped = known != g_states.end() && !ImGui::IsRectVisible(pos, ImVec2(pos.x + place.x, pos.y + place.y));
    if (size.x <= 0 || size.y <= 0 || clipped) {
        ImGui::Dummy(place);
        return false;
    }
    g_plot = Building();
    g_plot.title = title;
    g_plot.shown = g_plot.title.substr(0, g_plot.title.find("##"));
    g_plot.id = id;
    g_plot.pos = pos;
    g_plot.size = size;
    g_building = true;
    return true;
}

void SetupAxis(Axis axis, const char* label, AxisScale scale, AxisFormat format) {
    if (!setup_open()) return;
    AxisSetup& a = g_plot.axes[axis];
    a.label = label;
    a.scale = scale;
    a.format = format;
}

void SetupAxisLimits(Axis axis, double lo, double hi) {
    if (!setup_open()) return;
    AxisSetup& a = g_plot.axes[axis];
    a.has_limits = true;
    a.lo = fwd(a, lo);
    a.hi = fwd(a, hi);
}

void SetupLegendNorthEast() {
    if (setup_open()) g_plot.legend_ne = true;
}

void SetupFinish() {
    IM_ASSERT_USER_ERROR(g_building, "SetupFinish outside BeginPlot/EndPlot");
    g_plot.setup_locked = true;
}

void PlotLine(const char* label, const double* xs, const double* ys, int count, const Style& style) {
    Item& it = add_item(Kind::Line, label, style);
    push_points(it, xs, ys, nullptr, count);
}

void PlotScatter(const char* label, const double* xs, const double* ys, int count, const Style& style,
                 const std::vector<std::string>* point_labels) {
    Item& it = add_item(Kind::Scatter, label, style);
    push_points(it, xs, ys, nullptr, count);
    if (point_labels) it.point_labels = *point_labels;
}

void PlotBand(const char* label, const double* xs, const double* y_lo, const double* y_hi, int count,
              const Style& style) {
    Item& it = add_item(Kind::Band, label, style);
    push_points(it, xs, y_lo, y_hi, count);
}

void PlotRefLine(const char* label, Axis axis, double value, const Style& style) {
    Item& it = add_item(Kind::RefLine, label, style);
    it.axis = axis;
    it.value = fwd(g_plot.axes[axis], value);
}

void PlotText(double x, double y, const char* text, ImVec2 offset_em, ImU32 color) {
    Style s;
    s.color = color;
    Item& it = add_item(Kind::Text, "", s);
    push_points(it, &x, &y, nullptr, 1);
    it.text = text;
    it.offset_em = offset_em;
}

void PlotHeatmap(const char* label, const Heatmap& heatmap) {
    Item& it = add_item(Kind::Heatmap, label, Style{IM_COL32(68, 1, 84, 255)});
    it.heatmap = heatmap;
}

void PlotContours(const char* label, const std::vector<scaling::ContourLevel>* levels, AxisFormat level_format,
                  const Style& style) {
    Item& it = add_item(Kind::Contours, label, style);
    it.contours = levels;
    it.level_format = level_format;
}

// [SECTION] EndPlot

void EndPlot() {
    IM_ASSERT(g_building && "BeginPlot missing");
    g_building = false;
    PlotState& st = g_states[g_plot.id];
    ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line_h = ImGui::GetTextLineHeight();

    const Item* heat = nullptr;
    for (const Item& it : g_plot.items)
        if (it.kind == Kind::Heatmap && visible(it, st)) heat = &it;

    // View: the user's zoom/pan, else the automatic one.
    Frame f;
    f.outer = ImRect(g_plot.pos, ImVec2(g_plot.pos.x + g_plot.size.x, g_plot.pos.y + g_plot.size.y));
    double autov[4];
    auto_view(st, autov);
    for (int i = 0; i < 4; ++i) f.v[i] = st.user_view ? st.view[i] : autov[i];

    // Layout: title row, y-axis label row, plot area, x tick labels and x-axis label.
    std::vector<LegendEntry> legend = collect_legend();
    g_legend_outside = g_plot.size.x < em() * 30 || legend.size() > kMaxInsideEntries;
    // An outside legend adds its rows below the size asked for, so the axes keep their height.
    const float legend_h = legend_outside() ? legend_rows(legend, g_plot.size.x) * line_h * 1.25f : 0.0f;
    g_plot.size.y += legend_h;
    f.outer.Max.y += legend_h;
    st.legend_h = legend_h;
    // The title row holds the export buttons: small ones for a mouse, a finger's size on touch.
    const float title_h = g_touch_targets ? ImGui::GetFrameHeight() + line_h * 0.3f : line_h * 1.5f;
    const float top = f.outer.Min.y + title_h + line_h * 1.3f;
    const float bottom = f.outer.Max.y - line_h * 2.6f - legend_h;
    f.colorbar_w = heat ? em() * 5.0f : em() * 0.8f;
    f.yt = fitted_ticks(g_plot.axes[Y], f.v[2], f.v[3], bottom - top, false);
    float label_w = 0;
    for (const scaling::Tick& t : f.yt)
        if (t.major) label_w = std::max(label_w, ImGui::CalcTextSize(t.label.c_str()).x);
    f.area = ImRect(ImVec2(f.outer.Min.x + label_w + em() * 0.8f, top), ImVec2(f.outer.Max.x - f.colorbar_w, bottom));
    if (f.area.GetWidth() < em() * 4 || f.area.GetHeight() < em() * 3) {
        ImGui::Dummy(g_plot.size);
        return;
    }
    f.xt = fitted_ticks(g_plot.axes[X], f.v[0], f.v[1], f.area.GetWidth(), true);

    // [Interaction] The area is one invisible button: it owns drags, so a pan never scrolls the page.
    place_legend(legend, f, bottom + line_h * 2.6f);
    ImGui::SetCursorScreenPos(f.area.Min);
    ImGui::PushID(static_cast<int>(g_plot.id));
    ImGui::InvisibleButton("##plot_area", f.area.GetSize());
    ImGui::PopID();
    const ImGuiID area_id = ImGui::GetItemID();
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered) ImGui::SetItemUsingMouseWheel();
    // A click gives the plot the wheel (where the page scrolls, as embedded maps do); Escape or a
    // click elsewhere gives it back.
    if (ImGui::IsItemClicked()) st.engaged = true;
    else if (st.engaged && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !f.outer.Contains(io.MousePos)) st.engaged = false;
    if (st.engaged && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) st.engaged = false;
    bool on_legend = false;
    for (const LegendEntry& e : legend) on_legend = on_legend || e.rect.Contains(io.MousePos);
    auto take_view = [&] {
        if (!st.user_view) std::copy(f.v, f.v + 4, st.view);
        st.user_view = true;
    };
    // A double click or tap resets the view; a gesture's last movement in the same frame must not
    // take it back.
    const bool reset = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    // Legend entries toggle on click, inside the plot or below it.
    const bool in_outer = f.outer.Contains(io.MousePos) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (on_legend && in_outer && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        for (const LegendEntry& e : legend)
            if (e.rect.Contains(io.MousePos)) {
                if (!st.hidden.erase(e.label)) st.hidden.insert(e.label);
            }
    } else if (reset) {
        st.user_view = false;  // back to the automatic view
    } else if (active && !on_legend && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) &&
               ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
        take_view();
        pan(st.view, f, io.MouseDelta);
    }
    if (hovered && io.MouseWheel != 0) {
        take_view();
        const double factor = std::pow(0.85, io.MouseWheel);
        zoom_about(st.view, X, screen_to_tx(f, io.MousePos.x), factor);
        zoom_about(st.view, Y, screen_to_ty(f, io.MousePos.y), factor);
    }
    if (g_gesture.active && !reset && f.area.Contains(g_gesture.centre)) {
        take_view();
        const double factor = g_gesture.scale > 0 ? 1.0 / g_gesture.scale : 1.0;
        zoom_about(st.view, X, screen_to_tx(f, g_gesture.centre.x), factor);
        zoom_about(st.view, Y, screen_to_ty(f, g_gesture.centre.y), factor);
        pan(st.view, f, g_gesture.pan);
        g_gesture.active = false;
    }
    if (st.user_view) std::copy(st.view, st.view + 4, f.v);  // this frame shows the change at once

    // [Drawing] Frame, grid, items (clipped), ticks and labels, legend, hover.
    const std::string& title = g_plot.shown;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons_w = ImGui::CalcTextSize("PNG").x + ImGui::CalcTextSize("CSV").x + style.FramePadding.x * 4 +
                            style.ItemSpacing.x;
    {
        // The title gives way to the export buttons on narrow screens: cut with an ellipsis.
        const ImVec2 t0(f.outer.Min.x, f.outer.Min.y + (g_touch_targets ? (ImGui::GetFrameHeight() - line_h) / 2 : line_h * 0.2f));
        const float limit = f.outer.Max.x - buttons_w - em() * 0.5f;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAxisText));
        ImGui::RenderTextEllipsis(dl, t0, ImVec2(limit, t0.y + line_h), limit, limit, title.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
    }
    dl->AddText(ImVec2(f.area.Min.x - label_w - em() * 0.8f, top - line_h * 1.25f), kTickText,
                g_plot.axes[Y].label.c_str());
    dl->AddRectFilled(f.area.Min, f.area.Max, kPlotBg);
    dl->PushClipRect(f.area.Min, f.area.Max, true);
    for (int pass = 0; pass < 2; ++pass) {  // minors under majors
        for (const scaling::Tick& t : f.xt) {
            if (t.major != (pass == 1)) continue;
            const float x = to_screen(f, fwd(g_plot.axes[X], t.value), f.v[2]).x;
            dl->AddLine(ImVec2(x, f.area.Min.y), ImVec2(x, f.area.Max.y), t.major ? kGridMajor : kGridMinor);
        }
        for (const scaling::Tick& t : f.yt) {
            if (t.major != (pass == 1)) continue;
            const float y = to_screen(f, f.v[0], fwd(g_plot.axes[Y], t.value)).y;
            dl->AddLine(ImVec2(f.area.Min.x, y), ImVec2(f.area.Max.x, y), t.major ? kGridMajor : kGridMinor);
        }
    }
    draw_items(dl, f, st);
    dl->PopClipRect();
    dl->AddRect(f.area.Min, f.area.Max, kFrame);
    for (const scaling::Tick& t : f.xt) {
        const float x = to_screen(f, fwd(g_plot.axes[X], t.value), f.v[2]).x;
        dl->AddLine(ImVec2(x, f.area.Max.y), ImVec2(x, f.area.Max.y + em() * (t.major ? 0.3f : 0.18f)), kFrame);
        if (!t.major) continue;
        const float w = ImGui::CalcTextSize(t.label.c_str()).x;
        dl->AddText(ImVec2(x - w / 2, f.area.Max.y + em() * 0.35f), kTickText, t.label.c_str());
    }
    for (const scaling::Tick& t : f.yt) {
        const float y = to_screen(f, f.v[0], fwd(g_plot.axes[Y], t.value)).y;
        dl->AddLine(ImVec2(f.area.Min.x - em() * (t.major ? 0.3f : 0.18f), y), ImVec2(f.area.Min.x, y), kFrame);
        if (!t.major) continue;
        const float w = ImGui::CalcTextSize(t.label.c_str()).x;
        dl->AddText(ImVec2(f.area.Min.x - em() * 0.4f - w, y - line_h / 2), kTickText, t.label.c_str());
    }
    const float xw = ImGui::CalcTextSize(g_plot.axes[X].label.c_str()).x;
    dl->AddText(ImVec2((f.area.Min.x + f.area.Max.x - xw) / 2, f.area.Max.y + line_h * 1.45f), kTickText,
                g_plot.axes[X].label.c_str());
    if (heat) draw_colorbar(dl, f, *heat);
    draw_legend(dl, legend, st);
    if (hovered && !on_legend && !active) hover(dl, f, st, io.MousePos);

    // Export buttons in the title row, right-aligned.
    ImGui::PushID(static_cast<int>(g_plot.id));
    ImGui::SetCursorScreenPos(ImVec2(f.outer.Max.x - buttons_w, f.outer.Min.y));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, g_touch_targets ? style.FramePadding.y : em() * 0.12f));
    const auto button = [&](const char* label) {
        const bool clicked = g_touch_targets ? ImGui::Button(label) : ImGui::SmallButton(label);
        return sem::button(std::string("Download ") + label + " of " + title) || clicked;
    };
    if (button("PNG")) g_exports.push_back({ExportRequest::Png, file_name(title), ImVec4(f.outer.Min.x, f.outer.Min.y, f.outer.Max.x, f.outer.Max.y), {}});
    ui_probe::record_last_item(("png:" + title).c_str());
    ImGui::SameLine();
    if (button("CSV")) g_exports.push_back({ExportRequest::Csv, file_name(title), {}, plot_csv()});
    ui_probe::record_last_item(("csv:" + title).c_str());
    ImGui::PopStyleVar();
    ImGui::PopID();

    // Tests find the plot, its view and its visible series by the title.
    char view_text[160];
    std::snprintf(view_text, sizeof view_text, "%.6g %.6g %.6g %.6g", inv(g_plot.axes[X], f.v[0]),
                  inv(g_plot.axes[X], f.v[1]), inv(g_plot.axes[Y], f.v[2]), inv(g_plot.axes[Y], f.v[3]));
    ui_probe::record_text(("view:" + title).c_str(), view_text);
    std::string shown;
    for (const LegendEntry& e : legend)
        if (!st.hidden.count(e.label)) shown += (shown.empty() ? "" : ";") + e.label;
    ui_probe::record_text(("series:" + title).c_str(), shown);
    ImGui::SetCursorScreenPos(f.area.Min);
    ImGui::Dummy(f.area.GetSize());
    ui_probe::record_last_item(("plot:" + title).c_str());
    for (const LegendEntry& e : legend) {
        ImGui::SetCursorScreenPos(e.rect.Min);
        ImGui::Dummy(e.rect.GetSize());
        ui_probe::record_last_item(("legend:" + title + ":" + e.label).c_str());
    }

    // The figure's node: its summary and data for a screen reader, and whether it takes the wheel.
    std::vector<std::string> series;
    for (const LegendEntry& e : legend)
        if (!st.hidden.count(e.label)) series.push_back(e.label);
    const uint64_t key = series_key();
    if (key != st.csv_key || st.csv.empty()) {
        st.csv = plot_csv();
        st.csv_key = key;
    }
    ImGui::SetCursorScreenPos(f.area.Min);
    ImGui::Dummy(f.area.GetSize());
    if (sem::figure(area_id, title, f.outer.Min, f.outer.Max, summary(series, st, f.v), st.csv, &st.engaged)) {
        // The wheel came over the plot without a click: say how to zoom, as embedded maps do.
        const char* hint = "Click the plot (or hold Ctrl) to zoom with the wheel";
        const ImVec2 size = ImGui::CalcTextSize(hint);
        const ImVec2 c = f.area.GetCenter();
        const ImVec2 pad(em() * 0.8f, em() * 0.5f);
        const ImVec2 a(c.x - size.x / 2 - pad.x, c.y - size.y / 2 - pad.y), b(c.x + size.x / 2 + pad.x, c.y + size.y / 2 + pad.y);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(a, b, IM_COL32(31, 35, 40, 220), em() * 0.4f);
        fg->AddText(ImVec2(a.x + pad.x, a.y + pad.y), IM_COL32(255, 255, 255, 255), hint);
    }

    ImGui::SetCursorScreenPos(g_plot.pos);
    ImGui::Dummy(g_plot.size);
}

// [SECTION] Platform hooks

void SetTouchTargets(bool touch) { g_touch_targets = touch; }

void FeedGesture(const Gesture& gesture) { g_gesture = gesture; }

void SetTextureUploader(TextureUploader uploader) { g_uploader = uploader; }

ImTextureID UploadTexture(const unsigned char* rgba, int width, int height, ImTextureID previous) {
    return g_uploader ? g_uploader(rgba, width, height, previous) : nullptr;
}

std::vector<ExportRequest> TakeExports() { return std::exchange(g_exports, {}); }

}  // namespace plot
