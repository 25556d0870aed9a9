// `frontline export`: an animation of the dataset over a span of dates, as a PNG sequence or a
// video (.mp4, .webm, .gif through ffmpeg), drawn headless through the same MapRenderer as
// `render` and the viewer.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "cli_support.hpp"
#include "commands.hpp"
#include "data_options.hpp"
#include "geo/gis/map_session.hpp"
#include "map_options.hpp"
#include "render/export/export_pipeline.hpp"
#include "render/export/png_sequence_writer.hpp"
#include "render/export/video_encoder.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "option_checks.hpp"

namespace frontline::cli {
namespace {

struct ExportOptions {
  std::string output;
  std::string from, to;
  double fps = 30;
  double daysPerSecond = 0;
  size_t frames = 0;
  std::string size = "1920x1080";
  float scale = 0;
  std::string title;
  int samples = 4;
  int gifWidth = 800;
  unsigned threads = 0;
  bool overwrite = false, resume = false, full = false, verbose = false;
  MapArgs map;
  DataArgs data;
};

constexpr int kInterrupted = 130;  // 128 + SIGINT, as shells report it
// ffmpeg missing or failing; not in ExitCode because only export runs it.
constexpr int kEncoderFailed = 7;

std::atomic<bool> stopRequested{false};
extern "C" void onStopSignal(int) { stopRequested = true; }

// Ctrl-C (and SIGTERM) ask the export to stop after the frames in flight; a second one kills
// (SA_RESETHAND). Writing to a dead ffmpeg must give an error, not SIGPIPE.
class SignalGuard {
 public:
  SignalGuard() {
    stopRequested = false;
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, &oldInt_);
    sigaction(SIGTERM, &sa, &oldTerm_);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &oldPipe_);
  }
  ~SignalGuard() {
    sigaction(SIGINT, &oldInt_, nullptr);
    sigaction(SIGTERM, &oldTerm_, nullptr);
    sigaction(SIGPIPE, &oldPipe_, nullptr);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  struct sigaction oldInt_ {}, oldTerm_ {}, oldPipe_ {};
};

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Extensions that name a single image or an unsupported video rather than a folder of frames.
std::optional<std::string> unsupportedOutput(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg")
    return "export writes a folder of PNG frames or a video; give a folder name or a .mp4, .webm or .gif file "
           "(one still image: 'frontline render')";
  if (ext == ".mov" || ext == ".avi" || ext == ".mkv" || ext == ".m4v" || ext == ".ogv" || ext == ".apng")
    return "unsupported video format '" + ext + "'; use .mp4, .webm or .gif (or a folder for PNG frames)";
  return std::nullopt;
}

// What the frames depend on, one "key = value" per line: a resumed export must match it.
std::string settingsRecord(const ExportOptions& o, const FrameSchedule& schedule, int w, int h, float scale,
                           const std::string& title) {
  std::ostringstream s;
  std::error_code ec;
  const std::string dataset =
      o.data.noData ? "none" : o.data.dataset.empty() ? "bundled" : std::filesystem::weakly_canonical(o.data.dataset, ec).string();
  s << "frontline export settings\n"
    << "dataset = " << dataset << "\n"
    << "from = " << schedule.from().iso() << "\n"
    << "to = " << schedule.to().iso() << "\n"
    << "frames = " << schedule.size() << "\n"
    << "days_per_frame = " << formatNumber(schedule.daysPerFrame()) << "\n"
    << "size = " << w << "x" << h << "\n"
    << "scale = " << formatNumber(scale) << "\n"
    << "title = " << title << "\n"
    << "samples = " << o.samples << "\n"
    << "crs = " << o.map.crs << "\n"
    << "bbox = " << o.map.bbox << "\n";
  for (const std::string& layer : o.map.layers) s << "layer = " << layer << "\n";
  for (const std::string& g : o.data.gazetteers) s << "gazetteer = " << g << "\n";
  for (const std::string& a : o.data.aliases) s << "aliases = " << a << "\n";
  return s.str();
}

int failExport(const std::string& cmd, const Error& error) {
  const int code = fail(cmd, error);
  return error.where == kFfmpegWhere ? kEncoderFailed : code;
}

int runExportCommand(const ExportOptions& o) {
  const std::string cmd = "export";
  // From here on Ctrl-C stops the export cleanly (before the first frame: nothing is kept).
  SignalGuard signals;
  auto parsedSize = parseSize(o.size);
  if (!parsedSize) return fail(cmd, parsedSize.error());
  if (o.scale < 0 || o.scale > 16) return fail(cmd, makeError(ErrorKind::Usage, "--scale", "must be between 0.1 and 16"));
  if (o.samples < 0 || o.samples > 16) return fail(cmd, makeError(ErrorKind::Usage, "--samples", "must be 0..16"));
  if (o.resume && o.overwrite)
    return fail(cmd, makeError(ErrorKind::Usage, "--resume", "and --overwrite exclude each other"));
  if (o.frames > 0 && o.daysPerSecond > 0)
    return fail(cmd, makeError(ErrorKind::Usage, "--frames",
                               "and --days-per-second exclude each other (--frames spreads N frames over the span)"));
  std::filesystem::path out(o.output);
  if (!out.has_filename() && out.has_parent_path()) out = out.parent_path();  // "frames/" is the folder "frames"
  if (auto problem = unsupportedOutput(out)) return fail(cmd, makeError(ErrorKind::Usage, o.output, *problem));
  const std::optional<VideoFormat> video = videoFormatFor(out);
  if (video && o.resume)
    return fail(cmd, makeError(ErrorKind::Usage, "--resume",
                               "works for PNG sequences only; a video is written again from the start"));
  // A GIF is drawn at its own size (not scaled down afterwards), so that its text stays legible.
  if (o.gifWidth < 16 || o.gifWidth > 16384)
    return fail(cmd, makeError(ErrorKind::Usage, "--gif-width", "must be 16..16384 pixels"));
  Size frameSize = *parsedSize;
  if (video == VideoFormat::Gif && frameSize.width > o.gifWidth) {
    frameSize.height = std::max(16, static_cast<int>(std::lround(static_cast<double>(frameSize.height) * o.gifWidth /
                                                                 frameSize.width)));
    frameSize.width = o.gifWidth;
  }
  if (video && !findFfmpeg())
    return failExport(cmd, makeError(ErrorKind::Io, kFfmpegWhere,
                                     std::string("not installed, but needed for .") +
                                         videoFormatName(*video) +
                                         " output; install it with 'sudo apt-get install ffmpeg', or export PNG "
                                         "frames to a folder"));
  std::optional<Date> from, to;
  for (auto [text, name, slot] : {std::tuple{&o.from, "--from", &from}, std::tuple{&o.to, "--to", &to}}) {
    if (text->empty()) continue;
    auto parsed = Date::parse(*text);
    if (!parsed) return fail(cmd, makeError(ErrorKind::Usage, name, parsed.error().what));
    *slot = *parsed;
  }

  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());
  auto data = loadDataArgs(o.data, o.map.assets, cmd, o.map.quiet);
  if (!data) return fail(cmd, data.error());
  auto session = MapSession::open(*source, std::move(data).value());
  if (!session) return fail(cmd, session.error());
  const LoadedDataset* loaded = (*session)->data();
  if (!from) from = loaded ? std::optional<Date>(loaded->dataset.start()) : std::nullopt;
  if (!to) to = loaded ? std::optional<Date>(loaded->dataset.end()) : std::nullopt;
  if (!from || !to)
    return fail(cmd, makeError(ErrorKind::Usage, "--from", "and --to are needed without a dataset"));
  auto schedule = o.frames > 0 ? FrameSchedule::byCount(*from, *to, o.frames, o.fps)
                               : FrameSchedule::byRate(*from, *to, o.fps, o.daysPerSecond > 0 ? o.daysPerSecond : 30);
  if (!schedule) return fail(cmd, schedule.error());

