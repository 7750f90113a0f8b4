// semantics.cpp: the tree of one frame, what the DOM asked for, and when the tree is published.
#include "semantics.hpp"

namespace sem {

void act(const std::string&, const std::string&, const std::string&) {}
void focus(const std::string&) {}
bool drag_at(float, float) { return false; }
bool wheel_at(float, float, bool) { return false; }

}  // namespace sem
