// laws.cpp: the catalogue, loaded once from the embedded assets/laws.jsonl.
#include "laws.hpp"

#include "catalog.hpp"

namespace scaling {
namespace {

const Loaded<Law>& loaded() {
    static const Loaded<Law> l = keep(parse_laws(embedded::kLawsJsonl, "assets/laws.jsonl"));
    return l;
}

}  // namespace

const std::vector<Law>& all_laws() { return loaded().items; }
const std::string& catalog_error() { return loaded().error; }

const Law* find_law(std::string_view id) {
    for (const Law& l : all_laws())
        if (l.id == id) return &l;
    return nullptr;
}

int default_law_index() {
    const std::vector<Law>& laws = all_laws();
    for (size_t i = 0; i < laws.size(); ++i)
        if (laws[i].id == kDefaultLawId) return static_cast<int>(i);
    return 0;
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
