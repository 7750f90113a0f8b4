// test_post_training.cpp: RL post-training compute (core/rl.hpp) and distillation through generated
// data (core/distillation.hpp) against hand computations, and their requests' refusals naming the field.
#include <doctest/doctest.h>

#include <cmath>

#include "core/commands.hpp"
#include "core/distillation.hpp"
#include "core/requests.hpp"
#include "core/rl.hpp"

using namespace scaling;

namespace {
// The brief's worked example: N = 7e9, P = 1e4 prompts, K = 8, T = 1000, one epoch, a KL term, H100 at
// 40% MFU and the catalogue's $2.50 per hour (assets/hardware.csv).
RlInputs rl_defaults() {
    RlInputs in;
    in.gpu = gpu_from_id("h100-sxm").value;
    in.params = 7e9, in.prompts = 1e4, in.group_size = 8, in.tokens_per_sample = 1000, in.mfu = 0.4;
    return in;
}
struct Bad {
    const char* key;
    const char* text;
};
// Each bad value in place of base's (or added to it) is refused, naming its key.
template <size_t Count>
void check_refusals(Result<Json> (*request)(const Args&), const Args& base, const Bad (&bad)[Count]) {
    for (const Bad& b : bad) {
        Args a = base;
        a[b.key] = b.text;
        const Result<Json> r = request(a);
        CAPTURE(b.key);
        CHECK(!r.ok());
        CHECK(r.field == b.key);
    }
}
DistillInputs distill_defaults() {
    DistillInputs in;
    in.gpu = gpu_from_id("h100-sxm").value;
    in.teacher_params = 70e9, in.student_params = 7e9, in.dataset_gb = 300, in.mfu = 0.4;
    return in;
}
}  // namespace

TEST_CASE("rl: N = 7e9, P = 1e4, K = 8, T = 1000 by hand") {
    const Result<RlResult> r = rl_cost(rl_defaults());
    REQUIRE(r.ok());
    // Samples 1e4 x 8 = 8e4; tokens 8e4 x 1000 = 8e7.
    CHECK(r.value.samples == doctest::Approx(8e4).epsilon(1e-12));
    CHECK(r.value.sampled_tokens == doctest::Approx(8e7).epsilon(1e-12));
    // Rollouts 2 x 7e9 x 8 x 1e4 x 1000 = 1.12e18; update 6 x ... = 3.36e18; reference 2 x ... = 1.12e18.
    CHECK(r.value.rollout.flops == doctest::Approx(1.12e18).epsilon(1e-12));
    CHECK(r.value.update.flops == doctest::Approx(3.36e18).epsilon(1e-12));
    CHECK(r.value.reference.flops == doctest::Approx(1.12e18).epsilon(1e-12));
    CHECK(r.value.total_flops == doctest::Approx(5.6e18).epsilon(1e-12));
    // GPU-hours 5.6e18 / (989e12 x 0.4 x 3600) = 3.93214; x $2.50 = $9.8304
    // (python3 -c "p=989e12*0.4*3600; print(5.6e18/p, 5.6e18/p*2.5)").
    CHECK(r.value.total_gpu_hours == doctest::Approx(3.932142).epsilon(1e-6));
    CHECK(r.value.total_dollars == doctest::Approx(9.830356).epsilon(1e-6));
    // Pretraining not given: D = 20 x 7e9 = 1.4e11; 6ND = 5.88e21; share 5.6e18 / 5.88e21 = 9.5238e-4.
    CHECK(r.value.pretraining_default);
    CHECK(r.value.pretraining_flops == doctest::Approx(5.88e21).epsilon(1e-12));
    CHECK(r.value.pretraining_share == doctest::Approx(9.5238095e-4).epsilon(1e-7));
    // The rollouts' MFU was not given: the warning says generation is memory-bound.
    REQUIRE(!r.value.warnings.empty());
    CHECK(r.value.warnings[0].find("memory-bound") != std::string::npos);
}

TEST_CASE("rl: no KL term drops the reference forward; epochs, a rollout MFU and D scale as stated") {
    RlInputs in = rl_defaults();
    in.reference_model = false;
    CHECK(rl_cost(in).value.reference.flops == 0);
    CHECK(rl_cost(in).value.total_flops == doctest::Approx(4.48e18).epsilon(1e-12));  // 1.12e18 + 3.36e18
    in = rl_defaults();
    in.epochs = 3;
    CHECK(rl_cost(in).value.total_flops == doctest::Approx(3 * 5.6e18).epsilon(1e-12));
    // A rollout MFU of 0.1: 1.12e18 / (989e12 x 0.1 x 3600) + 4.48e18 / (989e12 x 0.4 x 3600) = 6.29143 GPU-hours.
    in = rl_defaults();
    in.rollout_mfu = 0.1;
    const Result<RlResult> r = rl_cost(in);
    CHECK(r.value.total_gpu_hours == doctest::Approx(6.291428).epsilon(1e-6));
    CHECK(r.value.warnings.empty());  // a rollout MFU below the updates' is what the warning asks for
    // Pretraining on 2T tokens: 6 x 7e9 x 2e12 = 8.4e22; share 5.6e18 / 8.4e22 = 6.6667e-5.
    in = rl_defaults();
    in.pretraining_tokens = 2e12;
    CHECK(!rl_cost(in).value.pretraining_default);
    CHECK(rl_cost(in).value.pretraining_share == doctest::Approx(6.6666667e-5).epsilon(1e-7));
}

