// view_next_flop.cpp: the Next FLOP view: where the next 10x of compute goes. What the tool can
// compute: the loss 10x more pretraining buys on the chosen law, what 10x more samples per question
// buy in pass@k and plurality vote, and the samples the same total FLOP would buy instead of the
// larger model. What it cannot (RL scaling has no law here): the published rankings, as claims.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/next_flop.hpp"
#include "core/quantity.hpp"
#include "core/rl.hpp"
#include "core/test_time.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;

constexpr double kFactor = 10;  // "per 10x": the step the question is asked in

using scaling::format_probability;

void marker(const char* label, double x, double y, ImU32 color) {
    plot::Style st;
    st.color = color;
    st.marker = plot::Marker::Circle;
    st.marker_size = ImGui::GetFontSize() * 0.35f;
    plot::PlotScatter(label, &x, &y, 1, st);
}

struct Claim {
    const char* lever;
    const char* text;
    const char* source;
};
// The rankings in circulation, each as its source states it (paraphrased; none is computed here).
const Claim kClaims[] = {
    {"Pretraining", "Each 10x of compute lowers the loss by less: a power law towards the irreducible loss E. The "
                    "figure on the left is this, on the chosen law.",
     "The chosen law's paper (its citation is in the Allocator view); Hoffmann et al. 2022, arXiv 2203.15556."},
    {"Test-time vs pretraining", "At equal FLOP, searching with a smaller model can beat a model 14x larger on easy and "
                                 "medium questions when inference load is low (small R); on the hardest questions, or "
                                 "with much inference, the FLOP is better spent on pretraining.",
     "Snell et al. 2024, \"Scaling LLM Test-Time Compute Optimally can be More Effective than Scaling Model "
     "Parameters\", arXiv 2408.03314."},
    {"RL and test-time", "A reasoning model's accuracy rises smoothly with the logarithm of both its RL training "
                         "compute and its test-time compute.",
     "OpenAI 2024, \"Learning to Reason with LLMs\" (o1 announcement, 12 September 2024)."},
    // The ranking, held once in core/rl.hpp: the Post-training view shows it beside RL's computed cost.
    {scaling::kRlRanking.lever, scaling::kRlRanking.text, scaling::kRlRanking.source},
};

}  // namespace

