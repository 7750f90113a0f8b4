// view_test_time.cpp: the Test-time view: k samples per question, scored by coverage (pass@k, which
// needs a verifier to pick the right one), by a plurality vote over answers whose wrong ones scatter
// (self-consistency), or by reliability (pass^k, all k right); what they cost at 2·N FLOP per token;
// Chen et al.'s unbiased pass@k from measured samples; the claims in circulation against the vote;
// a small model with k samples against a larger one with one, at equal inference FLOP and (Snell et
// al. 2024) at equal total FLOP; and the "sqrt(samples)" claim beside the curve it approximates.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/quantity.hpp"
#include "core/test_time.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {

void test_time(app::State& s, const app::Fonts& f) {
    using scaling::format_count;
    using scaling::format_fixed;
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    const std::string pct = "%";

    app::TestTimeInputs& v = s.test_time;
    app::Field* in[] = {&v.success, &v.samples, &v.wrong_answers, &v.skew, &v.model_params, &v.answer_tokens};
    double x[6] = {};
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Samples per question");
        const bool valid = controls::number_rows(in, 6, narrow ? 2 : 3, x);
        widgets::card_end();
        return valid;
    };
    // Headline numbers at k = kmax: on a phone above the inputs, so the answer is on the first screen.
    const auto headline = [&] {
        const double p = x[0], skew = x[3], n = x[4], tokens = x[5];
        const int kmax = static_cast<int>(x[1]), wrong = static_cast<int>(x[2]);
        widgets::card_begin(avail);
        const scaling::Vote& vote = views::plurality_vote(p, kmax, wrong, skew);
        const std::string v_pass = format_fixed(100 * scaling::pass_at_k(p, kmax), 1) + pct;
        const std::string v_vote = format_fixed(100 * vote.value, 1) + pct + (vote.exact ? "" : " (limit)");
        const std::string v_all = format_fixed(100 * scaling::pass_all_k(p, kmax), 1) + pct;
        const std::string v_cost = scaling::format_scientific(scaling::sampling_flops(n, tokens, kmax), 3) + " FLOP";
        // Where the gain grows like sqrt(k): its local exponent within 0.4-0.6.
        const scaling::SampleRange holds = scaling::sqrt_claim_range(p, 0.1);
        const std::string v_holds = holds.lo > 0 ? "k = " + format_count(std::round(holds.lo)) + " to " + format_count(std::round(holds.hi)) : "nowhere";
        const char* captions[5] = {"pass@k (coverage)", "Plurality vote", "pass^k (all right)", "FLOP per question",
                                   "sqrt(k) holds for pass@k"};
        const std::string values[5] = {v_pass, v_vote, v_all, v_cost, v_holds};
        const char* names[5] = {"tt_pass", "tt_vote", "tt_all", "tt_cost", "tt_sqrt_holds"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 5, narrow ? 2 : 5, avail - 2 * em, f.small, f.big);
        ImGui::EndGroup();
        ui_probe::record_last_item("tt_answer");
        const double top_wrong = (1 - p) * scaling::wrong_answer_shares(wrong, skew).front();
        std::string at = "At k = " + format_count(kmax) + " samples of " + format_count(tokens) + " tokens from a " +
                         format_count(n) + "-parameter model (2·N FLOP per token, " + format_count(kmax) +
                         "x the cost of one answer). pass@k assumes a verifier that recognises a right answer. The "
                         "vote needs none: the most common answer wins (ties broken at random), so it tends to 1 when "
                         "the right answer (" + format_fixed(100 * p, 1) + "%) is more common than the most common "
                         "wrong one (" + format_fixed(100 * top_wrong, 1) + "% here, of " + format_count(wrong) +
                         " wrong answers), and to 0 when it is not. ";
        at += vote.exact ? "Summed exactly (error below " + scaling::format_scientific(std::max(vote.error_bound, 1e-18), 0) + ")."
                         : "Beyond " + format_count(scaling::kExactVoteSamples) + " samples the vote shown is its limit.";
        at += " pass^k is the chance all k attempts are right: what an agent that must succeed every time needs.";
        widgets::note(f.small, at.c_str());
        widgets::card_end();
    };
    if (narrow) {
        const bool ok = read_fields(in, 6, x);
        if (ok) {
            headline();
            ImGui::Spacing();
        }
        inputs();
        if (!ok) return;
    } else {
        if (!inputs()) return;
        ImGui::Spacing();
        headline();
    }
    ImGui::Spacing();
    const double p = x[0], skew = x[3];
    const int kmax = static_cast<int>(x[1]), wrong = static_cast<int>(x[2]);
    const scaling::SampleRange holds = scaling::sqrt_claim_range(p, 0.1);

    // The curves, k from 1 to kmax (log scale), and the sqrt claim matched at k = 2.
    std::vector<double> ks, pass, vote, binary, all, claim;
    for (double k = 1; k <= kmax * 1.0001; k *= std::pow(2.0, 0.25)) {
        const double kk = std::round(k);
        if (!ks.empty() && kk == ks.back()) continue;
        ks.push_back(kk);
        pass.push_back(scaling::pass_at_k(p, kk));
        vote.push_back(views::plurality_vote(p, static_cast<int>(kk), wrong, skew).value);
        binary.push_back(scaling::majority_vote(p, static_cast<int>(kk)));
        all.push_back(scaling::pass_all_k(p, kk));
        claim.push_back(p + scaling::sqrt_claim_gain(p, kk, holds.lo > 0 ? std::sqrt(holds.lo * holds.hi) : 2.0));
    }
    const float h = views::figure_height(avail, 0.45f, 10);
    if (plot::BeginPlot("Accuracy against samples per question##tt", ImVec2(avail, h))) {
        plot::SetupAxis(plot::X, "Samples k", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Accuracy", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 1.1);
        const int count = static_cast<int>(ks.size());
        plot::PlotLine("pass@k = 1 - (1 - p)^k", ks.data(), pass.data(), count, plot::Style{plot::PaletteColor(0), 3.0f});
        plot::PlotLine("Plurality vote", ks.data(), vote.data(), count, plot::Style{plot::PaletteColor(1), 2.5f});
        plot::PlotLine("Vote if every wrong answer is the same", ks.data(), binary.data(), count,
                       plot::Style{plot::PaletteColor(1), 1.5f, true});
        plot::PlotLine("pass^k (all k right)", ks.data(), all.data(), count, plot::Style{plot::PaletteColor(2), 2.0f});
        plot::PlotLine("Claim: gain grows as sqrt(k)", ks.data(), claim.data(), count,
                       plot::Style{IM_COL32(120, 124, 132, 255), 2.0f, true});
        plot::PlotRefLine("##perfect", plot::Y, 1.0, plot::Style{IM_COL32(160, 160, 170, 255), 1.0f, true});
        if (holds.lo > 0) {
            plot::PlotRefLine("sqrt(k) holds between", plot::X, holds.lo, plot::Style{plot::PaletteColor(3), 1.5f, true});
            plot::PlotRefLine("##sqrt hi", plot::X, holds.hi, plot::Style{plot::PaletteColor(3), 1.5f, true});
        }
        plot::EndPlot();
    }
    ImGui::Spacing();

    // Small with k samples against large with one.
    widgets::card_begin(avail);
    widgets::heading(f.bold, "A small model sampling k times, or a larger model answering once?");
    app::Field* big[] = {&v.large_success, &v.size_ratio, &v.inference_ratio};
    double y[3] = {};
    if (controls::number_rows(big, 3, narrow ? 1 : 3, y)) {
        const double pl = y[0], m = y[1], ratio = y[2];
        const int k_inf = static_cast<int>(std::floor(m));
        const double k_total = scaling::samples_matching_larger_model(m, ratio);
        const int k_tot = static_cast<int>(std::min(1e4, std::floor(k_total)));
        // Phones: short headings, the values in columns as wide as they are, the rows' names wrapping
        // in what is left; pass@k and vote on two lines.
        const ImGuiTableColumnFlags value_col = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (ImGui::BeginTable("tt_compare", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("At equal", ImGuiTableColumnFlags_WidthStretch, 1.3f);
            ImGui::TableSetupColumn(narrow ? "k" : "Samples k", value_col, narrow ? 0.0f : 0.7f);
            ImGui::TableSetupColumn(narrow ? "Pass / vote" : "Small: pass@k / vote", value_col, narrow ? 0.0f : 1.0f);
            ImGui::TableSetupColumn(narrow ? "Larger" : "Larger, once", value_col, narrow ? 0.0f : 0.7f);
            ImGui::TableHeadersRow();
            const auto row = [&](const char* label, const char* short_label, int k, const char* name) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.0f);  // at the column's edge, not the card's
                widgets::text_wrapped("%s", narrow ? short_label : label);
                ImGui::PopTextWrapPos();
                number_cell("tt_compare", format_count(k));
                const std::string pass = format_fixed(100 * scaling::pass_at_k(p, k), 1) + "%";
                const std::string vote = format_fixed(100 * views::plurality_vote(p, k, wrong, skew).value, 1) + "%";
                if (narrow) {
                    number_cell("tt_compare", pass + " /");
                    number_text("tt_compare", vote, false, 1);
                } else {
                    number_cell("tt_compare", pass + " / " + vote);
                }
                ui_probe::record_text(name, pass + " / " + vote);
                number_cell("tt_compare", format_fixed(100 * pl, 1) + "%");
            };
            row("inference FLOP (k = M)", "inference FLOP (k = M)", k_inf, "tt_equal_inference");
            row("total FLOP, Snell (k = M + 3(M-1)/R)", "total FLOP (Snell)", k_tot, "tt_equal_total");
            ImGui::EndTable();
        }
        ui_probe::record_text("tt_k_total", format_fixed(k_total, 2));
    }
    widgets::note(f.small, 
        "Pretraining costs X = 6·N·D_pre and serving Y = 2·N·D_inf; with R = D_inf/D_pre, a model M times larger "
        "costs M·(X + Y), which buys the small one k = M + 3·(M − 1)/R samples per query. Few queries (small R) "
        "favour test-time compute; heavy serving (large R) favours the larger model. Snell et al. 2024 "
        "(arXiv 2408.03314): compute-optimal test-time scaling is more than 4x as efficient as best-of-N and can "
        "beat a 14x larger model on easy and medium questions, not on the hardest. The sqrt(samples) rule is a "
        "claim in circulation: the gain pass@k − p grows like k^g with g falling from 1 (few samples: each adds about "
        "p) to 0 (coverage saturated); the claim holds only where g is near 1/2, the band marked on the plot.");
    widgets::card_end();
    ImGui::Spacing();

    // The claims in circulation about voting, computed at this p and spread of wrong answers.
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Claims about self-consistency, checked");
    if (ImGui::BeginTable("tt_claims", narrow ? 2 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        if (!narrow) {
            ImGui::TableSetupColumn("Claimed", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn("Computed", ImGuiTableColumnFlags_WidthFixed);
        }
        ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableHeadersRow();
        int row = 0;
        for (const scaling::VotingClaim& c : scaling::check_voting_claims(p, scaling::wrong_answer_shares(wrong, skew))) {
            // Points for the gains, a plain ratio for the rest; a claim of "cheaper" is a ratio below 1.
            const std::string unit = c.unit;
            const auto shown = [&](double x) {
                return unit == "points" ? (x >= 0 ? "+" : "") + format_fixed(100 * x, 1) + " pts" : format_fixed(x, 2) + "x";
            };
            const auto claimed = [&](double x) { return (unit == "ratio below" ? "< " : "") + shown(x); };
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            widgets::text_wrapped("%s", c.claim);
            ImGui::PopTextWrapPos();
            std::string verdict = c.verdict;
            if (narrow) verdict = shown(c.computed) + " (claimed " + claimed(c.claimed) + "): " + verdict;
            else {
                number_cell("tt_claims", claimed(c.claimed));
                number_cell("tt_claims", shown(c.computed));
            }
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            widgets::text_wrapped("%s", verdict.c_str());
            ImGui::PopTextWrapPos();
            ui_probe::record_text(("tt_claim_" + std::to_string(row++)).c_str(), shown(c.computed) + " " + c.verdict);
        }
        ImGui::EndTable();
    }
    widgets::note(f.small, "Each claim is in circulation with no primary source found. Wang et al. 2022 (arXiv 2203.11171) "
                           "measured +17.9 points on GSM8K with PaLM 540B voting over 40 sampled paths: one task and "
                           "one model, not a law. The vote's gain depends on p and on how the wrong answers spread: "
                           "set both above to your task's.");
    widgets::card_end();
    ImGui::Spacing();

    // Measured samples: Chen et al. 2021's unbiased estimate of pass@k.
    widgets::card_begin(avail);
    widgets::heading(f.bold, "From your own samples: unbiased pass@k");
    app::Field* measured[] = {&v.measured_samples, &v.measured_correct};
    double nc[2] = {};
    const bool have = v.measured_samples.given() && v.measured_correct.given();
    if (controls::number_rows(measured, 2, narrow ? 1 : 2, nc) && have) {
        const double k = std::min<double>(kmax, nc[0]);
        const scaling::Result<double> e = scaling::pass_at_k_unbiased(nc[0], nc[1], k);
        const std::string said = e.ok() ? "pass@" + format_count(k) + " = " + format_fixed(100 * e.value, 1) + "% from " +
                                              format_count(nc[1]) + " right of " + format_count(nc[0]) + " samples"
                                        : e.field + ": " + e.error;
        if (e.ok()) widgets::text_wrapped("%s", said.c_str());
        else widgets::warning_text(said.c_str());
        ui_probe::record_text("tt_measured", said);
    }
    widgets::note(f.small, "1 − C(n − c, k)/C(n, k): the chance that k samples drawn from your n include a right one, "
                           "unbiased where 1 − (1 − c/n)^k is not (Chen et al. 2021, arXiv 2107.03374, Sec. 2.1). "
                           "k is the most samples above, at most n.");
    widgets::card_end();
}

}  // namespace views
