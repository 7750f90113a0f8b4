// gallery.cpp: the models file and what is derived from each row.
#include "gallery.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "allocation.hpp"
#include "catalog.hpp"
#include "compute.hpp"
#include "csv.hpp"
#include "loss.hpp"
#include "quantity.hpp"

namespace scaling {

const char* const kDenseEquivalentNote =
    "Estimate: about 3x compute at 1:8 expert sparsity and 6x at 1:32 versus dense (multipliers in "
    "circulation, not a fitted law), 1x for a dense model, interpolated between in log-log.";

Result<std::vector<Model>> parse_models(std::string_view text, std::string_view file) {
    // Local, not global: a catalogue may load during static initialisation (the web entry's state is
    // a global), before another file's globals are built.
    static const std::vector<std::string> kColumns = {
        "id", "name", "organisation", "year", "params_total", "params_active", "tokens",
        "reported_flops", "gpu_hours", "gpu", "experts_total", "experts_active", "source"};
    using R = Result<std::vector<Model>>;
    const Result<std::vector<CsvRow>> rows = read_catalogue(text, file, kColumns, "model");
    if (!rows.ok()) return R::fail(rows.error);
    std::vector<Model> out;
    for (const CsvRow& row : rows.value) {
        const std::string& at = row.at;
        const std::vector<std::string>& f = row.fields;
        Model m;
        m.line = row.line;
        m.id = f[0], m.name = f[1], m.organisation = f[2], m.gpu = f[9], m.source = f[12];
        if (m.source.empty()) return R::fail(at + ": missing source (every row needs a paper or model card)");
        double year = 0, experts_total = 0, experts_active = 0;
        const std::string bad = read_numbers(row, kColumns, at,
                                             {{3, &year, true},            {4, &m.params_total, true},
                                              {5, &m.params_active, true}, {6, &m.tokens, false},
                                              {7, &m.reported_flops, false}, {8, &m.gpu_hours, false},
                                              {10, &experts_total, false}, {11, &experts_active, false}});
        if (!bad.empty()) return R::fail(bad);
        // Ranges are checked before the casts: a double beyond int's range has no int (UB).
        if (year != std::floor(year) || year < 1950 || year > 2100) return R::fail(at + ": year: not a plausible year");
        for (const auto& [value, name] : {std::pair{experts_total, "experts_total"}, std::pair{experts_active, "experts_active"}})
            if (value != std::floor(value) || value > 1e6)
                return R::fail(at + ": " + name + ": a whole number of experts up to a million");
        m.year = static_cast<int>(year);
        m.experts_total = static_cast<int>(experts_total);
        m.experts_active = static_cast<int>(experts_active);
        if (m.params_active > m.params_total) return R::fail(at + ": params_active exceeds params_total");
        if ((m.experts_total > 0) != (m.experts_active > 0)) return R::fail(at + ": give both experts_total and experts_active, or neither");
        if (m.experts_active > m.experts_total) return R::fail(at + ": experts_active exceeds experts_total");
        out.push_back(std::move(m));
    }
    return R::of(std::move(out));
}

namespace {
const Loaded<Model>& loaded() {
    static const Loaded<Model> l = keep(parse_models(embedded::kModelsCsv, "assets/models.csv"));
    return l;
}
}  // namespace

const std::vector<Model>& all_models() { return loaded().items; }
const std::string& gallery_error() { return loaded().error; }

double training_flops(const Model& m) {
    return m.has_tokens() ? kTrainFlopPerParamToken * m.params_active * m.tokens : 0.0;
}

double moe_compute_multiplier(double sparsity) {
    if (!(sparsity > 1)) return 1.0;
    // Through (1, 1x) and (8, 3x), then through (8, 3x) and (32, 6x): continuous at 1:8.
    return sparsity <= 8 ? std::pow(sparsity, std::log(3.0) / std::log(8.0)) : 3.0 * std::sqrt(sparsity / 8.0);
}

double dense_equivalent_flops(const Model& m) {
    if (!m.is_moe() || !m.has_tokens()) return 0.0;
    return training_flops(m) * moe_compute_multiplier(static_cast<double>(m.experts_total) / m.experts_active);
}

Versus versus(const Model& m, const Law& law) {
    Versus v;
    if (!m.has_tokens()) return v;
    const Result<Allocation> opt = optimal(law, training_flops(m));
    if (!opt.ok() || !opt.value.has_params) return v;
    v.ok = true;
    v.optimal_params = opt.value.params;
    v.overtraining = (m.tokens / m.params_active) / opt.value.tokens_per_param;
    // A dense law's loss applies to dense models; for a mixture of experts it would be a guess.
    if (law.has_loss() && !m.is_moe()) {
        const Result<double> l = predict_loss(law, m.params_active, m.tokens);
        if (l.ok()) v.has_loss = true, v.loss = l.value;
    }
    return v;
}


}  // namespace scaling
