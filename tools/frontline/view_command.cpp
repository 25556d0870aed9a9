// `frontline view`: the map in a window (SDL2 + Dear ImGui), drawn by the same MapRenderer as
// `render` and `export`. This file only turns options into a ViewerOptions and loads the data;
// the application is render/viewer/viewer_app.hpp. Problems with the data, the story or a layer
// do not stop the viewer: it opens with what is valid and lists them in its error panel.
#include <iostream>
#include <memory>
#include <optional>

#include "cli_support.hpp"
#include "commands.hpp"
#include "data_options.hpp"
#include "geo/gis/map_session.hpp"
#include "geo/gis/story_loader.hpp"
#include "geo/model/date.hpp"
#include "ingest_setup.hpp"
#include "map_options.hpp"
#include "render/viewer/viewer_app.hpp"

namespace frontline::cli {
namespace {

struct ViewOptions {
  std::string date, playTo, story, size = "1280x800", title, screenshot;
  double speed = 30;
  bool loop = false, presentation = false, windowed = false, fullscreen = false;
  int slide = 0;
  bool quit = false, hideUi = false, printState = false;
  std::vector<std::string> keys, inbox;
  bool readOnly = false;
  double frameSeconds = 0;
  int benchFrames = 0;
  int samples = 4;
  MapArgs map;
  DataArgs data;
};

Result<std::optional<Date>> optionalDate(const std::string& text, const std::string& option) {
  if (text.empty()) return std::optional<Date>();
  auto parsed = Date::parse(text);
  if (!parsed) return makeError(ErrorKind::Usage, option, parsed.error().what);
  return std::optional<Date>(*parsed);
}

int runView(const ViewOptions& o) {
  const std::string cmd = "view";
  auto size = parseSize(o.size);
  if (!size) return fail(cmd, size.error());
  auto date = optionalDate(o.date, "--date");
  if (!date) return fail(cmd, date.error());
  auto playTo = optionalDate(o.playTo, "--play-to");
  if (!playTo) return fail(cmd, playTo.error());
  if (!(o.speed > 0)) return fail(cmd, makeError(ErrorKind::Usage, "--speed", "must be more than 0 days per second"));
  if (o.slide < 0) return fail(cmd, makeError(ErrorKind::Usage, "--slide", "slides are numbered from 1"));

  ViewerOptions v;
  v.width = size->width;
  v.height = size->height;
  v.fullscreen = o.fullscreen;
  v.samples = o.samples;
  v.date = *date;
  v.playTo = *playTo;
  v.speed = o.speed;
  v.loop = o.loop;
  v.presentation = o.presentation || o.slide > 0;
  v.slide = o.slide > 0 ? static_cast<size_t>(o.slide - 1) : 0;
  v.windowedPresentation = o.windowed;
  v.hideUi = o.hideUi;
  v.keys = o.keys;
  v.screenshot = o.screenshot;
  v.quit = o.quit;
  v.printState = o.printState;
  v.frameSeconds = o.frameSeconds;
  v.benchFrames = o.benchFrames;
  for (const std::string& f : o.inbox) v.inbox.emplace_back(f);

  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());

  // The dataset: its row errors go to the viewer's panel; an unreadable file leaves the base map.
  std::optional<LoadedDataset> data;
  auto loaded = loadDataArgsKeepingErrors(o.data, o.map.assets);
  if (!loaded) {
    std::cerr << "frontline " << cmd << ": " << loaded.error().message() << "\n";
    v.problems.push_back({loaded.error().where, loaded.error().what + " (showing the base map only)", true});
  } else if (*loaded) {
    for (const DatasetIssue& issue : (*loaded)->dataset.issues) {
      if (issue.error) std::cerr << "frontline " << cmd << ": " << issue.text() << "\n";
      v.problems.push_back({issue.where.text(), issue.what, issue.error});
    }
    if ((*loaded)->dataset.timeline.empty())
      v.problems.push_back({(*loaded)->dataset.source, "no valid events in the dataset (showing the base map only)", true});
    else
      data = std::move(*loaded);
  }

  // The story: --story, else the one beside the dataset's manifest.
  std::optional<std::filesystem::path> storyPath;
  if (!o.story.empty()) storyPath = o.story;
  else if (!o.data.noData) storyPath = storyBesideDataset(datasetPathOf(o.data, o.map.assets));
  if (storyPath) {
    auto story = loadStory(*storyPath);
    if (story) {
      v.story = std::move(story).value();
    } else {
      std::cerr << "frontline " << cmd << ": " << story.error().message() << "\n";
      v.problems.push_back({story.error().where, story.error().what + " (presentation mode is off)", true});
    }
  }

  // Nothing to fit the view to (no valid dataset, no --bbox): the viewer still opens, on the bundled
  // dataset's area, with the problem in its panel.
  if (!source->view && !data) {
    auto bundled = loadDataArgsKeepingErrors(DataArgs{}, o.map.assets);
    if (bundled && *bundled) source->view = viewAroundPlaces((*bundled)->dataset.timeline);
    if (!source->view) return fail(cmd, makeError(ErrorKind::Usage, "--bbox", "nothing to show: give --bbox or a dataset"));
  }

  // The map: a layer that cannot be read is reported and the bundled layers are used instead.
  const std::optional<LoadedDataset> dataCopy = data;
  auto session = MapSession::open(*source, std::move(data));
  MapSourceOptions used = *source;
  if (!session && !o.map.layers.empty()) {
    std::cerr << "frontline " << cmd << ": " << session.error().message() << "\n";
    v.problems.push_back({session.error().where, session.error().what + " (the bundled layers are shown instead)", true});
    MapArgs bundled = o.map;
    bundled.layers.clear();
    auto fallback = toMapSource(bundled, cmd);
    if (!fallback) return fail(cmd, fallback.error());
    used = *fallback;
    session = MapSession::open(used, dataCopy);
  }
  if (!session) return fail(cmd, session.error());

