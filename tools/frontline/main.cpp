// frontline: animated maps of territorial control. One executable with subcommands.
#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "cli_support.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace frontline::cli;
  CLI::App app{"frontline " FRONTLINE_VERSION
               " - turns dated reports of who holds which town into maps of territorial control."};
  app.name("frontline");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("frontline ") + FRONTLINE_VERSION);
  app.footer(
      "Run 'frontline COMMAND --help' for a command's options.\n"
      "Exit codes: 0 ok, 2 bad command line, 3 missing/unreadable input, 4 invalid data,\n"
      "            5 rendering (OpenGL/font) failure, 6 cannot write output,\n"
      "            7 ffmpeg missing or failed (export), 130 interrupted (export).");

  std::vector<Command> commands;
  commands.push_back(addRenderCommand(app));
  commands.push_back(addAreasCommand(app));
  commands.push_back(addGeocodeCommand(app));
  commands.push_back(addGazetteerCommand(app));
  commands.push_back(addCheckCommand(app));
  commands.push_back(addStateCommand(app));
  commands.push_back(addExportCommand(app));
  commands.push_back(addStatsCommand(app));
  commands.push_back(addIngestCommand(app));
#ifdef FRONTLINE_HAS_VIEWER
  commands.push_back(addViewCommand(app));
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kUsage;
  }
  for (const Command& command : commands)
    if (command.app->parsed()) return command.run();
  return kUsage;
}
