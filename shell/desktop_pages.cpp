// desktop_pages.cpp: finding a page of the site on disk or on the web, and starting xdg-open.
#include "desktop_pages.hpp"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <thread>

extern char** environ;

namespace desktop_pages {
namespace {

bool is_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// `path` against `base` the way a browser resolves a relative link: a query replaces the base's
// query; a file name replaces the base's last path segment.
std::string against(const std::string& base, const std::string& path) {
    const std::string page = base.substr(0, base.find_first_of("?#"));
    if (!path.empty() && path[0] == '?') return page + path;
    const size_t slash = page.rfind('/');
    return (slash == std::string::npos ? std::string() : page.substr(0, slash + 1)) + path;
}

}  // namespace

std::string resolve(const Site& site, const std::string& path) {
    // Only a plain page name can be a local file: a query needs the explorer itself, which a
    // file:// page cannot load (browsers refuse its WebAssembly there).
    const bool plain_page = !path.empty() && path.find_first_of("/?#") == std::string::npos && path[0] != '.';
    if (plain_page)
        for (const std::string& dir : site.dirs)
            if (is_file(dir + "/" + path)) return dir + "/" + path;
    return site.public_url.empty() ? std::string() : against(site.public_url, path);
}

void open(const Site& site, const std::string& path) {
    const std::string target = resolve(site, path);
    if (target.empty()) {
        std::fprintf(stderr, "scaling-explorer: %s is not on this computer and the build has no public address "
                             "(configure with -DSCALING_PUBLIC_URL=...)\n", path.c_str());
        return;
    }
    const char* argv[] = {"xdg-open", target.c_str(), nullptr};
    pid_t pid = 0;
    const int err = posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ);
    if (err != 0) {
        std::fprintf(stderr, "scaling-explorer: cannot start xdg-open to show %s: %s\n", target.c_str(),
                     std::strerror(err));
        return;
    }
    // xdg-open may wait for the browser it starts: reap it whenever it ends, without holding the UI.
    std::thread([pid] { ::waitpid(pid, nullptr, 0); }).detach();
}

}  // namespace desktop_pages
