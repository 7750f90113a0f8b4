// test_lifetime.cpp: Sardana et al. 2024's lifetime optimum: the constraint holds, neighbours cost
// more, zero demand gives the Chinchilla-optimal model; dollars, break-even and over-training.
#include <doctest/doctest.h>

#include <cmath>

#include "core/allocation.hpp"
#include "core/compute.hpp"
#include "core/lifetime.hpp"
#include "core/loss.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
// Sardana et al. 2024 (arXiv 2401.00448), their code's default law.
Law sardana() {
    Law l = *find_law("custom");
    l.chinchilla = {1.69, 406.4, 410.7, 0.336, 0.283};
    return l;
}
}  // namespace

TEST_CASE("FLOP accounting: 6 per parameter and token to train, 2 to serve (Kaplan et al. 2020, Sec. 2.1)") {
    CHECK(kTrainFlopPerParamToken == 6.0);
    CHECK(kInferenceFlopPerParamToken == 2.0);
    const auto r = lifetime_optimum(sardana(), 1.947, 2e12);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value.best.infer_flops == Approx(2 * r.value.best.params * 2e12).epsilon(1e-15));
}

TEST_CASE("the Sardana law gives L(70e9, 1e12) = 1.947") {
    CHECK(std::fabs(predict_loss(sardana(), 70e9, 1e12).value - 1.947) < 5e-4);
}

TEST_CASE("the lifetime optimum meets the loss within 1e-6 and beats its neighbours on total FLOP") {
    const Law law = sardana();
    const auto r = lifetime_optimum(law, 1.947, 2e12);
    REQUIRE_MESSAGE(r.ok(), r.error);
    const LifetimeModel& m = r.value.best;
    CHECK(std::fabs(predict_loss(law, m.params, m.tokens).value - 1.947) < 1e-6);
    for (double f : {0.9, 0.99, 1.01, 1.1}) {
        const double n = m.params * f;
        const double d = tokens_for_loss(law, n, 1.947).value;
        CAPTURE(f);
        CHECK(6 * n * d + 2 * n * 2e12 > m.total_flops);
    }
    CHECK(r.value.params_ratio < 1);    // serving pushes towards a smaller model...
    CHECK(r.value.tokens_ratio > 1);    // ...trained on more tokens
    CHECK(r.value.lifetime_saving > 0);
    CHECK(r.value.lifetime_saving < 1);
}

TEST_CASE("with no inference demand the lifetime optimum is the Chinchilla-optimal model") {
    const Law& law = *find_law("chinchilla-a3");
    const Allocation chin = optimal(law, 5.76e23).value;  // loss 1.9307 at 32.2B params
    const auto r = lifetime_optimum(law, chin.loss, 0);
    REQUIRE(r.ok());
    CHECK(r.value.best.params == Approx(chin.params).epsilon(1e-5));
    CHECK(r.value.best.tokens == Approx(chin.tokens).epsilon(1e-5));
    CHECK(r.value.chinchilla.params == Approx(chin.params).epsilon(1e-5));
    CHECK(std::fabs(r.value.lifetime_saving) < 1e-9);
}

TEST_CASE("more demand, smaller model") {
    const Law law = sardana();
    double prev = INFINITY;
    for (double d_inf : {1e10, 1e12, 1e14}) {
        const double n = lifetime_optimum(law, 2.0, d_inf).value.best.params;
        CHECK(n < prev);
        prev = n;
    }
}

TEST_CASE("unreachable losses and bad demand are refused, naming the field") {
    const Law law = sardana();
    CHECK(lifetime_optimum(law, 1.5, 1e12).field == "loss");   // below E = 1.69
    CHECK(lifetime_optimum(law, -2, 1e12).field == "loss");
    CHECK(lifetime_optimum(law, 2.0, -1).field == "inference_tokens");
    CHECK(lifetime_optimum(*find_law("ratio20"), 2.0, 1e12).field == "law");
    CHECK(tokens_for_loss(law, 1e6, 1.9).field == "loss");    // 1M params cannot reach 1.9 whatever the data
}

TEST_CASE("the dollar version weights training, prefill and decode by their own prices") {
    const Law law = sardana();
    const Phase train{2.5, 989e12, 0.4}, prefill{2.5, 1979e12, 0.5}, decode{2.5, 1979e12, 0.1};
    const Demand demand{1e10, 1000, 250};  // 1e10 requests of 1,250 tokens
    const auto r = lifetime_dollars(law, 2.0, train, prefill, decode, demand);
    REQUIRE_MESSAGE(r.ok(), r.error);
    const DollarResult& d = r.value;
    CHECK(d.r.best.cost == Approx(d.train_dollars + d.prefill_dollars + d.decode_dollars).epsilon(1e-9));
    CHECK(d.r.chinchilla.cost == Approx(d.chin_train_dollars + d.chin_prefill_dollars + d.chin_decode_dollars).epsilon(1e-9));
    CHECK(d.r.best.cost < d.r.chinchilla.cost);
    // Decode at 10% MFU costs 5x prefill per FLOP here: the output tokens dominate serving.
    CHECK(d.decode_dollars > d.prefill_dollars);
    CHECK(lifetime_dollars(law, 2.0, Phase{2.5, 989e12, 1.4}, prefill, decode, demand).field == "train_mfu");
    CHECK(lifetime_dollars(law, 2.0, train, prefill, decode, Demand{0, 1, 1}).field == "requests");
}

TEST_CASE("break-even: extra training repaid after extra / saving tokens") {
    const Law law = sardana();
    const auto chin = lifetime_optimum(law, 2.0, 0).value.chinchilla;
    const auto b = break_even(law, 2.0, chin.params * 0.5);
    REQUIRE(b.ok());
    CHECK(b.value.extra_train_flops > 0);
    CHECK(b.value.saving_per_token == Approx(2 * chin.params * 0.5).epsilon(1e-9));
    CHECK(b.value.tokens == Approx(b.value.extra_train_flops / b.value.saving_per_token).epsilon(1e-12));
    CHECK(break_even(law, 2.0, chin.params * 1.5).field == "params");
}

TEST_CASE("over-training: Llama 2 7B on 2T tokens against the Chinchilla-optimal model of equal loss") {
    const Law& law = *find_law("chinchilla-a3");
    const auto o = overtraining(law, 7e9, 2e12);
    REQUIRE(o.ok());
    CHECK(o.value.loss == Approx(predict_loss(law, 7e9, 2e12).value));
    CHECK(o.value.train_flops == Approx(8.4e22));
    CHECK(o.value.chin_params > 7e9);         // the equal-loss compute-optimal model is bigger...
    CHECK(o.value.chin_train_flops < 8.4e22); // ...and cheaper to train
    CHECK(o.value.extra_train > 0);
    CHECK(o.value.inference_saving == Approx(1 - 7e9 / o.value.chin_params));
}
