// plot.hpp: a small plotting layer on ImDrawList, in ImPlot's shape (ImPlot itself is not in our
// registries). BeginPlot -> SetupAxis* -> Plot* -> EndPlot; items are recorded as they are
// submitted and everything that needs all of them (auto-fit, ticks, legend, hover) is resolved in
// EndPlot. Tick locations and labels come from core/axis.hpp, so they are unit-tested without a window.
//
// Interaction: legend entries toggle their series (a legend below a narrow plot folds behind a
// "Legend" button, closed at first when it would take over a third of the plot's height); hover shows a crosshair and the nearest point's
// values in axis units; the wheel (or a pinch fed through FeedGesture) zooms about the pointer; a
// drag pans; a double click or double tap restores the automatic view.
#pragma once
#include <string>
#include <vector>

#include "core/axis.hpp"
#include "core/contour.hpp"
#include "imgui.h"

namespace plot {

using scaling::AxisFormat;
using scaling::AxisScale;

enum Axis { X = 0, Y = 1 };
enum class Marker { None, Circle, Square, Diamond };

// How an item looks. Zero means default (sokol-style): colour 0 takes the next palette colour.
struct Style {
    ImU32 color = 0;
    float weight = 2.0f;        // line width in display units
    bool dashed = false;
    Marker marker = Marker::None;
    float marker_size = 4.0f;   // radius in display units
    float fill_alpha = 0.16f;   // for bands
    bool labels_on_hover = false;  // scatter: point labels only in the hover read-out (crowded sets)
};

// A colour-mapped field drawn as one texture. The grid's coordinates are log10 or linear in the
// axes' own transform (they are handed to the plot in transformed units).
struct Heatmap {
    ImTextureID texture = nullptr;     // from UploadTexture
    const scaling::Grid* grid = nullptr;  // for the hover read-out and the extent
    double z_min = 0, z_max = 1;       // colour bar range
    AxisFormat z_format = AxisFormat::Plain;
    const char* z_label = "";
};

// Begins a plot `title` wide as `size.x` (<= 0: all available) and high as `size.y` (<= 0: 0.62 x
// width, clamped to the screen). Returns false when nothing is to be drawn: the plot has no area,
// or lies wholly outside the window's visible region (it still takes its place in the layout).
// Then submit nothing and skip EndPlot.
bool BeginPlot(const char* title, ImVec2 size = ImVec2(0, 0));
// Setup: only between BeginPlot and the first Plot* call (or SetupFinish), which lock it; a later
// call is a user error (IM_ASSERT_USER_ERROR, ignored where asserts are off).
void SetupAxis(Axis axis, const char* label, AxisScale scale, AxisFormat format);
// The default view of an axis, instead of fitting the data.
void SetupAxisLimits(Axis axis, double lo, double hi);
void SetupLegendNorthEast();  // legend at the top right instead of the top left
void SetupFinish();           // locks the setup before the first item (optional, as in ImPlot)

void PlotLine(const char* label, const double* xs, const double* ys, int count, const Style& style = {});
// Markers; `point_labels` (count entries, may be empty strings) are written beside each marker, or
// only shown on hover with Style::labels_on_hover.
void PlotScatter(const char* label, const double* xs, const double* ys, int count, const Style& style = {},
                 const std::vector<std::string>* point_labels = nullptr);
// A filled band between y_lo and y_hi.
void PlotBand(const char* label, const double* xs, const double* y_lo, const double* y_hi, int count,
              const Style& style = {});
// A reference line across the plot: vertical at x = value (axis X) or horizontal at y = value (axis Y).
void PlotRefLine(const char* label, Axis axis, double value, const Style& style = {});
void PlotText(double x, double y, const char* text, ImVec2 offset_em = ImVec2(0.4f, -1.2f), ImU32 color = 0);
void PlotHeatmap(const char* label, const Heatmap& heatmap);
// Iso-lines (in the axes' transformed units, as from core/contour.hpp) with their level written on them.
void PlotContours(const char* label, const std::vector<scaling::ContourLevel>* levels, AxisFormat level_format,
                  const Style& style = {});
void EndPlot();

// The palette: colour i of twelve (Tableau 10, distinct for colour-blind readers, and two more).
ImU32 PaletteColor(int i);

// [SECTION] Platform hooks
// Two-finger gestures from a touch screen, in display units: the web entry feeds one per frame.
struct Gesture {
    bool active = false;
    ImVec2 centre;              // between the fingers
    float scale = 1.0f;         // finger distance now / last frame
    ImVec2 pan;                 // centre movement since last frame
};
void FeedGesture(const Gesture& gesture);
// Touch screens: the export buttons become full frame-height buttons (a finger needs 44 px; the
// theme sets the frame height) and the title row grows to hold them.
void SetTouchTargets(bool touch);

// Textures for heatmaps: the native and web entries upload RGBA through OpenGL; headless tests
// install a stub. `previous` (may be null) is replaced and freed.
using TextureUploader = ImTextureID (*)(const unsigned char* rgba, int width, int height, ImTextureID previous);
void SetTextureUploader(TextureUploader uploader);
ImTextureID UploadTexture(const unsigned char* rgba, int width, int height, ImTextureID previous);

// Export buttons record what was asked; the app takes the requests once a frame, after the frame
// is rendered (a PNG needs its pixels), and hands them to the platform. `rect` is the plot's
// rectangle in display units; `csv` its series.
struct ExportRequest {
    enum Kind { Png, Csv } kind = Png;
    std::string name;   // file name without extension, from the plot title
    ImVec4 rect;        // x0, y0, x1, y1
    std::string csv;
};
std::vector<ExportRequest> TakeExports();  // the requests since the last call, oldest first

}  // namespace plot
