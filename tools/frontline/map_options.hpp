// Command-line options that choose the base map (layers, projection, area) and are shared by
// every command that draws one: render, view, export.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "geo/gis/map_loader.hpp"

namespace frontline::cli {

struct MapArgs {
  std::string crs = "auto";
  std::string bbox;
  std::vector<std::string> layers;
  std::string assets;
  std::string lang = "en";
  bool quiet = false;
};

void addMapOptions(CLI::App& app, MapArgs& args);

// Validates the options; warnings go to stderr prefixed with "frontline <command>: warning: ".
Result<MapSourceOptions> toMapSource(const MapArgs& args, const std::string& command);

}  // namespace frontline::cli
