// view_models.cpp: the gallery of real models as a sortable table against the chosen law:
// parameters (active/total for mixtures of experts), tokens, C = 6·N_active·D, tokens per parameter,
// over-training factor, predicted loss, source. The same models appear on the Frontier and
// Landscape figures (models_overlay).
#include <algorithm>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/gallery.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "semantics.hpp"

namespace views {
namespace {

using scaling::format_count;

struct Row {
    const scaling::Model* m;
    double flops = 0, ratio = 0;  // 0 when tokens are unknown
    scaling::Versus v;
};

// Sorting by the table's chosen column; unknown values sort last either way.
void sort_rows(std::vector<Row>& rows, const ImGuiTableSortSpecs* specs) {
    if (!specs || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& c = specs->Specs[0];
    const bool asc = c.SortDirection == ImGuiSortDirection_Ascending;
    auto key = [&](const Row& r) -> double {
        switch (c.ColumnIndex) {
            case 1: return r.m->year;
            case 2: return r.m->params_active;
            case 3: return r.m->tokens;
            case 4: return r.flops;
            case 5: return r.ratio;
            case 6: return r.v.ok ? r.v.overtraining : 0;
            case 7: return r.v.has_loss ? r.v.loss : 0;
            default: return 0;
        }
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (c.ColumnIndex == 0) return asc ? a.m->name < b.m->name : a.m->name > b.m->name;
        const double ka = key(a), kb = key(b);
        if ((ka == 0) != (kb == 0)) return kb == 0;  // unknowns last
        return asc ? ka < kb : ka > kb;
    });
}

}  // namespace

void models(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    if (!scaling::gallery_error().empty()) {
        ImGui::TextWrapped("The model gallery failed to load: %s", scaling::gallery_error().c_str());
        return;
    }
    const scaling::Law law = app::current_law(s);
    std::vector<Row> rows;
    for (const scaling::Model& m : scaling::all_models()) {
        Row r{&m};
        if (m.has_tokens()) r.flops = scaling::training_flops(m), r.ratio = m.tokens / m.params_active;
        r.v = scaling::versus(m, law);
        rows.push_back(r);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float em = ImGui::GetFontSize();
    const bool narrow = avail < em * 50;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Sortable |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX |
                               (narrow ? ImGuiTableFlags_ScrollX : 0);
    const int columns = narrow ? 8 : 9;
    const std::string vs = "vs " + law.name;
    if (ImGui::BeginTable("models", columns, tf, ImVec2(avail, 0))) {
        const ImGuiTableColumnFlags w = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        ImGui::TableSetupColumn("Model", w | ImGuiTableColumnFlags_DefaultSort, narrow ? em * 8 : 1.6f);
        ImGui::TableSetupColumn("Year", w, narrow ? em * 3 : 0.5f);
        ImGui::TableSetupColumn("Params", w, narrow ? em * 6 : 1.0f);
        ImGui::TableSetupColumn("Tokens", w, narrow ? em * 4 : 0.7f);
        ImGui::TableSetupColumn("C = 6ND", w, narrow ? em * 5 : 0.8f);
        ImGui::TableSetupColumn("Tok/param", w, narrow ? em * 5 : 0.8f);
        ImGui::TableSetupColumn("Over-training", w, narrow ? em * 6 : 0.9f);
        ImGui::TableSetupColumn("Loss", w, narrow ? em * 4 : 0.6f);
        if (!narrow) ImGui::TableSetupColumn("Source", w | ImGuiTableColumnFlags_NoSort, 2.4f);
        ImGui::TableSetupScrollFreeze(1, 1);
        // Headers one by one (not TableHeadersRow) so tests can find and click them.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, widgets::touch() ? ImGui::GetFrameHeight() : 0);  // sort by finger
        for (int c = 0; c < columns; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            ui_probe::record_last_item(("models_header:" + std::string(ImGui::TableGetColumnName(c))).c_str());
        }
        sort_rows(rows, ImGui::TableGetSortSpecs());
        for (const Row& r : rows) {
            const scaling::Model& m = *r.m;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.name.c_str());
            if (ImGui::IsItemHovered()) sem::tooltip("%s\n%s", m.organisation.c_str(), m.source.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", m.year);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.is_moe() ? (format_count(m.params_active) + " / " + format_count(m.params_total)).c_str()
                                              : format_count(m.params_total).c_str());
            if (m.is_moe() && ImGui::IsItemHovered())
                sem::tooltip("Mixture of experts: %d experts, %d active.\nActive parameters count for FLOP, total "
                                  "for memory.\nDense-equivalent compute %s FLOP. %s",
                                  m.experts_total, m.experts_active,
                                  scaling::format_scientific(scaling::dense_equivalent_flops(m)).c_str(),
                                  scaling::kDenseEquivalentNote);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.has_tokens() ? format_count(m.tokens).c_str() : "n/p");
            if (!m.has_tokens() && ImGui::IsItemHovered()) sem::tooltip("Not published by the source.");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.has_tokens() ? scaling::format_scientific(r.flops).c_str() : "-");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.has_tokens() ? format_count(r.ratio).c_str() : "-");
            ImGui::TableNextColumn();
            if (r.v.ok) {
                const bool over = r.v.overtraining >= 1;
                ImGui::PushStyleColor(ImGuiCol_Text, over ? ImVec4(0.15f, 0.45f, 0.25f, 1) : ImVec4(0.65f, 0.3f, 0.1f, 1));
                ImGui::Text("%sx %s", format_count(r.v.overtraining).c_str(), over ? "over" : "under");
                ImGui::PopStyleColor();
            } else {
                ImGui::TextUnformatted("-");
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.v.has_loss ? scaling::format_fixed(r.v.loss, 3).c_str() : "-");
            if (!narrow) {
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
                ImGui::TextUnformatted(m.source.c_str());
                ImGui::PopStyleColor();
            }
        }
        ImGui::EndTable();
    }
    ui_probe::record_text("models_first", rows.empty() ? "" : rows.front().m->id);
    ui_probe::record_text("models_count", std::to_string(rows.size()));
    ImGui::Spacing();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(("Over-training: the model's tokens per parameter over the optimum of " + law.name +
                               " at the model's own compute C = 6·N_active·D; above 1 it saw more tokens per "
                               "parameter than compute-optimal (cheaper to serve), below 1 fewer. Loss: the law's "
                               "prediction for the model, for dense models under laws with a loss form. n/p: not "
                               "published. Click a column header to sort.").c_str());
    ImGui::PopFont();
}

void models_overlay(const scaling::Law& law, bool on_landscape) {
    std::vector<double> xs, ys;
    std::vector<std::string> labels;
    for (const scaling::Model& m : scaling::all_models()) {
        if (!m.has_tokens()) continue;
        xs.push_back(on_landscape ? m.params_active : scaling::training_flops(m));
        ys.push_back(on_landscape ? m.tokens : m.params_active);
        const scaling::Versus v = scaling::versus(m, law);
        std::string label = m.name + " (" + std::to_string(m.year) + ")" + (m.is_moe() ? ", MoE: active params" : "");
        if (v.ok)
            label += "\n" + format_count(v.overtraining) + "x " + (v.overtraining >= 1 ? "over" : "under") +
                     "-trained vs " + law.name;
        labels.push_back(label);
    }
    plot::Style st;
    st.color = IM_COL32(255, 255, 255, 235);
    st.marker = plot::Marker::Diamond;
    st.marker_size = ImGui::GetFontSize() * 0.28f;
    st.labels_on_hover = true;
    plot::PlotScatter("Real models", xs.data(), ys.data(), static_cast<int>(xs.size()), st, &labels);
}

}  // namespace views
