// main.cpp: doctest's runner for the core's unit tests (native and WebAssembly builds).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <string>

#include "core/draws.hpp"
#include "files.hpp"

int main(int argc, char** argv) {
    // The web build's core, which the WebAssembly tests share, fetches the bootstrap draws instead
    // of compiling them in: they come from assets/ here, as the page would fetch them.
    for (const std::string& file : scaling::fetched_draws_files())
        scaling::provide_draws(file, read_file(SCALING_ASSETS_DIR "/" + file));
    doctest::Context context;
    context.applyCommandLine(argc, argv);
    return context.run();
}
