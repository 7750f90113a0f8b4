// desktop_pages.hpp: the desktop's Platform::open_page. The site's pages (docs-*.html, about.html)
// open in the system browser from a local copy when there is one, else from the public address
// the build was given; the browser is started through xdg-open with an argument vector, never a
// shell command line, so no text of a page name is ever read by a shell.
#pragma once
#include <string>
#include <vector>

namespace desktop_pages {

struct Site {
    std::vector<std::string> dirs;  // folders that may hold the site's pages, searched in order
    std::string public_url;         // the explorer's public address ("https://host/scaling/index.html"), or ""
};

// What to open for `path`, named relative to the explorer's address as Platform::open_page names it
// ("docs-fit.html", "?view=fit"): a local file that exists, else the public address resolved
// against it, else "" (nowhere to open it).
std::string resolve(const Site& site, const std::string& path);

// Resolves `path` and opens it with xdg-open; says on stderr when there is nothing to open or
// xdg-open cannot be started. Does not wait for the browser.
void open(const Site& site, const std::string& path);

}  // namespace desktop_pages
