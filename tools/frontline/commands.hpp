// Each subcommand registers its options on the CLI11 app and returns how to run it.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace frontline::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the process exit code
};

Command addRenderCommand(CLI::App& parent);
Command addAreasCommand(CLI::App& parent);
Command addGeocodeCommand(CLI::App& parent);
Command addGazetteerCommand(CLI::App& parent);
Command addCheckCommand(CLI::App& parent);
Command addStateCommand(CLI::App& parent);
Command addExportCommand(CLI::App& parent);
Command addStatsCommand(CLI::App& parent);
Command addIngestCommand(CLI::App& parent);
#ifdef FRONTLINE_HAS_VIEWER
Command addViewCommand(CLI::App& parent);
#endif

}  // namespace frontline::cli
