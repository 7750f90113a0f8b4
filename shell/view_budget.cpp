// view_budget.cpp: budgets in hardware and dollars: pick an accelerator, give three of training
// FLOP, GPUs, days and MFU and the fourth is solved (with GPU-hours and dollars); published runs as
// presets; the result can become the explorer's budget. Below: the memory a model needs to train
// and to serve, and the accelerator catalogue with its sources.
#include <algorithm>
#include <cmath>
#include <string>

#include "controls.hpp"
#include "core/allocation.hpp"
#include "core/axis.hpp"
#include "core/hardware.hpp"
#include "core/presets.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "semantics.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_scientific;

// The compute precisions in the order of their choices (core/inputs.hpp: bf16, fp8, int8); the
// weights' choices follow scaling::Dtype's own order.
const scaling::Dtype kComputeDtypes[] = {scaling::Dtype::BF16, scaling::Dtype::FP8, scaling::Dtype::INT8};

// A field's number for the solver: 0 when empty (open); the first refusal, "Label: why", in `error`.
double field_value(const app::Field& f, std::string* error) {
    if (!f.given()) return 0;
    const scaling::Result<double> r = scaling::read_number(*f.in, f.text);
    if (!r.ok() && error->empty()) *error = std::string(f.in->label) + ": " + r.error;
    return r.ok() ? r.value : 0;
}

