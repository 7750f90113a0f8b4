// laws.hpp: the published scaling laws, each with its citation, functional form and constants.
// The catalogue is the data file assets/laws.jsonl (one law per line, every constant beside its
// citation), embedded at build time (catalog.hpp) and validated when first used (parse_laws).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

// L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022, Eq. 2 and Sec. 3.3).
// N = parameters, D = training tokens, L in nats/token.
struct ChinchillaConstants {
    double E = 0;      // irreducible loss, nats/token
    double A = 0;      // parameter term scale
    double B = 0;      // data term scale
    double alpha = 0;  // parameter exponent
    double beta = 0;   // data exponent
};

// Kaplan et al. 2020 (arXiv 2001.08361), Table 2 and Sec. 6. N counts non-embedding parameters.
struct KaplanConstants {
    double alpha_N = 0, N_c = 0;        // L(N) = (N_c/N)^alpha_N, Eq. 1.1
    double alpha_D = 0, D_c = 0;        // L(D) = (D_c/D)^alpha_D, Eq. 1.2 (tokens)
    double alpha_C = 0, C_c = 0;        // L(C_min) = (C_c/C_min)^alpha_C, Eq. 1.3 (PF-days)
    double nd_alpha_N = 0, nd_alpha_D = 0, nd_N_c = 0, nd_D_c = 0;  // L(N, D), Eq. 1.5
    double alloc_k = 0, alloc_exp = 0;  // N_opt = alloc_k · C_min^alloc_exp, Sec. 6.1
};

// A power law in compute: y = k · C^exp.
struct PowerConstants {
    double k = 0;
    double exp = 0;
};

// DeepSeek LLM 2024: M_opt = m_k·C^m_exp (non-embedding FLOP per token), D_opt = d_k·C^d_exp.
struct DeepSeekConstants {
    double m_k = 0, m_exp = 0, d_k = 0, d_exp = 0;
};

enum class LawKind {
    Chinchilla,      // E + A/N^alpha + B/D^beta: loss and closed-form allocation
    Kaplan,          // Kaplan 2020: its own L(N, D) and allocation power law
    TokensPerParam,  // a fixed D/N ratio under C = 6ND: allocation only
    PowerParams,     // N_opt = k·C^exp, D = C/(6N): allocation only (Chinchilla Approaches 1, 2)
    PowerTokens,     // D_opt = k·C^exp, N = C/(6D): allocation only (Llama 3)
    DeepSeek,        // M_opt and D_opt with C = M·D; parameters only given M/N
};

struct Interval { double lo = 0, hi = 0; };

struct DrawSet;  // joint bootstrap draws of the constants (draws.hpp)

// Published 95% intervals of a Chinchilla-form fit.
struct ChinchillaIntervals {
    Interval E, A, B, alpha, beta;
};

struct Law {
    std::string id;                  // stable key used by the CLI, URLs and the JS API
    std::string name;                // short human name
    std::string citation;            // paper, arXiv id, table/section
    std::string form;                // the functional form, as text
    std::string n_counts;            // what N is: total, non-embedding parameters, FLOP/token
    std::string compute_convention;  // how a FLOP budget maps onto the law
    std::string notes;               // caveats
    std::string errata;              // known errors or self-contradictions of the source
    double valid_lo = 0, valid_hi = 0;  // budgets (FLOP) the law was fitted on; 0 when not stated
    LawKind kind = LawKind::Chinchilla;
    ChinchillaConstants chinchilla;  // kind == Chinchilla
    KaplanConstants kaplan;          // kind == Kaplan
    PowerConstants power;            // kind == PowerParams or PowerTokens
    DeepSeekConstants deepseek;      // kind == DeepSeek
    double tokens_per_param = 0;     // kind == TokensPerParam
    double m_over_n = 0;             // DeepSeek: M/N to convert M to parameters; 0 = not given
    bool has_intervals = false;
    ChinchillaIntervals intervals;   // when has_intervals: as published, or My fit's bootstrap percentiles
    // The band's source: joint draws of the five constants (draws.hpp, law_draws). A catalogue law
    // names an embedded file; My fit carries its own bootstrap's draws (shared: laws are copied often).
    std::string draws_file;                    // e.g. "epoch2024-bootstrap.csv"; "" = none
    std::shared_ptr<const DrawSet> own_draws;  // null = none
    std::string no_band;  // why a law that could have a band has none (My fit without draws); "" otherwise
    bool has_paper_point = false;    // a point the paper prints, to show beside the law's own curve
    double paper_flops = 0, paper_params = 0, paper_tokens = 0;

    bool has_band() const { return own_draws != nullptr || !draws_file.empty(); }
    bool has_loss() const { return kind == LawKind::Chinchilla || kind == LawKind::Kaplan; }
    // False for DeepSeek without M/N: its optimum is in FLOP per token, not parameters.
    bool has_params() const { return kind != LawKind::DeepSeek || m_over_n > 0; }
};

// Parses a laws file: JSON objects one per line; blank lines and lines starting with '#' skipped.
// `file` names the source in messages ("assets/laws.jsonl:7: law \"x\": ...").
Result<std::vector<Law>> parse_laws(std::string_view text, std::string_view file);

// Every built-in law, in the order of the catalogue file. Empty if the embedded catalogue failed
// to load; catalog_error() then says why (file, line, field).
const std::vector<Law>& all_laws();
const std::string& catalog_error();

// The law with this id, or nullptr.
const Law* find_law(std::string_view id);

// The law in force wherever none is named: the UI on first visit, the CLI, the JS API and links
// without `law`. Besiroglu et al. 2024 (arXiv 2404.10102) refit Chinchilla's Approach 3 on the
// paper's own Figure 4 runs: it agrees with Approaches 1 and 2 and with the model DeepMind trained
// (about 20 tokens per parameter; 70B on 1.4T tokens at 5.76e23 FLOP), where the printed Approach-3
// constants, rounded and biased, give 32B at 92.6 tokens per parameter. Those stay one choice away
// (chinchilla-a3, chinchilla-a3-exact), with their errata.
inline constexpr const char* kDefaultLawId = "epoch2024";
// Its position in all_laws() (0 if the catalogue lacks it, which its validation prevents).
int default_law_index();

// "chinchilla-a3, chinchilla-a3-exact, ..." for error messages.
std::string law_ids_joined();

}  // namespace scaling