  const float scale = o.scale > 0 ? o.scale : defaultScaleFor(frameSize.width, frameSize.height);
  const std::string title = !o.title.empty() ? o.title : loaded ? loaded->dataset.settings.title : std::string();
  const unsigned threads = o.threads > 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());

  std::unique_ptr<FrameSink> sink;
  PngSequenceWriter* pngWriter = nullptr;
  VideoEncoder* videoEncoder = nullptr;
  if (video) {
    VideoEncoder::Options vo;
    vo.output = out;
    vo.format = *video;
    vo.width = frameSize.width;
    vo.height = frameSize.height;
    vo.fps = schedule->fps();
    vo.gifWidth = o.gifWidth;
    vo.overwrite = o.overwrite;
    auto encoder = VideoEncoder::create(vo);
    if (!encoder) return failExport(cmd, encoder.error());
    videoEncoder = encoder->get();
    sink = std::move(encoder).value();
  } else {
    PngSequenceWriter::Options po;
    po.folder = out;
    po.frames = schedule->size();
    po.width = frameSize.width;
    po.height = frameSize.height;
    po.threads = threads;
    po.incremental = !o.full;
    po.existing = o.resume ? ExistingOutput::Resume : o.overwrite ? ExistingOutput::Overwrite : ExistingOutput::Refuse;
    po.settings = settingsRecord(o, *schedule, frameSize.width, frameSize.height, scale, title);
    auto writer = PngSequenceWriter::create(po);
    if (!writer) return fail(cmd, writer.error());
    pngWriter = writer->get();
    sink = std::move(writer).value();
  }

  auto target = OffscreenTarget::create(frameSize.width, frameSize.height, 0);
  if (!target) return fail(cmd, target.error());
  auto renderer = MapRenderer::create((*session)->scene(), MapStyle{}, o.samples);
  if (!renderer) return fail(cmd, renderer.error());

  ExportRequest request;
  request.schedule = &*schedule;
  request.frame.title = title;
  request.frame.view = fitView((*session)->scene().viewExtent, frameSize.width, frameSize.height);
  request.frame.scale = scale;
  request.drawControl = loaded != nullptr;
  request.incremental = !o.full;
  if (pngWriter && o.resume) request.skip = [pngWriter](size_t i) { return pngWriter->isDone(i); };
  request.stop = &stopRequested;
  request.buffers = threads + 4;
  const size_t already = pngWriter ? pngWriter->framesAlreadyDone() : 0;
  if (already > 0 && !o.map.quiet)
    std::cerr << "frontline export: " << already << " of " << schedule->size()
              << " frames are already complete; making the other " << schedule->size() - already << "\n";
  ProgressReporter progress("frontline export:", schedule->size() - already, o.map.quiet);
  request.progress = &progress;

  auto stats = runExport(**session, **renderer, **target, *sink, request);
  progress.finish();
  renderer->reset();
  if (!stats) return failExport(cmd, stats.error());

  const ExportStats& s = *stats;
  if (s.interrupted) {
    if (video)
      std::cerr << "frontline export: interrupted; no video was written (" << o.output << " is unchanged)\n";
    else
      std::cerr << "frontline export: interrupted after " << s.written + already << " of " << schedule->size()
                << " frames; the frames written are complete. Run the same command with --resume to finish\n";
    return kInterrupted;
  }
  if (!o.map.quiet) {
    char line[256];
    std::snprintf(line, sizeof line, "frontline export: %zu frames in %.2f s (%.1f frames/s)", s.written, s.seconds,
                  s.seconds > 0 ? static_cast<double>(s.written) / s.seconds : 0.0);
    std::cerr << line;
    if (video) std::cerr << ", " << formatNumber(schedule->seconds()) << " s of video";
    std::cerr << "\n";
  }
  if (o.verbose) {
    auto row = [](const char* name, double seconds, const char* note) {
      char line[256];
      std::snprintf(line, sizeof line, "  %-24s %7.2f s  %s\n", name, seconds, note);
      std::cerr << line;
    };
    std::cerr << "frontline export: frames drawn in full " << s.drawnFull << ", in part " << s.drawnPartial << " ("
              << s.regionsDrawn - s.drawnFull << " regions, mean " << static_cast<int>(std::lround(s.redrawnShare * 100))
              << "% of the pixels), repeated " << s.repeats << "\n";
    char note[96];
    std::snprintf(note, sizeof note, "prepare thread (%.2f s of CPU)", s.prepareCpuSeconds);
    row("control and areas", s.prepareSeconds, note);
    row("draw", s.drawSeconds, "render thread, until the GPU finished");
    row("read back", s.readbackSeconds, "render thread, glReadPixels");
    row("hand to encoder", s.submitSeconds, "render thread, comparing rows with the previous frame");
    row("wait for control", s.prepareWaitSeconds, "render thread: areas of control are behind");
    row("wait for a buffer", s.bufferWaitSeconds, "render thread: encoding or writing is behind");
    if (pngWriter) {
      row("compress", s.encodeSeconds, "PNG bands, CPU time summed over the encoder threads");
      row("write", s.commitSeconds, "writer thread, incl. waiting for compression");
      std::cerr << "  " << pngWriter->bytesWritten() / 1024 / 1024 << " MiB written, " << pngWriter->framesLinked()
                << " frames linked to the previous one\n";
    }
    if (videoEncoder) {
      row("pipe to ffmpeg", videoEncoder->pipeSeconds(), "writer thread, blocked while ffmpeg encodes");
      row("ffmpeg finishing", videoEncoder->finishSeconds(), "after the last frame");
      for (const std::string& c : videoEncoder->commands()) std::cerr << "  " << c << "\n";
    }
  }
  std::cout << o.output << "\n";
  return kOk;
}

}  // namespace