  // Edits go to the dataset's first event table, as `ingest --append` does.
  if (!o.readOnly && !o.data.noData) {
    auto table = firstEventTable(datasetPathOf(o.data, o.map.assets));
    if (table) {
      v.editTable = *table;
      v.reloadDataset = [data = o.data, assets = o.map.assets](const std::map<std::string, std::filesystem::path>& replaced)
          -> Result<LoadedDataset> {
        DatasetLoadOptions options = datasetLoadOptions(data, assets);
        options.replacedTables = replaced;
        return loadDataset(datasetPathOf(data, assets), options);
      };
    }
    else v.problems.push_back({table.error().where, table.error().what + " (editing is off)", false});
  }

  const LoadedDataset* shown = (*session)->data();
  v.mapTitle = !o.title.empty() ? o.title : shown ? shown->dataset.settings.title : std::string();
  // An export from the viewer runs on its own session (the exporter's prepare thread must be its
  // only user); it is opened on the worker thread, from copies.
  used.warn = nullptr;
  auto exportData = std::make_shared<const std::optional<LoadedDataset>>(shown ? dataCopy : std::nullopt);
  v.openExportSession = [used, exportData]() { return MapSession::open(used, *exportData); };

  if (auto r = runViewer(**session, v); !r) return fail(cmd, r.error());
  return kOk;
}

}  // namespace

Command addViewCommand(CLI::App& parent) {
  auto options = std::make_shared<ViewOptions>();
  CLI::App* app = parent.add_subcommand(
      "view",
      "Open the map in a window with a timeline, place histories, layers, presentation mode and export "
      "(needs a display; try xvfb-run). Keys: see the README or the panel's Keys section.");
  app->add_option("--date", options->date, "Start on this date, YYYY-MM-DD (default: the dataset's last day)");
  app->add_option("--play-to", options->playTo, "Play from --date to this date at --speed, then stop (scripts, docs)");
  app->add_option("--speed", options->speed, "Playing speed in map days per second")->capture_default_str();
  app->add_flag("--loop", options->loop, "Start again at the end when playing");
  app->add_option("--story", options->story,
                  "Story file (TOML) for presentation mode (default: story.toml beside the dataset's manifest)");
  app->add_flag("--presentation", options->presentation, "Start in presentation mode (full screen; P leaves it)");
  app->add_option("--slide", options->slide, "Start presentation mode on slide N (1 = the first)");
  app->add_flag("--windowed", options->windowed, "Stay in the window in presentation mode instead of going full screen");
  app->add_option("--size", options->size, "Window size WIDTHxHEIGHT")->capture_default_str();
  app->add_flag("--fullscreen", options->fullscreen, "Open full screen (F11 toggles)");
  app->add_option("--title", options->title, "Title line (default: the dataset's title)");
  app->add_option("--samples", options->samples, "Multisampling samples of the map layers, 0 to disable")
      ->capture_default_str();
  app->add_flag("--hide-ui", options->hideUi, "Start with the panels hidden (H toggles them)");
  app->add_option("--keys", options->keys,
                  "Steps to run one after another, each once the map is still: key names (SDL names: PageDown, "
                  "Space, P, ...), click:PLACE (opens its history), hover:PLACE (hover: alone moves the pointer away), scrub:DATE (drags "
                  "the timeline to DATE), chart:DATE (holds the pointer over the area chart at DATE), type:TEXT (into the focused field, then Return; G focuses the date field), "
                  "export:FILE (a month from the current date, 640x360, through the export dialog); "
                  "editing: drop:FILE (as if a proposals file were dropped on the window), inbox:N (select proposal N, from 1), accept, reject, edit:FIELD=VALUE (the selected "
                  "proposal, or its row once accepted), add:FIELD=VALUE;FIELD=VALUE... (a new event), row:N and change:FIELD=VALUE (a table row, "
                  "from 1), delete-last, "
                  "undo, redo (or Ctrl+Z, Ctrl+Shift+Z), save (a refusal opens the choice), overwrite, save-as:FILE, "
                  "cancel. Comma-separated or repeated")
      ->delimiter(',');
  app->add_option("--inbox", options->inbox,
                  "Proposals to review (the CSV or --format json output of frontline ingest); repeatable. Accepted "
                  "ones go to the dataset's first event table, written only on Save (Ctrl+S)");
  app->add_flag("--read-only", options->readOnly, "Do not offer editing of the dataset's event table");
  app->add_option("--screenshot", options->screenshot,
                  "Save the window (panels included unless hidden) to this PNG once --play-to and --keys are done");
  app->add_flag("--quit", options->quit, "Quit once --play-to, --keys and --screenshot are done (scripts and tests)");
  app->add_flag("--print-state", options->printState, "Print 'date=... slide=N/M' once the scripted steps are done");
  app->add_option("--frame-seconds", options->frameSeconds,
                  "Advance the clock this many seconds per frame instead of real time (deterministic scripts)")
      ->group("");
  app->add_option("--bench-frames", options->benchFrames,
                  "Measure frame times: scrub over the dataset's range in N frames (twice), print them and quit")
      ->group("");
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  return {app, [options] { return runView(*options); }};
}

}  // namespace frontline::cli
