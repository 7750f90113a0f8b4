// test_fields.cpp: the hook through which a phone's keyboard edits the app's fields (shell/fields.hpp).
// The web entry lays an HTML input over the tapped field; here the same calls are made directly:
// a tap position, the editor's text, its closing; then what the view shows.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "fields.hpp"
#include "harness.hpp"
#include "imgui_internal.h"  // the open popup window
#include "ui_probe.hpp"

namespace {

using test_ui::Harness;

bool tap(Harness& h, const std::string& name, fields::Spot* spot, std::string* text) {
    const ui_probe::Rect r = h.rect(name);
    h.use();
    return fields::edit_at((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, spot, text);
}

}  // namespace

TEST_CASE("a tap on the budget field binds it; the editor's text changes the budget live") {
    Harness h;
    fields::Spot spot;
    std::string text;
    REQUIRE(tap(h, "budget_input", &spot, &text));
    CHECK(text == std::string(h.state.budget_text));
    CHECK(spot.kind == fields::Kind::Number);
    const ui_probe::Rect r = h.rect("budget_input");
    CHECK(spot.x == doctest::Approx(r.x0));
    CHECK(spot.w == doctest::Approx(r.x1 - r.x0));

    fields::edit_text("1e2");  // keystroke by keystroke, as typed
    h.frames(1);
    CHECK(h.state.flops == 1e2);
    fields::edit_text("1e24");
    h.frames(2);
    CHECK(h.state.flops == 1e24);
    CHECK(ui_probe::text("flops") == "1e24");
    fields::Spot now;
    CHECK(fields::bound_spot(&now));  // still drawn: the editor stays over it
    CHECK(now.y == doctest::Approx(spot.y));

    // A bad entry shows its message under the field like typed text does.
    fields::edit_text("abc");
    h.frames(1);
    CHECK(h.state.flops == 1e24);
    CHECK(ui_probe::text("budget_error").find("not a number") != std::string::npos);
    fields::edit_text("3e25");
    fields::edit_end();  // closed before a frame applied the last text: it still arrives
    h.frames(2);
    CHECK(h.state.flops == 3e25);
    CHECK_FALSE(fields::editing());
    CHECK_FALSE(fields::bound_spot(&now));
}

TEST_CASE("while a field is bound, ImGui's own editing of it stays off, and it is ImGui's again after") {
    Harness h;
    fields::Spot spot;
    std::string text;
    REQUIRE(tap(h, "budget_input", &spot, &text));
    h.click("budget_input");  // the same tap reaching ImGui must not start a second editor
    h.type("9");
    h.frames(1);
    CHECK(std::string(h.state.budget_text) == text);
    fields::edit_end();
    h.frames(1);
    h.click("budget_input");
    h.type("2e22");
    h.key(13);
    h.frames(1);
    CHECK(h.state.flops == 2e22);
}

TEST_CASE("a tap away from fields binds nothing; a field of a view no longer shown lets go") {
    Harness h;
    fields::Spot spot;
    std::string text;
    h.use();
    CHECK_FALSE(fields::edit_at(2, 2, &spot, &text));  // the title, not a field
    CHECK_FALSE(fields::editing());

    REQUIRE(tap(h, "budget_input", &spot, &text));
    h.show(app::kModels);  // no budget field there
    fields::Spot now;
    CHECK_FALSE(fields::bound_spot(&now));
    fields::edit_end();
    h.frames(2);
    CHECK_FALSE(fields::editing());
}

TEST_CASE("the table of runs is a multi-line field: the editor gets and replaces the whole text") {
    Harness h;
    h.state.fit_text = "N,D,loss\n1e8,2e9,3.1\n";
    h.show(app::kFit);
    fields::Spot spot;
    std::string text;
    REQUIRE(tap(h, "fit_text", &spot, &text));
    CHECK(spot.kind == fields::Kind::Lines);
    CHECK(text == "N,D,loss\n1e8,2e9,3.1\n");
    const int revision = h.state.work_revision;
    fields::edit_text("N,D,loss\n1e8,2e9,3.1\n2e8,4e9,3.0\n");
    h.frames(1);
    CHECK(h.state.fit_text == "N,D,loss\n1e8,2e9,3.1\n2e8,4e9,3.0\n");
    CHECK(h.state.work_revision > revision);  // saved like typed runs
    fields::edit_end();
    h.frames(1);
}

TEST_CASE("an open popup covers the field under it: a tap there does not bind the field") {
    Harness h(1280, 1100);  // tall enough that the law list opens downwards, over the constants' fields
    h.state.law = test_ui::law_index("custom");  // its constants' fields lie under the law list
    h.frames(2);
    const ui_probe::Rect e = h.rect("custom_E");
    const ImVec2 p((e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2);
    h.click("law_combo");
    h.frames(2);
    ImGuiWindow* popup = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->Flags & ImGuiWindowFlags_Popup)) popup = w;
    REQUIRE(popup != nullptr);
    REQUIRE(popup->Rect().Contains(p));
    fields::Spot spot;
    std::string text;
    CHECK_FALSE(fields::edit_at(p.x, p.y, &spot, &text));
    h.key(ImGuiKey_Escape);  // the list closes; now the same tap finds the field
    h.click_at(2, 2);
    h.frames(2);
    h.use();
    CHECK(fields::edit_at(p.x, p.y, &spot, &text));
    fields::edit_end();
    h.frames(1);
}