Command addExportCommand(CLI::App& parent) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* app = parent.add_subcommand(
      "export",
      "Export an animation of the dataset: a folder of PNG frames (frame_00000.png, ...) or a video whose "
      "extension picks the format (.mp4 H.264, .webm VP9, .gif). Headless; videos need ffmpeg.");
  app->add_option("-o,--output", options->output, "Folder for PNG frames, or a .mp4, .webm or .gif file")->required();
  app->add_option("--from", options->from, "First date, YYYY-MM-DD (default: the dataset's start)");
  app->add_option("--to", options->to, "Last date, YYYY-MM-DD (default: the dataset's end)");
  app->add_option("--fps", options->fps, "Frames per second of the video (PNG frames are timed the same way), 0.01..1000")
      ->capture_default_str()
      ->check(finiteRange(0.01, 1000));
  app->add_option("--days-per-second", options->daysPerSecond,
                  "Map days per second of video, 0.001..100000 (default 30); changes of control animate smoothly in between")
      ->check(finiteRange(0.001, 100000));
  app->add_option("--frames", options->frames, "Instead of --days-per-second: exactly N frames from --from to --to, 1..10000000")
      ->check(CLI::Range(size_t{1}, size_t{10'000'000}));
  app->add_option("--size", options->size, "Frame size WIDTHxHEIGHT in pixels (even for .mp4 and .webm)")
      ->capture_default_str();
  app->add_option("--scale", options->scale, "Text and line size factor, 0.1..16 (default: 1 at 1920x1080, 2 at 3840x2160)")
      ->check(finiteRange(0.1, 16));
  app->add_option("--title", options->title, "Title line (default: the dataset's title)");
  app->add_option("--samples", options->samples, "Multisampling (anti-aliasing) samples, 0..16, 0 to disable")
      ->capture_default_str()
      ->check(CLI::Range(0, 16));
  app->add_option("--gif-width", options->gifWidth,
                  "Largest width of a .gif, 16..16384: wider sizes are drawn this wide, keeping the aspect ratio")
      ->capture_default_str()
      ->check(CLI::Range(16, 16384));
  app->add_flag("--overwrite", options->overwrite, "Replace an existing video, or the frames in an existing folder");
  app->add_flag("--resume", options->resume,
                "Continue an interrupted PNG export: frames already complete in the folder are kept");
  app->add_option("--threads", options->threads, "PNG compression threads, 1..256 (default: one per CPU core)")
      ->check(CLI::Range(1u, 256u));
  app->add_flag("--full-redraw", options->full,
                "Draw and encode every frame in full instead of only what changed (slower; for checking)");
  app->add_flag("-v,--verbose", options->verbose, "Print where the time went");
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  app->footer(
      "Frame i shows FROM + i * days-per-second / fps days; fractions of a day animate transitions.\n"
      "Frames are written atomically; Ctrl-C keeps the complete ones (exit 130) and --resume finishes.\n"
      "Progress goes to stderr (-q hides it and the summary); the output path goes to stdout.\n"
      "Exit codes: 0 ok, 2 bad command line or an output that exists, 3 missing input, 4 invalid data,\n"
      "            5 rendering failure, 6 cannot write (disk full, permissions), 7 ffmpeg missing or failed,\n"
      "            130 interrupted.\n"
      "Examples:\n"
      "  frontline export -o frames/ --size 1280x720\n"
      "  frontline export --from 2016-10-01 --to 2017-07-31 --days-per-second 10 -o mosul.mp4\n"
      "  frontline export my.toml --frames 120 --gif-width 640 -o summary.gif");
  return {app, [options] { return runExportCommand(*options); }};
}

}  // namespace frontline::cli
