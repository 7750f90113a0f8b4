// router.hpp: adaptive compute, a router's task mix. Requests split into classes, each with its
// share, output tokens and the model it is sent to; each class is priced and timed by the serving
// model (serving.hpp, a roofline on one GPU type), and the blend is set against sending every
// request through the most expensive class's path. Modes: fast (the cheapest path at the online
// batch), thinking (the most expensive path at the online batch), background (that path at the
// largest batch the KV cache allows: cheaper, slower).
#pragma once
#include <string>
#include <vector>

#include "serving.hpp"

namespace scaling {

// [SECTION] Defaults: the circulating guidance on tokens per request
// "Classification 1x, summarisation 2-5x, reasoning 10-100x the tokens of a plain answer" circulates
// in posts on adaptive compute and model routing without a measurement behind it (no paper found):
// it is used here as the default mix, at the geometric middle of each range (3x, 30x), on a plain
// answer of 250 tokens (the explorer's default output, inputs::kOutputTokens). The shares (60/30/10)
// follow the three-tier split that circulates with it (mechanical 60-70%, standard 20-30%, complex
// reasoning 5-10% of requests: ai-cost-estimator.com, "How to reduce LLM token costs by 90% with
// smart model routing", 2026); the models (8B, 8B, 70B) are assumptions the user edits.
inline constexpr double kPlainAnswerTokens = 250;
inline constexpr int kRouterClasses = 3;

struct RouterClass {
    std::string name;          // "classification"
    double share = 0;          // fraction of requests, [0, 1]
    double output_tokens = 0;  // per request (thinking tokens included)
    double params = 0;         // the model it is sent to
    double quality = -1;       // the user's quality of its answers, [0, 1]; < 0 = not given
};

struct RouterInputs {
    const Gpu* gpu = nullptr;
    std::vector<RouterClass> classes;
    double prompt_tokens = 1000;  // per request, every class
    double batch = 32;            // sequences decoded together on the online paths
    double price_per_hour = 0;    // per GPU; 0 = the catalogue's
};

struct RouterClassResult {
    RouterClass in;
    ServeResult serve;               // its path at the online batch
    double dollars_per_request = 0;
    double latency_seconds = 0;      // time to first token + decode of its output
    double quality_per_dollar = 0;   // when its quality is given
};

struct RouterMode {
    std::string name;                // fast, thinking, background
    std::string path;                // which class's path, at which batch
    double latency_seconds = 0;
    double dollars_per_request = 0;
};

struct RouterResult {
    std::vector<RouterClassResult> classes;
    int expensive = 0;                          // index of the most expensive class per request
    double blended_dollars_per_request = 0;     // sum of share x class cost
    double blended_latency_seconds = 0;         // sum of share x class latency
    double all_expensive_dollars_per_request = 0;
    double all_expensive_latency_seconds = 0;
    double saving_factor = 0;                   // all expensive / blended
    double blended_quality = -1;                // sum of share x quality, when every class has one
    double quality_per_dollar = 0;              // blended quality / blended dollars
    std::vector<RouterMode> modes;
    std::string prices_as_of;
    std::vector<std::string> warnings;
};

// The circulating claim: routing saves 5-10x against sending everything to the largest model (the
// same posts: "80-90%"; RouteLLM, Ong et al. 2024, arXiv 2406.18665, reports savings of over 2x
// without losing response quality, from API prices rather than serving cost).
inline constexpr double kClaimedSavingLow = 5, kClaimedSavingHigh = 10;

// Errors name the field: a share outside [0, 1] (share_<class>), shares that do not sum to 1
// (the last class's share), a model that fits no replica (params_<class>).
Result<RouterResult> route(const RouterInputs& in);
// The default classes (the guidance above).
std::vector<RouterClass> default_router_classes();
// The claim's verdict for a computed saving: "within the claim", "below the claim", "above the claim".
std::string saving_verdict(double saving_factor);

}  // namespace scaling
