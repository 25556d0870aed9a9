// The viewer: an SDL2 window drawing a MapSession through MapRenderer (the same draw as `render`
// and `export`), with Dear ImGui panels for time, inspection, layers, presentation and export.
// This file owns the loop: events, the clock, what to redraw, the panels, and the automation used
// by tests and docs (scripted keys, play-to, screenshots, frame-time measurement).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/gis/map_session.hpp"
#include "geo/model/story.hpp"
#include "render/viewer/error_panel.hpp"

namespace frontline {

struct ViewerOptions {
  std::string mapTitle;               // the map's title line
  int width = 1280, height = 800;     // window size (drawable pixels)
  bool fullscreen = false;
  int samples = 4;                    // MapRenderer's multisampling (as `render` and `export`)

  std::optional<Date> date;           // start date (default: the dataset's last day)
  std::optional<Date> playTo;         // play from `date` to this date at `speed`, then stop
  double speed = 30;                  // days per second
  bool loop = false;

  std::optional<Story> story;         // for presentation mode
  bool presentation = false;          // start in presentation mode
  size_t slide = 0;                   // ... on this slide (0-based)
  bool windowedPresentation = false;  // presentation mode without going full screen

  bool hideUi = false;                // start with the panels hidden (H)
  std::vector<std::string> keys;      // pressed one after another once the view is still (SDL key names)
  std::filesystem::path screenshot;   // saved once the scripted steps are done
  bool quit = false;                  // quit once they are done
  bool printState = false;            // print "date=... slide=..." when they are done
  double frameSeconds = 0;            // > 0: the clock advances this much per frame (deterministic scripts)
  int benchFrames = 0;                // > 0: scrub over the range in this many frames, twice, print times

  // Editing: the event table that accepted proposals and direct edits go to (the dataset's first;
  // empty: no editing), and proposals files (`frontline ingest` CSV or JSON output) for the inbox.
  std::filesystem::path editTable;
  std::vector<std::filesystem::path> inbox;
  // Loads the dataset again with some event tables read from other files (table -> file): the map
  // follows the unsaved edits through it. None: the map shows the dataset as opened.
  std::function<Result<LoadedDataset>(const std::map<std::string, std::filesystem::path>&)> reloadDataset;

  std::vector<ViewerProblem> problems;  // found while loading (dataset, story, layers)
  // Opens a second session with the same map and dataset for an export's worker; none: no export.
  std::function<Result<std::unique_ptr<MapSession>>()> openExportSession;
};

// Runs until the window is closed (or the script ends with `quit`). Errors: no window or GL
// context, a failed draw, a screenshot that cannot be written.
Result<void> runViewer(MapSession& session, const ViewerOptions& options);

}  // namespace frontline