void error_text(const std::string& e) {
    if (e.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
    widgets::text_wrapped("%s", e.c_str());
    ImGui::PopStyleColor();
}

// The hardware budget as the fields give it: three of FLOP, days, GPUs and MFU, the fourth solved.
scaling::Result<scaling::Budget> solve_hardware(app::HardwareInputs& hw) {
    const scaling::Gpu& gpu = scaling::all_gpus()[static_cast<size_t>(hw.gpu.index())];
    const int solve = hw.solve.index();
    // The solver's inputs in the order of the solve choices (flops, days, gpus, mfu).
    const app::Field* fields[] = {&hw.flops, &hw.days, &hw.gpus, &hw.mfu};
    std::string error;
    double given[4];
    for (int i = 0; i < 4; ++i) given[i] = solve == i ? 0 : field_value(*fields[i], &error);
    scaling::Budget b;
    b.gpu = &gpu;
    b.dtype = kComputeDtypes[hw.dtype.index()];
    b.flops = given[0];
    b.days = given[1];
    b.gpus = given[2];
    b.mfu = given[3];
    b.price_per_hour = field_value(hw.price, &error);
    // A dollar budget fixes GPU-hours, as the CLI's --dollars does: days follow from it and the GPUs,
    // so the open quantity is FLOP or MFU.
    if (hw.dollars.given()) {
        b.dollars = field_value(hw.dollars, &error);
        b.days = 0;
        if (error.empty() && (solve == 1 || solve == 2))
            error = "A dollar budget fixes the GPU-hours: solve for FLOP or MFU (days follow from the dollars and the "
                    "GPUs), or clear Dollars.";
    }
    if (!error.empty()) return scaling::Result<scaling::Budget>::fail(error);
    return scaling::solve_budget(b);
}

// The answer: FLOP, GPU-hours and dollars, and the button that makes the FLOP the explorer's
// budget. Wide, one line in the large font; on a phone, where that line is 500 px long, as stats.
void budget_answer(app::State& s, const app::Fonts& f, const scaling::Budget& v, float inner, bool narrow) {
    const scaling::Gpu& gpu = *v.gpu;
    ImGui::BeginGroup();
    if (narrow) {
        const char* captions[3] = {"Training FLOP", "GPU-hours", "Cost"};
        const std::string values[3] = {format_scientific(v.flops), format_count(v.gpu_hours), scaling::format_dollars(v.dollars)};
        const char* names[3] = {"budget_flops", "budget_gpu_hours", "budget_dollars"};
        widgets::stat_row(captions, values, names, 3, 3, inner, f.small, f.big);
    } else {
        const std::string summary = format_scientific(v.flops) + " FLOP  ·  " + format_count(v.gpu_hours) +
                                    " GPU-hours  ·  " + scaling::format_dollars(v.dollars);
        ImGui::PushFont(f.big);
        ImGui::TextUnformatted(summary.c_str());
        ImGui::PopFont();
    }
    ImGui::EndGroup();
    // Probed where it leads the view (phones); the wide one-liner is no control, and the browser
    // tour takes every probed rect under 44 px for a touch target too small.
    if (narrow) ui_probe::record_last_item("budget_answer");
    ui_probe::record_text("budget_flops", format_scientific(v.flops));
    ui_probe::record_text("budget_dollars", scaling::format_dollars(v.dollars));
    if (widgets::button("Use as the explorer's budget")) app::set_budget(s, v.flops);
    ui_probe::record_last_item("use_budget");
    if (!narrow) ImGui::SameLine();
    widgets::dim_text_wrapped(("FLOP = GPUs x days x 86,400 s x " + format_count(gpu.peak_flops(v.dtype) / 1e12) +
                               " TFLOPS (" + scaling::dtype_name(v.dtype) + ", dense) x MFU").c_str());
    // Issue 18, section 6: a result priced from the catalogue says when the price was read.
    const std::string priced = s.hardware.price.given()
                                   ? "Cost at your price of " + scaling::format_dollars(v.price_per_hour) + " per GPU-hour."
                                   : "Cost at " + scaling::format_dollars(v.price_per_hour) + " per GPU-hour, prices as of " +
                                         gpu.price_date + ".";
    widgets::dim_text_wrapped(priced.c_str());
    ui_probe::record_text("budget_prices_as_of", priced);
}

void hardware_card(app::State& s, const app::Fonts& f, float width, const scaling::Result<scaling::Budget>& r, bool narrow) {
    app::HardwareInputs& hw = s.hardware;
    const auto& gpus = scaling::all_gpus();
    const scaling::Gpu& gpu = gpus[static_cast<size_t>(hw.gpu.index())];
    widgets::card_begin(width);
    const float em = ImGui::GetFontSize();
    const float inner = width - 2 * em;
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Hardware budget");
    ImGui::PopFont();

    const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
    controls::choice_combo(hw.gpu, "##gpu", half, &controls::gpu_names());
    ui_probe::record_last_item("gpu_combo");
    ImGui::SameLine();
    controls::choice_combo(hw.dtype, "##dtype", half);

    // Which quantity is solved for: its field shows the answer and cannot be typed into.
    const char* solve_names[] = {"FLOP", "Days", "GPUs", "MFU"};
    // Phones: the label on its own line and the choices two by two; the fields two per row.
    ImGui::TextUnformatted(hw.solve.in->label);
    const int solve = hw.solve.index();
    for (int i = 0; i < 4; ++i) {
        if (!narrow || i % 2 == 1) ImGui::SameLine(narrow ? half + ImGui::GetStyle().WindowPadding.x : 0.0f);
        const bool clicked = ImGui::RadioButton(solve_names[i], solve == i);
        if (sem::button(solve_names[i], "button", solve == i ? 1 : 0) || clicked) hw.solve.choose(i);
    }
    app::Field* fields[] = {&hw.flops, &hw.days, &hw.gpus, &hw.mfu};

    const int per_row = narrow ? 2 : 6;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float field = (inner - spacing * (per_row - 1)) / per_row;
    // Each label-and-box group of a row starts at the row's top (placed: SameLine would lower a
    // group after a disabled one to its text baseline).
    ImVec2 row;
    const auto place = [&](int i) {
        if (i % per_row) ImGui::SetCursorPos(ImVec2(row.x + static_cast<float>(i % per_row) * (field + spacing), row.y));
        else row = ImGui::GetCursorPos();
    };
    // The fields in the row's order: FLOP, days, GPUs, MFU.
    for (int i = 0; i < 4; ++i) {
        place(i);
        if (i == solve && r.ok()) {
            // Show the solved value in the field itself, so the row always reads as one budget.
            const double x = i == 0 ? r.value.flops : i == 1 ? r.value.days : i == 2 ? r.value.gpus : r.value.mfu;
            fields[i]->text = i == 0 ? format_scientific(x) : i == 3 ? scaling::format_fixed(x, 3) : format_count(x);
        }
        // With a dollar budget the days are solved too (from the dollars and the GPUs).
        const bool from_dollars = i == 1 && hw.dollars.given();
        if (from_dollars && r.ok()) fields[i]->text = format_count(r.value.days);
        ImGui::BeginDisabled(i == solve || from_dollars);
        controls::number_field(*fields[i], field);
        ImGui::EndDisabled();
    }
    place(4);
    const std::string price_hint = scaling::format_dollars(gpu.price_per_hour);
    controls::number_field(hw.price, field, price_hint.c_str());
    place(5);
    controls::number_field(hw.dollars, field, "instead of days");

    if (!r.ok()) {
        error_text(r.error);
        ui_probe::record_text("budget_result_error", r.error);
    } else if (!narrow) {
        budget_answer(s, f, r.value, inner, false);
    }

    ImGui::Spacing();
    ImGui::TextUnformatted("Published runs");
    widgets::chip_row_begin(inner);
    for (const scaling::Preset& p : scaling::all_presets()) {
        if (!p.in_budget || !widgets::chip(p.name.c_str())) continue;
        for (size_t i = 0; i < gpus.size(); ++i)
            if (gpus[i].id == p.gpu) hw.gpu.choose(static_cast<int>(i));
        hw.dtype.text = hw.dtype.in->initial;
        hw.price.text.clear();
        hw.dollars.text.clear();  // the preset's days, not a dollar budget
        hw.gpus.text = scaling::format_significant(p.gpus, 6);
        hw.flops.text = scaling::format_significant(p.flops, 4);
        if (p.gpu_hours > 0) {
            hw.days.text = scaling::format_significant(p.gpu_hours / (24 * p.gpus), 4);
            hw.solve.text = "mfu";  // the published hours and FLOP give the MFU
        } else {
            hw.mfu.text = scaling::format_significant(p.mfu, 6);
            hw.solve.text = "days";
        }
    }
    ImGui::PushFont(f.small);
    for (const scaling::Preset& p : scaling::all_presets())
        if (p.in_budget) widgets::dim_text_wrapped((p.name + ": " + p.source).c_str());
    widgets::dim_text_wrapped(("Price: " + gpu.price_source + ", as of " + gpu.price_date + ". Throughput: " + gpu.source + ".").c_str());
    ImGui::PopFont();
    widgets::card_end();
}

void memory_card(app::State& s, const app::Fonts& f, float width) {
    app::MemoryInputs& mi = s.memory;
    const scaling::Gpu& gpu = scaling::all_gpus()[static_cast<size_t>(s.hardware.gpu.index())];
    widgets::card_begin(width);
    const float em = ImGui::GetFontSize();
    const float inner = width - 2 * em;
    ImGui::PushFont(f.bold);
    ImGui::Text("Memory on %s (%s GB)", gpu.name.c_str(), format_count(gpu.memory_gb).c_str());
    ImGui::PopFont();
    // The model defaults to the explorer's compute-optimal one.
    const auto opt = scaling::optimal(app::current_law(s), s.flops);
    const std::string hint = opt.ok() && opt.value.has_params ? format_count(opt.value.params) + " (optimal)" : "e.g. 70B";
    // Seven to a row when wide; two on a phone, where seven boxes would be 36 px each.
    const bool narrow = inner < em * 30;
    const int per_row = narrow ? 2 : 7;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float field = (inner - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    // Each box under its label as a group; a row's groups start at one height (placed, as in
    // controls::number_rows, since SameLine would lower them to the first one's text baseline).
    ImVec2 row;
    int at = 0;
    const auto place = [&] {
        if (at % per_row) ImGui::SetCursorPos(ImVec2(row.x + static_cast<float>(at % per_row) * (field + spacing), row.y));
        else row = ImGui::GetCursorPos();
        ++at;
    };
    place();
    controls::number_field(mi.params, field, hint.c_str());
    place();
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted(mi.dtype.in->label);
    ImGui::PopStyleColor();
    controls::choice_combo(mi.dtype, "##wdtype", field);
    ImGui::EndGroup();
    for (app::Field* x : {&mi.layers, &mi.kv_heads, &mi.head_dim, &mi.context, &mi.batch}) {
        place();
        controls::number_field(*x, field);
    }

    std::string error;
    scaling::MemoryInputs in;
    in.params = mi.params.given() ? field_value(mi.params, &error) : (opt.ok() && opt.value.has_params ? opt.value.params : 0);
    in.weights = static_cast<scaling::Dtype>(mi.dtype.index());  // the choices follow scaling::Dtype
    in.layers = field_value(mi.layers, &error);
    in.kv_heads = field_value(mi.kv_heads, &error);
    in.head_dim = field_value(mi.head_dim, &error);
    in.context_tokens = field_value(mi.context, &error);
    in.batch = field_value(mi.batch, &error);
    if (in.batch <= 0) in.batch = 1;  // empty: one sequence
    const scaling::Result<scaling::Memory> m = error.empty() ? scaling::memory(in, gpu)
                                                             : scaling::Result<scaling::Memory>::fail(error);
    if (!m.ok()) {
        error_text(m.error);
    } else {
        const scaling::Memory& v = m.value;
        const int cols = narrow ? 2 : 4;
        const float col = inner / static_cast<float>(cols);
        const std::string values[] = {scaling::format_fixed(v.weights_gb, 1) + " GB",
                                      scaling::format_fixed(v.training_gb, 0) + " GB",
                                      scaling::format_fixed(v.kv_cache_gb, 1) + " GB",
                                      scaling::format_count(v.gpus_to_train) + " / " + scaling::format_count(v.gpus_to_serve)};
        const char* captions[] = {"Weights", "Training state (16 B/param)", "KV cache", "GPUs to train / serve"};
        const float x0 = ImGui::GetCursorPosX();
        for (int i = 0; i < 4; ++i) {
            if (i % cols) {
                ImGui::SameLine();
                ImGui::SetCursorPosX(x0 + col * static_cast<float>(i % cols));
            }
            widgets::stat(captions[i], values[i].c_str(), f.small, f.big, col - ImGui::GetStyle().ItemSpacing.x);
        }
        ui_probe::record_text("gpus_to_serve", scaling::format_count(v.gpus_to_serve));
        ui_probe::record_text("weights_gb", scaling::format_fixed(v.weights_gb, 1));
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped(("Training state: BF16 weights 2 + BF16 gradients 2 + FP32 master weights 4 + Adam "
                                   "moments 4 + 4 = 16 bytes per parameter (ZeRO, Rajbhandari et al. 2020); activations "
                                   "excluded. KV cache: 2 x layers x KV heads x head dim x 2 bytes = " +
                                   format_count(v.kv_bytes_per_token) + " bytes per token. GPUs count " +
                                   scaling::format_fixed(in.usable_fraction * 100, 0) + "% of memory as usable.").c_str());
        ImGui::PopFont();
    }
    widgets::card_end();
}

void catalogue_card(const app::State& s, const app::Fonts& f, float width) {
    widgets::card_begin(width);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Accelerators (dense peak)");
    ImGui::PopFont();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                               ImGuiTableFlags_PadOuterX | ImGuiTableFlags_ScrollX;
    const float em = ImGui::GetFontSize();
    // Phones: each column as wide as its widest value or heading (the table scrolls sideways with
    // the accelerator's name kept in view), so no figure is cut.
    const bool narrow = width - 2 * em < em * 30;
    if (ImGui::BeginTable("gpus", 7, tf, ImVec2(width - 2 * em, 0))) {
        for (const char* h : {"Accelerator", "BF16 TFLOPS", "FP8", "INT8 TOPS", "Memory GB", "GB/s", "$/hour"})
            ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, narrow ? 0.0f : em * (h[0] == 'A' ? 13 : 6));
        if (narrow) ImGui::TableSetupScrollFreeze(1, 0);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < scaling::all_gpus().size(); ++i) {
            const scaling::Gpu& g = scaling::all_gpus()[i];
            ImGui::TableNextRow();
            if (static_cast<int>(i) == s.hardware.gpu.index()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.name.c_str());
            if (ImGui::IsItemHovered())
                sem::tooltip("%s\nPrice: %s, as of %s", g.source.c_str(), g.price_source.c_str(), g.price_date.c_str());
            for (double v : {g.bf16_tflops, g.fp8_tflops, g.int8_tops, g.memory_gb, g.bandwidth_gbs})
                number_cell("gpus", v > 0 ? format_count(v) : "-");
            number_cell("gpus", scaling::format_dollars(g.price_per_hour));
        }
        ImGui::EndTable();
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Dense throughput (without 2:4 sparsity) from each vendor's datasheet; hover a row for its "
                              "source. Prices are typical rentals, editable above.");
    ImGui::PopFont();
    widgets::card_end();
}

}  // namespace

