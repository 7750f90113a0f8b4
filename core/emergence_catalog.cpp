// emergence_catalog.cpp: the claimed thresholds, a source per row. Wei et al. 2022's Table 1
// ("Emergent Abilities of Large Language Models", TMLR, arXiv 2206.07682) gives each ability's
// emergent scale as training FLOP and parameters of one model family; rows in circulation without
// a primary source say so; later papers that find no threshold, or rebut one, are rows of their own.
#include "emergence_catalog.hpp"

#include <cstring>

namespace scaling {
namespace {

constexpr const char* kWei = "Wei et al. 2022, \"Emergent Abilities of Large Language Models\", TMLR, arXiv 2206.07682, Table 1";

constexpr EmergenceClaim kClaims[] = {
    {"Multi-step arithmetic", "3-digit addition/subtraction, few-shot", "13B params, 2.3e22 FLOP (GPT-3)", 13e9, 2.3e22, kWei},
    {"Multi-step arithmetic", "", "about 10B params", 10e9, 0, "In circulation (secondary summaries), rounding the row above"},
    {"Chain-of-thought prompting", "math word problems", "68B params, 1.3e23 FLOP (LaMDA)", 68e9, 1.3e23, kWei},
    {"Chain-of-thought prompting", "", "about 100B params", 100e9, 0,
     "Wei et al. 2022, \"Chain-of-Thought Prompting\", arXiv 2201.11903, Sec. 3: gains only at about 100B"},
    {"Chain-of-thought prompting", "", "about 10B params", 10e9, 0,
     "In circulation (secondary summaries); no primary source found, and 7-10x below the two rows above"},
    // Issue 19: instruction following, self-consistency, word manipulation, code, theory of mind.
    {"Instruction following", "instruction tuning (FLAN), fine-tuned", "68B params, 1.3e23 FLOP (FLAN)", 68e9, 1.3e23,
     "Wei et al. 2022, arXiv 2206.07682, Table 1, citing Wei et al. 2022a (FLAN, arXiv 2109.01652)"},
    {"Self-consistency", "sampled chains of thought, majority answer", "68B params, 1.3e23 FLOP (LaMDA)", 68e9, 1.3e23,
     "Wei et al. 2022, arXiv 2206.07682, Table 1, citing Wang et al. 2022 (arXiv 2203.11171)"},
    {"Self-consistency", "GSM8K and others", "no threshold: gains across the model sizes tested", 0, 0,
     "Wang et al. 2022, \"Self-Consistency Improves Chain of Thought Reasoning\", arXiv 2203.11171, Fig. 5b caption "
     "(as quoted by gwern.net's annotation): \"improves performance across language model scales\""},
    {"Word manipulation: unscrambling", "BIG-Bench word_unscrambling, few-shot", "137B params (LaMDA)", 137e9, 0,
     "Wei 2022, \"137 emergent abilities of large language models\" (jasonwei.net/blog/emergence), from BIG-Bench; "
     "an author's list, not a table of the paper"},
    {"Word manipulation: letter counting", "\"r\" in \"strawberry\"", "no threshold: failures reported for the largest "
     "models of 2024", 0, 0, "In circulation; no primary source found for a threshold (tokens hide letters)"},
    {"Code generation", "HumanEval, Python from docstrings", "no threshold: Codex 12B 28.8% pass@1, GPT-3 (no code "
     "fine-tuning) 0%, GPT-J 6B 11.4%", 0, 0,
     "Chen et al. 2021, \"Evaluating Large Language Models Trained on Code\" (Codex), arXiv 2107.03374, abstract"},
    {"Code generation", "MBPP, few-shot", "no threshold: performance log-linear in size, 244M to 137B (59.6% at 137B)", 0, 0,
     "Austin et al. 2021, \"Program Synthesis with Large Language Models\", arXiv 2108.07732, abstract"},
    {"Theory of mind", "40 false-belief tasks", "GPT-3 davinci-001 (175B) about 40%, davinci-003 90%, GPT-4 95%; "
     "models before 2020 virtually none", 175e9, 0,
     "Kosinski 2023, arXiv 2302.02083 v3 abstract; v2 said davinci-002 70%, davinci-003 93%; a later version "
     "says davinci-001 and -002 10%, davinci-003 35%, GPT-4 90%. Sizes after GPT-3 are unpublished"},
    {"Theory of mind", "the same tasks, trivially altered", "not shown: small changes that keep the false belief flip "
     "the answers of the model said to pass", 0, 0,
     "Ullman 2023, \"Large Language Models Fail on Trivial Alterations to Theory-of-Mind Tasks\", arXiv 2302.08399"},
};

}  // namespace

std::span<const EmergenceClaim> emergence_claims() { return kClaims; }

bool claim_disputed(const EmergenceClaim& c) {
    for (const EmergenceClaim& o : kClaims) {
        if (&o == &c || std::strcmp(o.ability, c.ability) != 0) continue;
        if ((o.params > 0) != (c.params > 0)) return true;  // a threshold against none
        if (c.params > 0 && (o.params > 3 * c.params || c.params > 3 * o.params)) return true;
    }
    return false;
}

}  // namespace scaling
