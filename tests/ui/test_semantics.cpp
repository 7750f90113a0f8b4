// test_semantics.cpp: the semantic tree the web mirrors as DOM (shell/semantics.hpp): what it holds
// for a view, that it is published only when it changes, and that the DOM's actions act.
#include <nlohmann/json.hpp>

#include "harness.hpp"
#include "semantics.hpp"
#include "state.hpp"

using test_ui::Harness;
using nlohmann::json;

namespace {

// Every node of the tree, depth first.
void each_node(const json& nodes, const std::function<void(const json&)>& f) {
    for (const json& n : nodes) {
        f(n);
        if (n.contains("children")) each_node(n["children"], f);
    }
}

std::vector<json> nodes_with(const Harness& h, const std::string& role) {
    std::vector<json> out;
    each_node(json::parse(h.tree)["nodes"], [&](const json& n) {
        if (n["role"] == role) out.push_back(n);
    });
    return out;
}

json node_named(const Harness& h, const std::string& role, const std::string& name) {
    for (const json& n : nodes_with(h, role))
        if (n["name"].get<std::string>().find(name) != std::string::npos) return n;
    FAIL_CHECK("no " << role << " named " << name);
    return json::object();
}

}  // namespace

TEST_CASE("the Allocator's tree: landmarks, headings, labelled fields, tabs, the answer as live text") {
    Harness h;
    h.frames(2);
    REQUIRE(!h.tree.empty());
    const json tree = json::parse(h.tree);
    std::vector<std::string> roots;
    for (const json& n : tree["nodes"]) roots.push_back(n["role"]);
    CHECK(roots == std::vector<std::string>{"header", "nav", "main"});
    CHECK(node_named(h, "heading", "Scaling Explorer")["level"] == 1);

    // The answer: each headline number with its caption, marked for announcing.
    const json params = node_named(h, "text", "Parameters: ");
    CHECK(params["name"] == "Parameters: " + ui_probe::text("params"));
    CHECK(params["live"] == true);
    CHECK(params["w"].get<double>() > 0);

    // The budget field: its descriptor's label, unit and help; its text.
    const json budget = node_named(h, "textbox", "Training compute");
    CHECK(budget["unit"] == "FLOP");
    CHECK(budget["value"] == ui_probe::text("budget_text"));
    CHECK(!budget["desc"].get<std::string>().empty());

    // The views as tabs, the current one selected; the law as a select; the budget as a slider.
    int selected = 0;
    for (const json& t : nodes_with(h, "tab")) selected += t["selected"] == true;
    CHECK(nodes_with(h, "tab").size() == static_cast<size_t>(app::kViewCount));
    CHECK(selected == 1);
    CHECK(node_named(h, "tab", "Allocator")["selected"] == true);
    const json law = node_named(h, "select", "Scaling law");
    CHECK(law["options"].size() == static_cast<size_t>(app::law_count(h.state)));
    CHECK(law["index"] == h.state.law);
    const json slider = node_named(h, "slider", "Compute budget");
    CHECK(slider["min"] == 18);
    CHECK(slider["max"] == 28);
    CHECK(slider["drag"] == true);

    // Cards are sections named by their heading; the comparison is a table with a header row.
    CHECK(!nodes_with(h, "section").empty());
    for (const json& s : nodes_with(h, "section")) CHECK(!s["name"].get<std::string>().empty());
    const json table = nodes_with(h, "table").at(0);
    CHECK(table["header"].size() >= 3);
    CHECK(table["rows"].size() >= 5);
    // No text is said twice: a field's label drawn above it is the field's name, not loose text.
    for (const json& t : nodes_with(h, "text")) CHECK(t["name"] != "Training compute C");
}

TEST_CASE("the tree is published when it changes, and only then") {
    Harness h;
    h.frames(3);
    const int before = h.trees;
    h.frames(5);
    CHECK(h.trees == before);  // nothing changed
    app::set_budget(h.state, 1e24);
    h.frames(2);
    CHECK(h.trees == before + 1);
    CHECK(json::parse(h.tree)["rev"].get<int>() > 0);
}

