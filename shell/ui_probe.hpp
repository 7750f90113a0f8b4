// ui_probe.hpp: where named widgets were drawn and what named values showed, for tests.
// The headless UI test and the browser test read these to click, drag and check the screen
// without guessing pixel positions. Recording is a map insert per named item per frame.
#pragma once
#include <string>

namespace ui_probe {

struct Rect { float x0 = 0, y0 = 0, x1 = 0, y1 = 0; };  // in ImGui display units (CSS px on the web)

void clear();                                           // at the start of each frame
void record_last_item(const char* name);                // the rect of the item just submitted
void record_text(const char* name, std::string text);   // the text a view just drew for a value
bool rect(const std::string& name, Rect* out);
std::string text(const std::string& name);              // "" when not drawn this frame
std::string to_json();                                  // {"rects":{name:[x0,y0,x1,y1]},"texts":{...}}

}  // namespace ui_probe