void budget(app::State& s, const app::Fonts& f) {
    if (!scaling::hardware_error().empty()) {
        error_text("The hardware catalogue failed to load: " + scaling::hardware_error());
        return;
    }
    if (!scaling::presets_error().empty()) error_text("The published-run presets failed to load: " + scaling::presets_error());
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetFontSize() * 0.25f;
    const bool narrow = avail - 2 * ImGui::GetFontSize() < ImGui::GetFontSize() * 30;
    const scaling::Result<scaling::Budget> r = solve_hardware(s.hardware);
    if (narrow) {
        // Phones: the answer first, then the hardware it comes from; the explorer's budget and law
        // (which only the memory card reads) just above the memory card.
        if (r.ok()) {
            widgets::card_begin(avail);
            const scaling::Gpu& gpu = *r.value.gpu;
            widgets::heading(f.bold, ("Training budget on " + gpu.name).c_str());
            budget_answer(s, f, r.value, avail - 2 * ImGui::GetFontSize(), true);
            widgets::card_end();
            ImGui::Dummy(ImVec2(0, gap));
        }
        hardware_card(s, f, avail, r, true);
        ImGui::Dummy(ImVec2(0, gap));
        controls::figure_toolbar(s, f);
    } else {
        controls::figure_toolbar(s, f);
        hardware_card(s, f, avail, r, false);
    }
    ImGui::Dummy(ImVec2(0, gap));
    memory_card(s, f, avail);
    ImGui::Dummy(ImVec2(0, gap));
    catalogue_card(s, f, avail);
}

}  // namespace views
