// result.hpp: a value or a sentence saying what is wrong with it.
// The core never throws across its public API, so no front end needs a try: the UI shows `error`
// next to the field, the CLI prints it and exits 2, the JS API returns it.
#pragma once
#include <string>
#include <utility>

namespace scaling {

template <class T>
struct Result {
    T value{};
    std::string error;  // empty when value is valid
    std::string field;  // the input at fault, named as the CLI flag / URL key ("flops"); may be empty

    bool ok() const { return error.empty(); }
    static Result fail(std::string why, std::string field_name = {}) {
        Result r;
        r.error = std::move(why);
        r.field = std::move(field_name);
        return r;
    }
    static Result of(T v) { Result r; r.value = std::move(v); return r; }
};

}  // namespace scaling
