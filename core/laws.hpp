// laws.hpp: the published scaling laws, each with its citation, functional form and constants.
// Every constant sits next to its source in laws.cpp; ../shared/REFERENCES.md has the worked values.
#pragma once
#include <string>
#include <string_view>
#include <vector>

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
    double alpha_N = 0.076, N_c = 8.8e13;        // L(N) = (N_c/N)^alpha_N, Eq. 1.1
    double alpha_D = 0.095, D_c = 5.4e13;        // L(D) = (D_c/D)^alpha_D, Eq. 1.2 (tokens)
    double alpha_C = 0.050, C_c = 3.1e8;         // L(C_min) = (C_c/C_min)^alpha_C, Eq. 1.3 (PF-days)
    double nd_alpha_N = 0.076, nd_alpha_D = 0.103;  // L(N, D), Eq. 1.5 with Table 2's fit
    double nd_N_c = 6.4e13, nd_D_c = 1.8e13;
    double alloc_k = 1.3e9, alloc_exp = 0.73;    // N_opt = 1.3e9 · C_min^0.73, Sec. 6.1 (C_min in PF-days)
    double printed_D_k = 2e10, printed_D_exp = 0.27;  // D_opt ≈ 2e10 · C_min^0.27, shown, not used (see notes)
};

enum class LawKind {
    Chinchilla,      // E + A/N^alpha + B/D^beta: loss and closed-form allocation
    Kaplan,          // Kaplan 2020: its own L(N, D) and allocation power law
    TokensPerParam,  // a fixed D/N ratio under C = 6ND: allocation only, no loss
};

struct Law {
    std::string id;                  // stable key used by the CLI, URLs and the JS API
    std::string name;                // short human name
    std::string citation;            // paper, arXiv id, table/section
    std::string form;                // the functional form, as text
    std::string compute_convention;  // how a FLOP budget maps onto the law
    std::string notes;               // errata, caveats, what N counts
    LawKind kind = LawKind::Chinchilla;
    ChinchillaConstants chinchilla;  // when kind == Chinchilla
    KaplanConstants kaplan;          // when kind == Kaplan
    double tokens_per_param = 0;     // when kind == TokensPerParam

    bool has_loss() const { return kind != LawKind::TokensPerParam; }
};

// Every built-in law, in the order the UI lists them.
const std::vector<Law>& all_laws();

// The law with this id, or nullptr.
const Law* find_law(std::string_view id);

// "chinchilla-a3, chinchilla-a3-exact, ..." for error messages.
std::string law_ids_joined();

}  // namespace scaling
