// main.cpp: doctest's runner for the core's unit tests (native and WebAssembly builds).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
