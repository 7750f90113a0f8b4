// fuzz_link.cpp: a permalink's query applied to the explorer's state (shell/app_link.cpp over
// core/query.hpp). The link the state then writes must read back to itself: what a hostile link
// leaves behind is always a state the app can name.
#include <cstdint>
#include <string>
#include <string_view>

#include "app.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    app::State s;
    (void)app::apply_query(s, text);
    if (s.requested_view >= 0) s.view = s.requested_view;
    const std::string once = app::query_of(s);
    app::State t;
    (void)app::apply_query(t, once);
    if (t.requested_view >= 0) t.view = t.requested_view;
    if (app::query_of(t) != once) __builtin_trap();
    return 0;
}
