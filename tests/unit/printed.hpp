// printed.hpp: compares a computed value with a figure as a paper printed it.
// The tolerance is the printing itself: compare to_sig(x, n) with to_sig(printed, n).
#pragma once
#include <cstdio>
#include <string>

inline std::string to_sig(double x, int sig) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", sig - 1, x);
    return buf;
}

// to_sig(3.2229e10, 3) == to_sig(3.22e10, 3): the value printed to 3 significant digits is 3.22e10.
