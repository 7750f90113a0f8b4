// commands.hpp: the one table of commands. Each row says once what a command is called, what it
// does, which inputs (inputs.hpp) it takes and how it runs; every front end is made from it:
//   the CLI's subcommands and options (cli/main.cpp: `name` with '-', --flag per input),
//   the JS API's methods (web/api.js: scaling.<camelCase name>, built from scaling_commands),
//   call_json, which dispatches from it and refuses what it does not list.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inputs.hpp"
#include "requests.hpp"

namespace scaling {

struct Command {
    const char* name;                   // snake_case: call_json's name; CLI with '-', JS in camelCase
    const char* summary;                // one line: the CLI's subcommand description
    std::vector<const Input*> inputs;   // the arguments it accepts, in the order --help lists them
    Result<Json> (*run)(const Args&);   // arguments already checked against `inputs` by name
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

// "lifetime-cost" and "lifetimeCost" for lifetime_cost.
std::string cli_name(const Command& c);
std::string js_name(const Command& c);
// Required on the command line: not optional. A law's constants and M/N are never required: the
// law's own values stand in for them, and only `custom` (or DeepSeek's) takes them at all.
bool required(const Input& in);

// The table for JavaScript: [{name, js_name, summary, inputs: [{key, label, help, unit, kind,
// range: [lo, hi], lo_open, whole, optional, initial, choices}]}].
Json commands_json();

// call_json (declared in requests.hpp, which the web entry includes) dispatches from this table.

}  // namespace scaling