void next_flop(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;

    controls::figure_toolbar(s, f);
    ImGui::Spacing();
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Your questions: success of one sample, samples today, inference load");
    app::Field* in[] = {&s.test_time.success, &s.next_flop.samples_now, &s.test_time.inference_ratio,
                        &s.test_time.wrong_answers, &s.test_time.skew};
    double x[5] = {};
    const bool ok = controls::number_rows(in, 5, narrow ? 1 : 3, x);
    widgets::card_end();
    if (!ok || !s.budget_error.empty()) return;
    const scaling::Law law = app::current_law(s);
    const double p = x[0], k = x[1], r = x[2], skew = x[4];
    const int wrong = static_cast<int>(x[3]);
    const scaling::Result<scaling::NextFlop> res = scaling::next_flop(law, s.flops, kFactor, p, k, r, wrong, skew);
    if (!res.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s: %s", res.field.c_str(), res.error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("nf_error", res.error);
        return;
    }
    const scaling::NextFlop& n = res.value;
    // As `scaling next-flop`: a budget too small to buy a model is refused (core/caveats.hpp).
    const scaling::Result<scaling::Allocation> sane = scaling::refuse_absurd(scaling::Result<scaling::Allocation>::of(n.now), "flops");
    if (!sane.ok()) {
        widgets::warning_text(sane.error.c_str());
        ui_probe::record_text("nf_error", sane.error);
        return;
    }
    ImGui::Spacing();

    widgets::card_begin(avail);
    widgets::heading(f.bold, "The next 10x, three ways");
    const std::string v_loss = n.has_loss ? format_fixed(n.now.loss, 3) + " -> " + format_fixed(n.scaled.loss, 3) : "no loss form";
    const std::string v_pass = format_probability(n.pass_now) + " -> " + format_probability(n.pass_scaled);
    const std::string v_vote = format_probability(n.vote_now.value) + " -> " + format_probability(n.vote_scaled.value) +
                               (n.vote_scaled.exact ? "" : " (limit)");
    const std::string v_equal = n.size_ratio > 0 ? "k = " + format_count(std::round(n.equal_flop_samples)) + ": " + format_probability(n.pass_equal_flop) : "no parameter count";
    const char* captions[4] = {"10x pretraining: loss", "10x samples: pass@k", "10x samples: plurality vote", "Samples at equal total FLOP"};
    const std::string values[4] = {v_loss, v_pass, v_vote, v_equal};
    const char* names[4] = {"nf_loss", "nf_pass", "nf_vote", "nf_equal"};
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, avail - 2 * em, f.small, f.big);
    std::string say;
    if (n.has_loss) {
        say = "10x pretraining compute (" + scaling::format_scientific(n.now.flops, 2) + " -> " +
              scaling::format_scientific(n.scaled.flops, 2) + " FLOP) lowers the predicted loss by " + format_fixed(n.loss_gain, 4) +
              " nats/token";
        if (n.has_reducible) say += ", " + format_probability(n.reducible_share) + " of what is left above E";
        say += ". ";
    }
    if (n.size_ratio > 0)
        say += "Its compute-optimal model is " + format_fixed(n.size_ratio, 2) + "x larger. Spending the same total FLOP "
               "(training plus answering at R = " + format_fixed(r, r < 1 ? 3 : 1) + ") on the current model instead buys " +
               format_count(std::round(n.equal_flop_samples)) + " samples per question, k' = M·k + 3·(10 - 1)/R. ";
    say += "Loss and accuracy are different units: the two sides are not on one scale. pass@k needs a verifier that "
           "recognises a right answer; a plurality vote needs none, and works when the wrong answers scatter over " +
           format_count(wrong) + " alternatives (with one, it is the binary majority vote).";
    widgets::text_wrapped("%s", say.c_str());
    ui_probe::record_text("nf_summary", say);
    views::caveats(scaling::caveats_of(law, n), "nf_caveats");
    widgets::card_end();
    ImGui::Spacing();

    // Left: the law's optimum at m x the budget. Right: accuracy at m x today's samples.
    std::vector<double> m, loss, mk, pass, vote;
    for (int i = 0; i <= 90; ++i) {
        const double x = std::pow(1000.0, i / 90.0);
        const scaling::Result<scaling::Allocation> a = scaling::optimal(law, s.flops * x);
        if (a.ok() && a.value.has_loss) {
            m.push_back(x);
            loss.push_back(a.value.loss);
        }
    }
    for (double x = 1; x <= 1000 * 1.0001; x *= std::pow(10.0, 1.0 / 12)) {
        const double kk = std::round(k * x);
        if (!mk.empty() && kk == std::round(k * mk.back())) continue;
        mk.push_back(kk / k);
        pass.push_back(scaling::pass_at_k(p, kk));
        vote.push_back(views::plurality_vote(p, static_cast<int>(kk), wrong, skew).value);
    }
    const float plot_w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float h = views::figure_height(plot_w, narrow ? 0.75f : 0.62f, 6);
    const plot::Style kTen{IM_COL32(160, 160, 170, 255), 1.0f, true};
    if (n.has_loss) {
        if (plot::BeginPlot("Pretraining: loss against compute##nf_pre", ImVec2(plot_w, h))) {
            plot::SetupAxis(plot::X, "Multiple of the budget", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
            plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Linear, scaling::AxisFormat::Loss);
            plot::SetupLegendNorthEast();
            plot::PlotLine("Compute-optimal loss", m.data(), loss.data(), static_cast<int>(m.size()), plot::Style{plot::PaletteColor(0), 3.0f});
            if (n.has_reducible) plot::PlotRefLine("Irreducible E", plot::Y, law.chinchilla.E, plot::Style{plot::PaletteColor(3), 1.5f, true});
            plot::PlotRefLine("##10x", plot::X, kFactor, kTen);
            marker("##now", 1, n.now.loss, plot::PaletteColor(0));
            marker("##ten", kFactor, n.scaled.loss, plot::PaletteColor(0));
            plot::EndPlot();
        }
        if (!narrow) ImGui::SameLine();
    }
    if (plot::BeginPlot("Test-time: accuracy against samples##nf_tt", ImVec2(n.has_loss ? plot_w : avail, h))) {
        plot::SetupAxis(plot::X, "Multiple of today's samples", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Accuracy", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 1.1);
        const int count = static_cast<int>(mk.size());
        plot::PlotLine("pass@k", mk.data(), pass.data(), count, plot::Style{plot::PaletteColor(0), 3.0f});
        plot::PlotLine("Plurality vote", mk.data(), vote.data(), count, plot::Style{plot::PaletteColor(1), 2.5f});
        plot::PlotRefLine("##10x", plot::X, kFactor, kTen);
        marker("##now", 1, n.pass_now, plot::PaletteColor(0));
        marker("##ten", kFactor, n.pass_scaled, plot::PaletteColor(0));
        plot::EndPlot();
    }
    if (!n.has_loss) views::law_has_loss_or_say_so(law, "loss curve");
    ImGui::Spacing();

    widgets::card_begin(avail);
    widgets::heading(f.bold, "The rankings in circulation: claims, not computed here");
    if (ImGui::BeginTable("nf_claims", narrow ? 2 : 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Lever", ImGuiTableColumnFlags_WidthStretch, 0.5f);
        ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        if (!narrow) ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        ImGui::PushTextWrapPos(0.0f);  // wrap at each column's edge, not the card's
        for (const Claim& c : kClaims) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", c.lever);
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", c.text);
            if (narrow) {
                ImGui::PushFont(f.small);
                widgets::dim_text_wrapped(c.source);
                ImGui::PopFont();
            } else {
                ImGui::TableNextColumn();
                ImGui::PushFont(f.small);
                widgets::dim_text_wrapped(c.source);
                ImGui::PopFont();
            }
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTable();
    }
    widgets::note(f.small, "RL scaling has no published law with constants this tool could compute, so it appears only as "
                           "claims. The pretraining side uses the law chosen above; the test-time side assumes independent "
                           "samples of equal success p (the Test-time view has the details).");
    widgets::card_end();
}

}  // namespace views
