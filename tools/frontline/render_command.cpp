// `frontline render`: one still PNG of the map, headless.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_support.hpp"
#include "commands.hpp"
#include "geo/gis/map_loader.hpp"
#include "geo/model/date.hpp"
#include "data_options.hpp"
#include "geo/gis/map_session.hpp"
#include "map_options.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/png_io.hpp"
#include "option_checks.hpp"

namespace frontline::cli {
namespace {

struct RenderOptions {
  std::string output;
  std::string date;
  std::string size = "1920x1080";
  float scale = 0;
  std::string title;
  int samples = 4;
  bool verbose = false;
  MapArgs map;
  DataArgs data;
};

int runRender(const RenderOptions& o) {
  const std::string cmd = "render";
  auto size = parseSize(o.size);
  if (!size) return fail(cmd, size.error());
  std::optional<Date> date;
  if (!o.date.empty()) {
    auto parsed = Date::parse(o.date);
    if (!parsed) return fail(cmd, makeError(ErrorKind::Usage, "--date", parsed.error().what));
    date = *parsed;
  }
  if (o.scale < 0 || o.scale > 16) return fail(cmd, makeError(ErrorKind::Usage, "--scale", "must be between 0.1 and 16"));
  if (o.samples < 0 || o.samples > 16) return fail(cmd, makeError(ErrorKind::Usage, "--samples", "must be 0..16"));

  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());
  // An output folder that does not exist is a usage mistake worth catching before the work.
  const std::filesystem::path out(o.output);
  std::error_code ec;
  const auto parent = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, ec))
    return fail(cmd, makeError(ErrorKind::Io, o.output, "the folder '" + parent.string() + "' does not exist"));

  using Clock = std::chrono::steady_clock;
  auto stageStart = Clock::now();
  auto stage = [&](const char* name) {
    const auto now = Clock::now();
    if (o.verbose)
      std::cerr << "frontline render: " << name << " "
                << std::chrono::duration<double, std::milli>(now - stageStart).count() << " ms\n";
    stageStart = now;
  };
  auto data = loadDataArgs(o.data, o.map.assets, cmd, o.map.quiet);
  if (!data) return fail(cmd, data.error());
  stage("load dataset, geocode:");
  auto session = MapSession::open(*source, std::move(data).value());
  if (!session) return fail(cmd, session.error());
  stage("load layers, project, tessellate:");
  const LoadedDataset* loaded = (*session)->data();
  if (!date && loaded) date = loaded->dataset.end();
  auto control = (*session)->frameAt(date ? *date : Date());
  if (!control) return fail(cmd, control.error());
  stage("areas of control:");

  auto target = OffscreenTarget::create(size->width, size->height, 0);
  if (!target) return fail(cmd, target.error());
  stage("create GL context:");
  auto renderer = MapRenderer::create((*session)->scene(), MapStyle{}, o.samples);
  if (!renderer) return fail(cmd, renderer.error());
  stage("upload to GPU, load fonts:");

  FrameInput frame;
  // The date drawn is the one asked for, else the dataset's last; a bare base map has none.
  if (date) frame.date = *date;
  frame.showDate = date.has_value();
  frame.title = !o.title.empty() ? o.title : loaded ? loaded->dataset.settings.title : std::string();
  frame.view = fitView((*session)->scene().viewExtent, size->width, size->height);
  if (loaded) frame.control = &*control;
  frame.scale = o.scale > 0 ? o.scale : defaultScaleFor(size->width, size->height);
  if (auto r = (*renderer)->draw(frame, **target); !r) return fail(cmd, r.error());
  auto image = (*target)->readPixels();
  if (!image) return fail(cmd, image.error());
  stage("draw and read back:");
  if (auto r = writePngAtomic(out, *image); !r) return fail(cmd, r.error());
  stage("write PNG:");
  std::cout << out.string() << "\n";
  return kOk;
}

}  // namespace

Command addRenderCommand(CLI::App& parent) {
  auto options = std::make_shared<RenderOptions>();
  CLI::App* app = parent.add_subcommand("render", "Render one still map to a PNG file (headless, no display needed).");
  app->add_option("-o,--output", options->output, "PNG file to write")->required();
  app->add_option("--date", options->date, "Map date, YYYY-MM-DD (or YYYY-MM); default: the dataset's last date");
  app->add_option("--size", options->size, "Image size WIDTHxHEIGHT in pixels")->capture_default_str();
  app->add_option("--scale", options->scale,
                  "Text and line size factor, 0.1..16 (default: 1 at 1920x1080, 2 at 3840x2160)")
      ->check(finiteRange(0.1, 16));
  app->add_option("--title", options->title, "Title line (default: the dataset's title)");
  app->add_option("--samples", options->samples, "Multisampling (anti-aliasing) samples, 0..16, 0 to disable")
      ->capture_default_str()
      ->check(CLI::Range(0, 16));
  app->add_flag("-v,--verbose", options->verbose, "Print how long each stage took");
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  return {app, [options] { return runRender(*options); }};
}

}  // namespace frontline::cli
