// view_allocator.cpp: the Allocator view: a FLOP budget and a law in; N, D, tokens/param and
// loss out; then every built-in law at the same budget, so their disagreement is visible.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/allocation.hpp"
#include "core/compute.hpp"
#include "core/hyper.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::Unit;

void budget_card(app::State& s, const app::Fonts& f, float width) {
    widgets::card_begin(width);
    const float inner = width - 2 * ImGui::GetFontSize();

    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Training compute");
    ImGui::PopFont();
    controls::budget_input(s, inner);
    if (s.budget_error.empty()) {
        const std::string echo = scaling::format_quantity(s.flops, Unit::Flop) + "  =  " +
                                 scaling::format_count(s.flops / scaling::kFlopPerPfDay) + " PF-days";
        widgets::dim_text_wrapped(echo.c_str());
    }
    controls::budget_slider(s, f, inner);
    controls::budget_presets(s, inner);
    // The budget can also come from hardware: GPUs x days x MFU, or dollars.
    if (widgets::small_button("From GPUs, days or dollars...")) s.requested_view = app::kBudget;

    ImGui::Spacing();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Scaling law");
    ImGui::PopFont();
    controls::law_combo(s, inner);
    controls::law_settings(s, inner);
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(app::current_law(s).citation.c_str());
    ImGui::PopFont();
    widgets::card_end();
}

// The learning rate and batch the budget calls for, beside the model it sizes (`scaling hyper`):
// DeepSeek 2024's laws in C and Kaplan 2020's critical batch at the law's loss.
void hyper_rows(const app::Fonts& f, float width, const scaling::Law& law, double flops) {
    const scaling::Result<scaling::HyperParams> h = scaling::hyper_params(law, flops);
    if (!h.ok()) return;
    const scaling::HyperParams& v = h.value;
    ImGui::Spacing();
    widgets::heading(f.bold, "Training settings");
    const std::string values[] = {scaling::format_scientific(v.learning_rate, 3), scaling::format_count(v.batch_tokens),
                                  v.has_steps ? scaling::format_count(v.steps) : "n/a",
                                  v.has_critical_batch ? scaling::format_count(v.critical_batch_tokens) : "n/a"};
    const char* captions[] = {"Learning rate", "Batch (tokens)", "Steps", "Critical batch"};
    const char* names[] = {"learning_rate", "batch_tokens", "steps", "critical_batch_tokens"};
    const int per_row = width > ImGui::GetFontSize() * 30 ? 4 : 2;
    widgets::stat_row(captions, values, names, 4, per_row, width, f.small, f.bold);
    widgets::note(f.small, "Learning rate 0.3118 C^-0.125 and batch 0.2920 C^0.3271 tokens: DeepSeek LLM 2024 "
                           "(arXiv 2401.02954, Eq. 1). Critical batch 2e8 / L^(1/0.21) tokens at the loss above: "
                           "Kaplan et al. 2020 (Eq. 1.4).");
    for (const std::string& w : v.warnings) widgets::note(f.small, w.c_str());
}

