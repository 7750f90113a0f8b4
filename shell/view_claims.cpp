// view_claims.cpp: the Claims view: numbers about scaling in circulation, each with what the chosen
// law (and the cost, serving, MoE and emergence code) computes, a verdict by a stated rule, the
// claim's source and the check's. A table on wide screens, one card per claim on phones. Everything
// shown comes from core/claims.hpp, which `scaling claims` prints too.
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/claims.hpp"
#include "core/model_shapes.hpp"
#include "imgui.h"
#include "semantics.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::CheckedClaim;
using scaling::Verdict;

// The verdict's colour; the word is always written beside it, so colour is never the only cue.
ImVec4 verdict_colour(Verdict v) {
    switch (v) {
        case Verdict::Holds: return widgets::col_accent();
        case Verdict::Roughly: return widgets::col_warning();
        case Verdict::DoesNotHold: return widgets::col_error();
        case Verdict::NotComputable: return widgets::col_dim();
    }
    return widgets::col_dim();
}

void verdict_text(const CheckedClaim& c) {
    ImGui::PushStyleColor(ImGuiCol_Text, verdict_colour(c.verdict));
    widgets::text_wrapped("%s", scaling::verdict_name(c.verdict));
    ImGui::PopStyleColor();
    if (!c.rule.empty() && ImGui::IsItemHovered()) sem::tooltip("%s", c.rule.c_str());
}

std::string sources_of(const CheckedClaim& c) {
    std::string s = std::string("Claim: ") + c.source + ". Check: " + c.check + ".";
    if (!c.rule.empty()) s += " Rule: " + c.rule;
    return s;
}

void table(const app::Fonts& f, const std::vector<CheckedClaim>& claims, float width, bool narrow) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "Claims in circulation, checked");
    const float inner = width - 2 * ImGui::GetFontSize();  // the card's content width (widgets::card_begin)
    if (!narrow && ImGui::BeginTable("claims_table", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                                     ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("What the laws compute", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 0.6f);
        ImGui::TableSetupColumn("Sources", ImGuiTableColumnFlags_WidthStretch, 1.8f);
        ImGui::TableHeadersRow();
        for (const CheckedClaim& c : claims) {
            ImGui::TableNextRow();
            ImGui::PushTextWrapPos(0.0f);  // each cell wraps at its column's edge, not the card's
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", c.claim);
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", c.computed.c_str());
            ImGui::TableNextColumn();
            verdict_text(c);
            ImGui::TableNextColumn();
            ImGui::PushFont(f.small);
            widgets::dim_text_wrapped(sources_of(c).c_str());
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    } else {
        // A phone: one block per claim, the claim in bold, its verdict, then the figures and sources.
        for (const CheckedClaim& c : claims) {
            // A rule between claims as wide as the card's content (ImGui's separator runs to the window's edge).
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + inner, at.y), widgets::col_card_border());
            ImGui::Dummy(ImVec2(inner, ImGui::GetStyle().ItemSpacing.y));
            ImGui::PushFont(f.bold);
            widgets::text_wrapped("%s", c.claim);
            ImGui::PopFont();
            verdict_text(c);
            widgets::text_wrapped("%s", c.computed.c_str());
            ImGui::PushFont(f.small);
            widgets::dim_text_wrapped(sources_of(c).c_str());
            ImGui::PopFont();
        }
    }
    for (const CheckedClaim& c : claims) {
        ui_probe::record_text((std::string("claims_verdict_") + c.id).c_str(), scaling::verdict_name(c.verdict));
        ui_probe::record_text((std::string("claims_computed_") + c.id).c_str(), c.computed);
    }
    widgets::note(f.small, "A verdict: the computed figure against the claimed range, holds within the claim's "
                           "tolerance, roughly within a wider one, each stated in the claim's rule with its reason. "
                           "\"In circulation; no primary source found\": searched for, not found.");
    widgets::card_end();
}

}  // namespace

void claims(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::ClaimsInputs& v = s.claims;
    app::Field* in[] = {&v.flops, &v.mfu, &v.price, &v.input_tokens, &v.output_tokens, &v.batch};
    constexpr int kCount = 6;
    double x[kCount] = {};

    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Read at");
        const float inner = avail - 2 * em;
        const float third = (inner - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
        controls::law_combo(s, narrow ? inner : third);
        if (!narrow) ImGui::SameLine();
        controls::labelled_choice(v.gpu, "##claims_gpu", narrow ? inner : third, &controls::gpu_names());
        if (!narrow) ImGui::SameLine();
        static const std::vector<std::string> models = scaling::model_shape_ids();
        controls::labelled_choice(v.model, "##claims_model", narrow ? inner : third, &models);
        controls::law_settings(s, inner);
        const bool valid = controls::number_rows(in, kCount, narrow ? 2 : 6, x);
        widgets::card_end();
        return valid;
    };
    const auto answer = [&] {
        scaling::ClaimsInputs ci;
        const scaling::Law law = app::current_law(s);
        ci.law = &law;
        ci.flops = x[0], ci.mfu = x[1], ci.price_per_hour = x[2];
        ci.prompt_tokens = x[3], ci.output_tokens = x[4], ci.batch = x[5];
        ci.gpu = &scaling::all_gpus()[static_cast<size_t>(v.gpu.index())];
        ci.model = v.model.in->choices()[static_cast<size_t>(v.model.index())];
        const scaling::Result<std::vector<CheckedClaim>> r = scaling::circulating_claims(ci);
        if (!r.ok()) {
            widgets::card_begin(avail);
            widgets::warning_text((r.field + ": " + r.error).c_str());
            widgets::card_end();
            return;
        }
        int counts[4] = {};
        for (const CheckedClaim& c : r.value) ++counts[static_cast<int>(c.verdict)];
        widgets::card_begin(avail);
        const char* captions[4] = {"Hold", "Roughly", "Do not hold", "Not computable"};
        const std::string values[4] = {std::to_string(counts[0]), std::to_string(counts[1]), std::to_string(counts[2]),
                                       std::to_string(counts[3])};
        const char* names[4] = {"claims_holds", "claims_roughly", "claims_fail", "claims_not_computable"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, avail - 2 * em, f.small, f.big);
        ImGui::EndGroup();
        ui_probe::record_last_item("claims_answer");
        widgets::text_wrapped("Under %s. The loss and allocation claims follow the law chosen here; the cost claims "
                              "the hardware, price and MFU; the emergence claims the catalogue.",
                              law.name.c_str());
        widgets::card_end();
        ImGui::Spacing();
        table(f, r.value, avail, narrow);
    };

    // On a phone the answer comes first; the inputs follow it.
    if (narrow) {
        if (read_fields(in, kCount, x)) {
            answer();
            ImGui::Spacing();
        }
        inputs();
    } else if (inputs()) {
        ImGui::Spacing();
        answer();
    }
}

}  // namespace views
