// page.hpp: the page around the app, as the web branch of app::Platform: the address bar follows
// the state, an embedded view tells its host how tall it is, copy and open become clipboard writes
// and new tabs, exports become downloads, and the user's work lives in localStorage between
// visits. The JavaScript side of each is a Module function of web/api.js.
#pragma once
#include <string>

#include "app.hpp"

namespace web::page {

// The page's services into `platform`, and the page's address (without its query) as its page_url.
void fill(app::Platform& platform);

// At start-up: the saved work first (api.js reads localStorage and hands it to restore_work), then
// the link, which says what to show; what of the link could not be applied becomes a notice.
void load_work();
void apply_link(app::State& state);

// The saved work from localStorage. An entry that cannot be read is set aside under
// "<key>.set-aside", with a notice, and the app starts fresh.
void restore_work(app::State& state, const char* text);

}  // namespace web::page
