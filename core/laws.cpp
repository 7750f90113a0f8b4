// laws.cpp: the catalogue, loaded once from the embedded assets/laws.jsonl.
#include "laws.hpp"

#include "catalog.hpp"

namespace scaling {
namespace {

struct Loaded {
    std::vector<Law> laws;
    std::string error;
};

const Loaded& loaded() {
    static const Loaded l = [] {
        Loaded out;
        Result<std::vector<Law>> r = parse_laws(embedded::kLawsJsonl, "assets/laws.jsonl");
        if (r.ok()) out.laws = std::move(r.value);
        else out.error = r.error;
        return out;
    }();
    return l;
}

}  // namespace

const std::vector<Law>& all_laws() { return loaded().laws; }
const std::string& catalog_error() { return loaded().error; }

const Law* find_law(std::string_view id) {
    for (const Law& l : all_laws())
        if (l.id == id) return &l;
    return nullptr;
}

std::string law_ids_joined() {
    std::string out;
    for (const Law& l : all_laws()) {
        if (!out.empty()) out += ", ";
        out += l.id;
    }
    return out;
}

}  // namespace scaling
