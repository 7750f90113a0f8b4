// presets.cpp: the presets file, checked against the gallery and the hardware catalogue.
#include "presets.hpp"

#include <algorithm>

#include "catalog.hpp"
#include "csv.hpp"

namespace scaling {
namespace {

const Loaded<Preset>& loaded() {
    static const Loaded<Preset> l =
        keep(parse_presets(embedded::kPresetsCsv, "assets/presets.csv", all_models(), all_gpus()));
    return l;
}

}  // namespace

Result<std::vector<Preset>> parse_presets(std::string_view text, std::string_view file,
                                          const std::vector<Model>& models, const std::vector<Gpu>& gpus) {
    // Local, not global: a catalogue may load during static initialisation (the web entry's state is
    // a global), before another file's globals are built.
    static const std::vector<std::string> kColumns = {"id",  "name", "model", "flops", "gpu",
                                                      "gpus", "mfu", "offered_in", "source"};
    using R = Result<std::vector<Preset>>;
    const Result<std::vector<CsvRow>> rows = read_catalogue(text, file, kColumns, "preset");
    if (!rows.ok()) return R::fail(rows.error);
    std::vector<Preset> out;
    for (const CsvRow& row : rows.value) {
        const std::string& at = row.at;
        const std::vector<std::string>& f = row.fields;
        Preset p;
        p.id = f[0], p.name = f[1], p.model = f[2], p.gpu = f[4], p.source = f[8];
        if (p.source.empty()) return R::fail(at + ": missing source");
        const std::string bad = read_numbers(row, kColumns, at, {{3, &p.flops, false}, {5, &p.gpus, false}, {6, &p.mfu, false}});
        if (!bad.empty()) return R::fail(bad);
        if (p.mfu > 1) return R::fail(at + ": mfu: a fraction of peak, in (0, 1]");
        if (!p.model.empty()) {
            // The gallery row holds the run's figures: a second copy here could drift from it.
            const Model* m = find_by_id(models, p.model);
            if (!m) return R::fail(at + ": model: no row \"" + p.model + "\" in the gallery (models.csv)");
            if (p.flops > 0) return R::fail(at + ": flops: the gallery row gives it; leave it empty");
            p.flops = m->reported_flops > 0 ? m->reported_flops : training_flops(*m);
            p.gpu_hours = m->gpu_hours;
        }
        if (!(p.flops > 0)) return R::fail(at + ": flops: missing (give it, or a gallery model with FLOP or tokens)");
        if (!p.gpu.empty() && !find_by_id(gpus, p.gpu)) return R::fail(at + ": gpu: no hardware \"" + p.gpu + "\" (hardware.csv)");
        // Space-separated words, read without <sstream>: iostreams would add 100 KB to the web app.
        for (size_t i = 0, j = 0; i < f[7].size(); i = j + 1) {
            j = std::min(f[7].find(' ', i), f[7].size());
            const std::string place = f[7].substr(i, j - i);
            if (place == "allocator") p.in_allocator = true;
            else if (place == "budget") p.in_budget = true;
            else if (!place.empty()) return R::fail(at + ": offered_in: \"" + place + "\" is not allocator or budget");
        }
        // The budget converter leaves one of FLOP, GPU-hours and MFU open: the other two must be known.
        if (p.in_budget && (p.gpu.empty() || !(p.gpus > 0) || (p.gpu_hours > 0) == (p.mfu > 0)))
            return R::fail(at + ": offered_in: a budget preset needs gpu, gpus, and either GPU-hours (from its model) or mfu");
        out.push_back(std::move(p));
    }
    return R::of(std::move(out));
}

const std::vector<Preset>& all_presets() { return loaded().items; }
const std::string& presets_error() { return loaded().error; }

const Preset* find_preset(std::string_view id) { return find_by_id(all_presets(), id); }

std::string budget_preset_ids() {
    std::string out;
    for (const Preset& p : all_presets())
        if (p.in_budget) out += (out.empty() ? "" : ", ") + p.id;
    return out;
}

}  // namespace scaling
