// lifetime.hpp: the cost of a model over its life, training plus serving (Sardana et al. 2024,
// arXiv 2401.00448). For a target loss and an inference demand, the model minimising
//   cost(N) = a·N·D_train(N) + b·N,   with L(N, D_train(N)) = target loss,
// where the FLOP version has a = 6 and b = 2·D_inf (training 6ND, inference 2N per token), and the
// dollar version weights training, prefill and decode FLOP by their own price per FLOP.
#pragma once
#include <string>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// The tokens a model of `params` needs to reach `loss` under `law`, by bisection on log D
// (the loss falls monotonically with D). Errors when the loss is out of reach for that size.
Result<double> tokens_for_loss(const Law& law, double params, double loss);

// The smallest model that can reach `loss` at all (with unlimited data), by bisection on log N.
Result<double> min_params_for_loss(const Law& law, double loss);

struct LifetimeModel {
    double params = 0;        // N
    double tokens = 0;        // D_train
    double train_flops = 0;   // 6·N·D_train
    double infer_flops = 0;   // 2·N·D_inf
    double total_flops = 0;
    double cost = 0;          // the weighted objective (FLOP, or dollars in the dollar version)
};

struct LifetimeResult {
    double loss = 0;               // the target
    double inference_tokens = 0;   // D_inf
    LifetimeModel best;            // minimises the lifetime objective
    LifetimeModel chinchilla;      // minimises training compute alone at the same loss
    double params_ratio = 0;       // best / chinchilla
    double tokens_ratio = 0;
    double lifetime_saving = 0;    // 1 - best.cost / chinchilla.cost (0.17 = 17% cheaper)
};

// Weights of the objective: cost = train_weight·6ND + infer_weight·2N·D_inf (FLOP version: 1, 1).
struct LifetimeWeights {
    double train_weight = 1;   // cost per training FLOP
    double infer_weight = 1;   // cost per inference FLOP (averaged over prefill and decode)
};

// Errors name the field: loss below what the law can reach, non-positive demand, a law without loss.
Result<LifetimeResult> lifetime_optimum(const Law& law, double loss, double inference_tokens,
                                        const LifetimeWeights& w = {});

// [Dollars] Prices per FLOP from hardware: price_per_hour / (3600 · peak · MFU).
struct Phase {
    double price_per_hour = 0;  // US dollars per GPU-hour
    double peak_flops = 0;      // dense peak of the chosen dtype, FLOP/s
    double mfu = 0;             // (0, 1]
    double dollars_per_flop() const { return price_per_hour / (3600 * peak_flops * mfu); }
};
struct Demand {
    double requests = 0;        // over the model's life
    double input_tokens = 0;    // per request (prefill)
    double output_tokens = 0;   // per request (decode)
};
struct DollarResult {
    LifetimeResult r;           // costs in dollars
    double train_dollars = 0, prefill_dollars = 0, decode_dollars = 0;            // of the best model
    double chin_train_dollars = 0, chin_prefill_dollars = 0, chin_decode_dollars = 0;
};
Result<DollarResult> lifetime_dollars(const Law& law, double loss, const Phase& train, const Phase& prefill,
                                      const Phase& decode, const Demand& demand);

// [Break-even] A smaller model trained longer to the same loss costs more to train and less per
// token to serve: after how many inference tokens has the saving repaid the extra training?
struct BreakEven {
    double extra_train_flops = 0;      // small - chinchilla (>= 0)
    double saving_per_token = 0;       // 2·(N_chin - N_small) FLOP per inference token
    double tokens = 0;                 // extra / saving; infinity when the small model saves nothing
};
Result<BreakEven> break_even(const Law& law, double loss, double small_params);

// [Over-training] A given model (N, D) against the Chinchilla-optimal model of the same loss.
struct Overtraining {
    double loss = 0;
    double train_flops = 0, chin_params = 0, chin_tokens = 0, chin_train_flops = 0;
    double extra_train = 0;        // train_flops / chin_train_flops - 1
    double inference_saving = 0;   // 1 - N / N_chin per served token
};
Result<Overtraining> overtraining(const Law& law, double params, double tokens);

}  // namespace scaling
