// emergence_catalog.hpp: the thresholds said to mark an ability's emergence, each with its source,
// where the sources disagree; and grokking (Power et al. 2022), a delay in training steps rather
// than a threshold in scale, with the numbers of the paper's own example.
// The Emergence view draws these and `scaling emergence --json` lists them (key `claims`, `grokking`).
#pragma once
#include <span>
#include <string>

namespace scaling {

struct EmergenceClaim {
    const char* ability;  // rows with the same ability are compared (disagreement)
    const char* task;     // the task or benchmark the row reads, "" when the ability names it
    const char* scale;    // the claimed scale as the source gives it
    double params;        // the claimed threshold, parameters; 0 = none (smooth, or refuted)
    double flops;         // the claimed threshold, training FLOP; 0 = not given
    const char* source;   // paper, arXiv id, table/section; or "In circulation ..."
};
std::span<const EmergenceClaim> emergence_claims();

// Two rows of the same ability disagree when their thresholds are more than 3x apart, or when one
// claims a threshold and the other finds none.
bool claim_disputed(const EmergenceClaim& c);

// Power et al. 2022, "Grokking: Generalization Beyond Overfitting on Small Algorithmic Datasets",
// arXiv 2201.02177, Fig. 1 (left) caption: division mod 97, half of the pairs in training.
struct GrokkingExample {
    const char* task = "a / b mod 97 (each residue a separate symbol), 50% of the 97 x 97 pairs in training";
    double train_fraction = 0.5;
    double train_near_perfect_steps = 1e3;      // "close to perfect at < 10^3 optimization steps"
    double first_generalisation_steps = 1e5;    // "very little evidence of any generalization until 10^5 steps"
    double validation_near_perfect_steps = 1e6; // "close to 10^6 steps for validation accuracy to reach that level"
    const char* source = "Power et al. 2022, arXiv 2201.02177, Fig. 1 (left) and its caption";
    // Sec. 3 of the same paper: of the interventions tried, weight decay helped data efficiency most.
    const char* weight_decay = "Weight decay \"has a very large effect on data efficiency, more than halving the "
                               "amount of samples needed compared to most other interventions\" (Power et al. 2022)";
    const char* reading = "A flat validation curve does not prove a plateau: on small algorithmic data a network "
                          "can memorise its training set and generalise 100-1000x more steps later. The effect is "
                          "shown on small datasets of algorithmic tasks, not on the loss curves of pretraining "
                          "large language models on web text.";
};

}  // namespace scaling