void result_card(app::State& s, const app::Fonts& f, float width, const scaling::Law& law,
                 const scaling::Result<scaling::Allocation>& r, bool with_hyper) {
    widgets::card_begin(width);
    const float inner = width - 2 * ImGui::GetFontSize();
    ImGui::PushFont(f.bold);
    widgets::text_wrapped("Compute-optimal under %s", law.name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(law.form.c_str());
    ImGui::PopFont();
    ImGui::Spacing();

    if (!r.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", r.error.c_str());
        ui_probe::record_text("result_error", r.error);
        ImGui::PopStyleColor();
    } else {
        const scaling::Allocation& a = r.value;
        // DeepSeek without M/N answers in FLOP per token: show that, labelled, in the parameters' place.
        const std::string params = a.has_params ? scaling::format_count(a.params) : scaling::format_scientific(a.flops_per_token);
        const std::string tokens = scaling::format_count(a.tokens);
        const std::string ratio = a.has_params ? scaling::format_count(a.tokens_per_param) : "n/a";
        const std::string loss = a.has_loss ? scaling::format_fixed(a.loss, 3) : "none";
        const char* captions[] = {a.has_params ? "Parameters" : "FLOP per token (M)", "Training tokens", "Tokens / param",
                                  "Loss (nats/token)"};
        const std::string* values[] = {&params, &tokens, &ratio, &loss};
        const char* probe[] = {"params", "tokens", "tokens_per_param", "loss"};
        // Four across when there is room, else two by two.
        const int cols = inner > ImGui::GetFontSize() * 30 ? 4 : 2;
        const float col_w = inner / cols;
        const float x0 = ImGui::GetCursorPosX();
        ImGui::BeginGroup();
        for (int i = 0; i < 4; ++i) {
            if (i % cols != 0) {
                ImGui::SameLine();
                ImGui::SetCursorPosX(x0 + col_w * (i % cols));
            }
            widgets::stat(captions[i], values[i]->c_str(), f.small, f.big, col_w - ImGui::GetStyle().ItemSpacing.x);
            ui_probe::record_text(probe[i], *values[i]);
        }
        ImGui::EndGroup();
        ui_probe::record_last_item("allocator_answer");
        ui_probe::record_text("law", law.id);
        ui_probe::record_text("flops", scaling::format_scientific(a.flops));
        ImGui::Spacing();
        const std::string convention = "Budget " + scaling::format_quantity(a.flops, Unit::Flop) + ": " +
                                       law.compute_convention + ".";
        widgets::dim_text_wrapped(convention.c_str());
        if (!a.has_loss) widgets::dim_text_wrapped("This law is an allocation rule: it predicts no loss.");
        caveats(scaling::caveats_of(law, a), "caveats");
        if (law.has_paper_point) {
            const std::string p = "The paper's own extrapolation: " + scaling::format_count(law.paper_params) + " params on " +
                                  scaling::format_count(law.paper_tokens) + " tokens at " +
                                  scaling::format_scientific(law.paper_flops) + " FLOP.";
            widgets::dim_text_wrapped(p.c_str());
        }
        // Beside the model on wide screens; on phones in its own card under the inputs (allocator()).
        if (with_hyper) hyper_rows(f, inner, law, a.flops);
    }
    ImGui::Spacing();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(("N counts " + law.n_counts + ". " + law.notes).c_str());
    if (!law.errata.empty()) {
        widgets::warning_text(("Erratum: " + law.errata).c_str());
        ui_probe::record_text("erratum", law.errata);
    }
    ImGui::PopFont();
    widgets::card_end();
}

void compare_card(app::State& s, const app::Fonts& f, float width) {
    widgets::card_begin(width);
    ImGui::PushFont(f.bold);
    ImGui::Text("Every law at %s", scaling::format_quantity(s.flops, Unit::Flop).c_str());
    ImGui::PopFont();
    law_table(s, f, width - 2 * ImGui::GetFontSize(), false);
    widgets::card_end();
}

}  // namespace

void allocator(app::State& s, const app::Fonts& f) {
    const scaling::Law law = app::current_law(s);
    // As the CLI and the JS API answer (core/caveats.hpp): an allocation too absurd to give is refused.
    const scaling::Result<scaling::Allocation> r = scaling::refuse_absurd(scaling::optimal(law, s.flops), "flops");

    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = em;
    if (avail >= em * 52) {
        // Wide: budget on the left, the answer on the right, the comparison below across both.
        const float left = std::max(em * 22, avail * 0.36f);
        budget_card(s, f, left);
        ImGui::SameLine(0, gap);
        result_card(s, f, avail - left - gap, law, r, true);
    } else {
        // Stacked (phones): the answer first, so it is on the first screen; the inputs under it.
        result_card(s, f, avail, law, r, false);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
        budget_card(s, f, avail);
        if (r.ok()) {
            ImGui::Dummy(ImVec2(0, gap * 0.25f));
            widgets::card_begin(avail);
            hyper_rows(f, avail - 2 * em, law, r.value.flops);
            widgets::card_end();
        }
    }
    ImGui::Dummy(ImVec2(0, gap * 0.25f));
    compare_card(s, f, avail);
}

}  // namespace views
