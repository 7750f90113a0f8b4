// hardware.cpp: the accelerator catalogue, budget solving and memory arithmetic.
#include "hardware.hpp"

#include <cmath>

#include "catalog.hpp"
#include "csv.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

const Loaded<Gpu>& loaded() {
    static const Loaded<Gpu> l = keep(parse_hardware(embedded::kHardwareCsv, "assets/hardware.csv"));
    return l;
}

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

}  // namespace

double Gpu::peak_flops(Dtype dtype) const {
    switch (dtype) {
        case Dtype::BF16: return bf16_tflops * 1e12;
        case Dtype::FP8: return fp8_tflops * 1e12;
        case Dtype::INT8: return int8_tops * 1e12;
        default: return 0;  // FP32/INT4 are storage formats here, not training throughput
    }
}

Result<std::vector<Gpu>> parse_hardware(std::string_view text, std::string_view file) {
    // Local, not global: a catalogue may load during static initialisation (the web entry's state is
    // a global), before another file's globals are built.
    static const std::vector<std::string> kColumns = {"id", "name", "bf16_tflops", "fp8_tflops", "int8_tops", "memory_gb",
                                                      "bandwidth_gbs", "price_per_hour", "source", "price_source", "price_date"};
    using R = Result<std::vector<Gpu>>;
    const Result<std::vector<CsvRow>> rows = read_catalogue(text, file, kColumns, "gpu");
    if (!rows.ok()) return R::fail(rows.error);
    std::vector<Gpu> out;
    for (const CsvRow& row : rows.value) {
        const std::string& at = row.at;
        const auto& f = row.fields;
        Gpu g;
        g.id = f[0], g.name = f[1], g.source = f[8], g.price_source = f[9], g.price_date = f[10];
        if (g.source.empty() || g.price_source.empty()) return R::fail(at + ": missing source");
        if (g.price_date.empty()) return R::fail(at + ": missing price_date (when the price was read)");
        const std::string bad = read_numbers(row, kColumns, at,
                                             {{2, &g.bf16_tflops, true}, {3, &g.fp8_tflops, false},
                                              {4, &g.int8_tops, false},  {5, &g.memory_gb, true},
                                              {6, &g.bandwidth_gbs, true}, {7, &g.price_per_hour, true}});
        if (!bad.empty()) return R::fail(bad);
        out.push_back(std::move(g));
    }
    return R::of(std::move(out));
}

const std::vector<Gpu>& all_gpus() { return loaded().items; }
const std::string& hardware_error() { return loaded().error; }

Result<const Gpu*> gpu_from_id(std::string_view id) {
    if (const Gpu* g = find_by_id(all_gpus(), id)) return Result<const Gpu*>::of(g);
    std::string ids;
    for (const Gpu& g : all_gpus()) ids += (ids.empty() ? "" : ", ") + g.id;
    return Result<const Gpu*>::fail("unknown GPU " + quote_input(id) + "; valid ids: " + ids, "gpu");
}

Result<Dtype> dtype_from_text(std::string_view text) {
    std::string s;
    for (char c : text) s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (s == "fp32") return Result<Dtype>::of(Dtype::FP32);
    if (s == "bf16" || s == "fp16") return Result<Dtype>::of(Dtype::BF16);
    if (s == "fp8") return Result<Dtype>::of(Dtype::FP8);
    if (s == "int8") return Result<Dtype>::of(Dtype::INT8);
    if (s == "int4") return Result<Dtype>::of(Dtype::INT4);
    return Result<Dtype>::fail("unknown dtype " + quote_input(text) + "; use fp32, bf16, fp8, int8 or int4", "dtype");
}

const char* dtype_name(Dtype d) {
    switch (d) {
        case Dtype::FP32: return "FP32";
        case Dtype::BF16: return "BF16";
        case Dtype::FP8: return "FP8";
        case Dtype::INT8: return "INT8";
        case Dtype::INT4: return "INT4";
    }
    return "?";
}

double bytes_per_param(Dtype d) {
    switch (d) {
        case Dtype::FP32: return 4;
        case Dtype::BF16: return 2;
        case Dtype::FP8: return 1;
        case Dtype::INT8: return 1;
        case Dtype::INT4: return 0.5;
    }
    return 2;
}

