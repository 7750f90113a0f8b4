// test_desktop_pages.cpp: the desktop's "Docs" and "Open in the full Scaling Explorer": which file
// or address a page name becomes, and that xdg-open gets it as one argument, never through a shell.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "desktop_pages.hpp"

namespace {

// A fresh folder under the system's temporary one, removed with what it holds at the end.
struct TempDir {
    std::string path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "scaling-pages-XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    void write(const std::string& name, const std::string& text, bool executable = false) const {
        std::ofstream(path + "/" + name) << text;
        if (executable) std::filesystem::permissions(path + "/" + name, std::filesystem::perms::owner_all);
    }
};

std::string read_all(const std::string& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("a docs page opens from the first site folder that has it, else from the public address") {
    TempDir a, b;
    b.write("docs-fit.html", "<p>fit</p>");
    desktop_pages::Site site{{a.path, b.path}, ""};
    CHECK(desktop_pages::resolve(site, "docs-fit.html") == b.path + "/docs-fit.html");
    CHECK(desktop_pages::resolve(site, "docs-models.html").empty());  // nowhere: the user is told so
    site.public_url = "https://example.org/scaling/index.html";
    CHECK(desktop_pages::resolve(site, "docs-fit.html") == b.path + "/docs-fit.html");  // local first
    CHECK(desktop_pages::resolve(site, "docs-models.html") == "https://example.org/scaling/docs-models.html");
}

TEST_CASE("the full explorer with a state opens from the public address, never as a local file") {
    TempDir a;
    a.write("index.html", "<p>app</p>");
    desktop_pages::Site site{{a.path}, "https://example.org/scaling/index.html?old=1"};
    CHECK(desktop_pages::resolve(site, "?view=fit&flops=1e24") == "https://example.org/scaling/index.html?view=fit&flops=1e24");
    site.public_url = "https://example.org/scaling/";
    CHECK(desktop_pages::resolve(site, "?view=fit") == "https://example.org/scaling/?view=fit");
    site.public_url.clear();
    CHECK(desktop_pages::resolve(site, "?view=fit").empty());
    // Only a plain name is looked up on disk: nothing outside the site folders.
    CHECK(desktop_pages::resolve(site, "../index.html").empty());
    CHECK(desktop_pages::resolve(site, "sub/index.html").empty());
}

TEST_CASE("xdg-open gets the page as one argument: shell syntax in it is never run") {
    TempDir bin, out;
    // A stand-in xdg-open that writes each argument it got on a line of its own.
    bin.write("xdg-open", "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + out.path + "/args.tmp\"\n"
                          "mv \"" + out.path + "/args.tmp\" \"" + out.path + "/args\"\n", true);
    const char* old_path = std::getenv("PATH");
    const std::string saved = old_path ? old_path : "";
    setenv("PATH", (bin.path + ":" + saved).c_str(), 1);
    const desktop_pages::Site site{{}, "https://example.org/s/index.html"};
    desktop_pages::open(site, "?view=fit&x=$(touch " + out.path + "/ran);`touch " + out.path + "/ran`");
    setenv("PATH", saved.c_str(), 1);
    std::string args;
    for (int i = 0; i < 500 && (args = read_all(out.path + "/args")).empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(args == "https://example.org/s/index.html?view=fit&x=$(touch " + out.path + "/ran);`touch " + out.path + "/ran`\n");
    CHECK(access((out.path + "/ran").c_str(), F_OK) != 0);
}