TEST_CASE("rl: DeepSeekMath-RL's setting (arXiv 2402.03300, Sec. 4.2), one pass at the 1024-token ceiling") {
    RlInputs in = rl_defaults();
    const RlSetting& d = kDeepSeekMathRl;
    in.params = d.params, in.prompts = d.prompts, in.group_size = d.group_size, in.tokens_per_sample = d.tokens_per_sample;
    const Result<RlResult> r = rl_cost(in);
    REQUIRE(r.ok());
    // 2 x 7e9 x 64 x 144e3 x 1024 = 1.32120576e20; total (2 + 6 + 2) x ... = 6.6060288e20
    // (python3 -c "print(2*7e9*64*144e3*1024, 10*7e9*64*144e3*1024)").
    CHECK(r.value.rollout.flops == doctest::Approx(1.32120576e20).epsilon(1e-12));
    CHECK(r.value.total_flops == doctest::Approx(6.6060288e20).epsilon(1e-12));
}

TEST_CASE("rl: the request refuses bad input naming the field, and its JSON carries rollout_flops") {
    const Result<Json> ok = rl_request({{"params", "7e9"}, {"prompts", "1e4"}, {"group_size", "8"},
                                        {"tokens_per_sample", "1000"}});
    REQUIRE(ok.ok());
    CHECK(ok.value["rollout_flops"].get<double>() == doctest::Approx(1.12e18).epsilon(1e-12));
    CHECK(ok.value["prices_as_of"] == "2025");
    CHECK(ok.value["claims"][0]["source"].get<std::string>().find("Toby Ord") != std::string::npos);
    const Args base{{"params", "7e9"}, {"prompts", "1e4"}, {"group_size", "8"}, {"tokens_per_sample", "1000"}};
    const Bad bad[] = {
        {"params", "-7e9"}, {"prompts", "0"}, {"group_size", "2.5"}, {"tokens_per_sample", "abc"},
        {"epochs", "NaN"}, {"mfu", "1.5"}, {"rollout_mfu", "0"}, {"pretraining_tokens", "1e400"},
        {"reference_model", "maybe"}, {"gpu", "nope"}, {"price", "-1"}};
    check_refusals(rl_request, base, bad);
}

TEST_CASE("distill: 300 GB at 4 bytes per token, a 70B teacher and a 7B student by hand") {
    const Result<DistillResult> r = distill_cost(distill_defaults());
    REQUIRE(r.ok());
    // 300e9 bytes / 4 = 7.5e10 tokens; teacher 2 x 70e9 x 7.5e10 = 1.05e22; student 6 x 7e9 x 7.5e10 = 3.15e21.
    CHECK(r.value.tokens == doctest::Approx(7.5e10).epsilon(1e-12));
    CHECK(r.value.generation.flops == doctest::Approx(1.05e22).epsilon(1e-12));
    CHECK(r.value.fine_tuning.flops == doctest::Approx(3.15e21).epsilon(1e-12));
    CHECK(r.value.total_flops == doctest::Approx(1.365e22).epsilon(1e-12));
    // GPU-hours 1.365e22 / (989e12 x 0.4 x 3600) = 9584.597; x $2.50 = $23,961.49.
    CHECK(r.value.total_gpu_hours == doctest::Approx(9584.597).epsilon(1e-6));
    CHECK(r.value.total_dollars == doctest::Approx(23961.49).epsilon(1e-6));
    // Two epochs double the student only; 3.3 bytes per token: 300e9 / 3.3 = 9.0909e10 tokens.
    DistillInputs in = distill_defaults();
    in.epochs = 2;
    CHECK(distill_cost(in).value.fine_tuning.flops == doctest::Approx(6.3e21).epsilon(1e-12));
    CHECK(distill_cost(in).value.generation.flops == doctest::Approx(1.05e22).epsilon(1e-12));
    in = distill_defaults();
    in.bytes_per_token = 3.3;
    CHECK(distill_cost(in).value.tokens == doctest::Approx(9.0909091e10).epsilon(1e-7));
}

TEST_CASE("distill: the request refuses bad input naming the field; the law is reported as not computed") {
    const Args base{{"teacher_params", "70e9"}, {"student_params", "7e9"}, {"dataset_gb", "300"}};
    const Result<Json> ok = distill_request(base);
    REQUIRE(ok.ok());
    CHECK(ok.value["tokens"].get<double>() == doctest::Approx(7.5e10).epsilon(1e-12));
    CHECK(ok.value["claims"].size() == 3);
    CHECK(ok.value["scaling_law"].get<std::string>().find("not computed") != std::string::npos);
    const Bad bad[] = {
        {"teacher_params", "0"}, {"student_params", "-1"}, {"dataset_gb", "1e400"}, {"bytes_per_token", "abc"},
        {"epochs", "0"}, {"mfu", "0"}, {"generation_mfu", "2"}, {"gpu", "nope"}, {"price", "NaN"}};
    check_refusals(distill_request, base, bad);
}

TEST_CASE("rl and distill are commands: the CLI, the JS API and call_json reach them") {
    CHECK(find_command("rl") != nullptr);
    CHECK(find_command("distill") != nullptr);
    const std::string j = call_json("rl", R"({"params":"7e9","prompts":"1e4","group_size":"8","tokens_per_sample":"1000"})");
    CHECK(j.find("rollout_flops") != std::string::npos);
}