Result<Budget> solve_budget(Budget b) {
    using R = Result<Budget>;
    if (!b.gpu) return R::fail("is required", "gpu");
    const double peak = b.gpu->peak_flops(b.dtype);
    if (!(peak > 0)) return R::fail(std::string(b.gpu->name) + " has no dense " + dtype_name(b.dtype) + " mode", "dtype");
    if (b.price_per_hour == 0) b.price_per_hour = b.gpu->price_per_hour;
    struct Field { const char* name; double* v; };
    const Field fields[] = {{"flops", &b.flops}, {"gpus", &b.gpus}, {"days", &b.days}, {"mfu", &b.mfu},
                            {"dollars", &b.dollars}, {"price", &b.price_per_hour}};
    for (const Field& f : fields)
        if (*f.v != 0 && !finite_positive(*f.v)) return R::fail("must be a finite number greater than zero", f.name);
    if (b.mfu > 1) return R::fail("is a fraction of peak: it must lie in (0, 1]", "mfu");
    if (b.days > 0 && b.dollars > 0) return R::fail("give days or dollars, not both (dollars fix GPU-hours)", "dollars");

    // GPU-hours come from gpus x days, or from dollars / price.
    double hours = 0;
    if (b.dollars > 0) hours = b.dollars / b.price_per_hour;
    else if (b.gpus > 0 && b.days > 0) hours = b.gpus * b.days * 24;
    const double per_hour = 3600 * peak;  // FLOP per GPU-hour at 100% MFU

    const int open = (b.flops == 0) + (b.mfu == 0) + (hours == 0);
    if (open == 0) return R::fail("everything is given: leave one of flops, gpus, days (or dollars), mfu open", "flops");
    if (open > 1) return R::fail("too little is given: of flops, gpus x days (or dollars) and mfu, give all but one", b.flops == 0 ? "flops" : "mfu");
    if (b.flops == 0) {
        b.flops = hours * per_hour * b.mfu;
    } else if (b.mfu == 0) {
        b.mfu = b.flops / (hours * per_hour);
        if (b.mfu > 1)
            return R::fail("would need " + format_fixed(b.mfu * 100, 0) + "% of peak: the budget cannot be reached on this hardware", "mfu");
    } else {
        hours = b.flops / (per_hour * b.mfu);
    }
    // Split GPU-hours into GPUs and days, whichever was given.
    if (b.gpus > 0 && b.days == 0) b.days = hours / (24 * b.gpus);
    else if (b.days > 0 && b.gpus == 0) b.gpus = hours / (24 * b.days);
    else if (b.gpus == 0 && b.days == 0) return R::fail("give gpus or days to split the GPU-hours", "gpus");
    b.gpu_hours = hours;
    b.dollars = hours * b.price_per_hour;
    if (!finite_positive(b.flops) || !finite_positive(b.gpu_hours)) return R::fail("the result overflows", "flops");
    return R::of(b);
}

Result<Memory> memory(const MemoryInputs& in, const Gpu& gpu) {
    using R = Result<Memory>;
    if (!finite_positive(in.params)) return R::fail("must be a finite number greater than zero", "params");
    if (!(in.usable_fraction > 0 && in.usable_fraction <= 1)) return R::fail("must lie in (0, 1]", "usable");
    for (double v : {in.layers, in.kv_heads, in.head_dim, in.context_tokens})
        if (v < 0 || !std::isfinite(v)) return R::fail("KV-cache dimensions must not be negative", "layers");
    if (!finite_positive(in.batch)) return R::fail("must be a finite number greater than zero", "batch");
    Memory m;
    m.weights_gb = in.params * bytes_per_param(in.weights) / 1e9;
    m.training_gb = in.params * kTrainingBytesPerParam / 1e9;
    m.kv_bytes_per_token = 2 * in.layers * in.kv_heads * in.head_dim * 2;  // K and V, BF16
    m.kv_cache_gb = m.kv_bytes_per_token * in.context_tokens * in.batch / 1e9;
    m.serve_gb = m.weights_gb + m.kv_cache_gb;
    const double usable = gpu.memory_gb * in.usable_fraction;
    m.gpus_to_train = std::ceil(m.training_gb / usable - 1e-9);
    m.gpus_to_serve = std::ceil(m.serve_gb / usable - 1e-9);
    return R::of(m);
}

}  // namespace scaling
