// main.cpp: doctest's runner for the headless ImGui tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