TEST_CASE("where the page scrolls, the app is laid out whole and scrolling does not change the tree") {
    Harness h(390, 844);
    h.page_scrolls();
    h.frames(2);
    CHECK(h.reported_height > 844);  // the page is made as tall as the app
    const std::string tree = h.tree;
    const int trees = h.trees;
    // The last text of the view is in the tree although it lies below the first screen.
    bool below = false;
    each_node(json::parse(tree)["nodes"], [&](const json& n) {
        if (n.contains("y") && n["y"].get<double>() > 844) below = true;
    });
    CHECK(below);
    h.page_y = 400;
    h.frames(2);
    CHECK(h.trees == trees);  // rectangles are in the page: the same tree
    CHECK(h.tree == tree);
    // A finger on the slider is the app's; on the page's text it is the page's (rectangles of the
    // tree are in the page; drag_at takes the canvas's, which scrolled by 400).
    const json slider = node_named(h, "slider", "Compute budget");
    const float sx = slider["x"].get<float>() + 10, sy = slider["y"].get<float>() + 10 - 400;
    CHECK(sem::drag_at(sx, sy));
    const json params = node_named(h, "text", "Parameters: ");
    CHECK_FALSE(sem::drag_at(params["x"].get<float>() + 2, params["y"].get<float>() + 2 - 400));
}

TEST_CASE("the DOM's actions: a tab opens its view, a field takes text, a select and a slider choose") {
    Harness h;
    h.frames(2);
    sem::act(node_named(h, "textbox", "Training compute")["id"], "set", "1e24");
    h.frames(2);
    CHECK(h.state.flops == 1e24);
    CHECK(ui_probe::text("budget_text") == "1e24");

    sem::act(node_named(h, "textbox", "Training compute")["id"], "set", "abc");
    h.frames(2);
    CHECK(h.state.flops == 1e24);  // refused, and said where the field is
    CHECK(!node_named(h, "textbox", "Training compute")["error"].get<std::string>().empty());

    sem::act(node_named(h, "slider", "Compute budget")["id"], "set", "25");
    h.frames(2);
    CHECK(h.state.flops == doctest::Approx(1e25));

    const int law = test_ui::law_index("kaplan2020");
    sem::act(node_named(h, "select", "Scaling law")["id"], "choose", std::to_string(law));
    h.frames(2);
    CHECK(h.state.law == law);
    sem::act(node_named(h, "select", "Scaling law")["id"], "choose", "999");  // out of range: ignored
    h.frames(2);
    CHECK(h.state.law == law);

    sem::act(node_named(h, "tab", "Frontier")["id"], "press", "");
    h.frames(3);
    CHECK(h.state.view == app::kFrontier);
    CHECK(node_named(h, "tab", "Frontier")["selected"] == true);
}

TEST_CASE("a figure: its summary and data, the wheel only once engaged, Escape releases it") {
    Harness h;
    h.show(app::kFrontier);
    const std::vector<json> figures = nodes_with(h, "figure");
    REQUIRE(!figures.empty());
    const json fig = figures[0];
    CHECK(!fig["summary"].get<std::string>().empty());
    CHECK(fig["csv"].get<std::string>().rfind("series,", 0) == 0);
    CHECK(fig["engaged"] == false);
    const float x = fig["x"].get<float>() + fig["w"].get<float>() / 2, y = fig["y"].get<float>() + fig["h"].get<float>() / 2;
    CHECK_FALSE(sem::wheel_at(x, y, false));  // the page's, with a hint
    CHECK(sem::wheel_at(x, y, true));         // Ctrl: the plot's
    sem::act(fig["id"], "engage", "");
    h.frames(2);
    CHECK(nodes_with(h, "figure")[0]["engaged"] == true);
    CHECK(sem::wheel_at(x, y, false));
    sem::act(fig["id"], "release", "");
    h.frames(2);
    CHECK(nodes_with(h, "figure")[0]["engaged"] == false);
    // A click engages it too, and Escape gives the wheel back.
    h.click_at(x, y);
    h.frames(1);
    CHECK(nodes_with(h, "figure")[0]["engaged"] == true);
    h.key(ImGuiKey_Escape);
    CHECK(nodes_with(h, "figure")[0]["engaged"] == false);
}

TEST_CASE("a tooltip does not cut the tree short") {
    Harness h;
    h.frames(2);
    const std::string tree = h.tree;
    // Hover the law picker's label... any field label with a tooltip: the budget field's label.
    const ui_probe::Rect r = h.rect("law_combo");
    h.move((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    h.frames(40);  // long enough for a tooltip
    CHECK(h.tree == tree);
}
