#include "render/viewer/export_job.hpp"

#include <cstdio>
#include <sstream>

#include "render/export/export_pipeline.hpp"
#include "render/export/frame_schedule.hpp"
#include "render/export/png_sequence_writer.hpp"
#include "render/export/video_encoder.hpp"
#include "render/offscreen_target.hpp"

namespace frontline {
namespace {

// Passes frames on to the real sink and counts the ones committed, for the progress bar.
class CountingSink : public FrameSink {
 public:
  CountingSink(FrameSink& inner, std::atomic<size_t>& done) : inner_(inner), done_(done) {}
  std::unique_ptr<PendingFrame> submit(const ExportFrame& frame) override { return inner_.submit(frame); }
  Result<void> commit(std::unique_ptr<PendingFrame> frame) override {
    auto r = inner_.commit(std::move(frame));
    if (r) ++done_;
    return r;
  }
  Result<void> finish() override { return inner_.finish(); }
  void abandon() override { inner_.abandon(); }
  double encodeSeconds() const override { return inner_.encodeSeconds(); }

 private:
  FrameSink& inner_;
  std::atomic<size_t>& done_;
};

}  // namespace

std::unique_ptr<ExportJob> ExportJob::start(ExportJobSettings settings) {
  std::unique_ptr<ExportJob> job(new ExportJob(std::move(settings)));
  job->setStage("starting");
  job->worker_ = std::thread([raw = job.get()] { raw->run(); });
  return job;
}

ExportJob::~ExportJob() {
  cancel();
  if (worker_.joinable()) worker_.join();
}

std::string ExportJob::stage() const {
  std::lock_guard lock(mutex_);
  return stage_;
}

std::string ExportJob::outcome() const {
  std::lock_guard lock(mutex_);
  return outcome_;
}

void ExportJob::setStage(std::string stage) {
  std::lock_guard lock(mutex_);
  stage_ = std::move(stage);
}

void ExportJob::finish(bool ok, std::string outcome) {
  {
    std::lock_guard lock(mutex_);
    outcome_ = std::move(outcome);
    stage_ = ok ? "done" : "stopped";
  }
  succeeded_ = ok;
  finished_ = true;
}

void ExportJob::run() {
  const ExportJobSettings& s = settings_;
  auto schedule = FrameSchedule::byRate(s.from, s.to, s.fps, s.daysPerSecond);
  if (!schedule) return finish(false, schedule.error().message());
  total_ = schedule->size();
  const auto video = videoFormatFor(s.output);

  setStage("loading the map");
  if (!s.openSession) return finish(false, "no map to export");
  auto session = s.openSession();
  if (!session) return finish(false, session.error().message());
  if (stop_) return finish(false, "cancelled");

  std::unique_ptr<FrameSink> sink;
  if (video) {
    VideoEncoder::Options vo;
    vo.output = s.output;
    vo.format = *video;
    vo.width = s.width;
    vo.height = s.height;
    vo.fps = s.fps;
    vo.overwrite = s.overwrite;
    auto encoder = VideoEncoder::create(vo);
    if (!encoder) return finish(false, encoder.error().message());
    sink = std::move(encoder).value();
  } else {
    PngSequenceWriter::Options po;
    po.folder = s.output;
    po.frames = schedule->size();
    po.width = s.width;
    po.height = s.height;
    po.threads = std::max(1u, std::thread::hardware_concurrency());
    po.existing = s.overwrite ? ExistingOutput::Overwrite : ExistingOutput::Refuse;
    std::ostringstream record;
    record << "made by = frontline view\nfrom = " << s.from.iso() << "\nto = " << s.to.iso() << "\nfps = " << s.fps
           << "\ndays per second = " << s.daysPerSecond << "\nsize = " << s.width << "x" << s.height << "\n";
    po.settings = record.str();
    auto writer = PngSequenceWriter::create(po);
    if (!writer) return finish(false, writer.error().message());
    sink = std::move(writer).value();
  }

  setStage("rendering");
  // The worker's own GL context: made current on this thread, destroyed here before it ends.
  auto target = OffscreenTarget::create(s.width, s.height, 0);
  if (!target) {
    sink->abandon();
    return finish(false, target.error().message());
  }
  auto renderer = MapRenderer::create((*session)->scene(), s.style, s.samples);
  if (!renderer) {
    sink->abandon();
    return finish(false, renderer.error().message());
  }
  CountingSink counting(*sink, done_);
  ExportRequest request;
  request.schedule = &*schedule;
  request.frame = s.frame;
  request.frame.control = nullptr;
  request.drawControl = (*session)->data() != nullptr;
  request.stop = &stop_;
  request.buffers = std::max(1u, std::thread::hardware_concurrency()) + 4;
  auto stats = runExport(**session, **renderer, **target, counting, request);
  renderer->reset();
  target->reset();
  if (!stats) return finish(false, stats.error().message());
  if (stats->interrupted) {
    return finish(false, video ? "cancelled; no video was written" :
                                 "cancelled after " + std::to_string(stats->written) + " of " +
                                     std::to_string(schedule->size()) + " frames (the frames written are complete)");
  }
  char line[160];
  std::snprintf(line, sizeof line, "%zu frames in %.1f s", stats->written, stats->seconds);
  finish(true, std::string(line) + " \xE2\x80\x94 " + s.output.string());
}

}  // namespace frontline
