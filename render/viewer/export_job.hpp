// An export started from the viewer, run on a worker thread so the window stays responsive: the
// worker opens its own MapSession (runExport's prepare thread must be the session's only user),
// its own EGL context and MapRenderer, and drives render/export's pipeline into a PNG sequence or
// a video. Progress is counted as the sink commits frames; cancel() stops after the frames in
// flight (complete PNG frames stay; a video is not written). No ImGui here.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "geo/gis/map_session.hpp"
#include "render/map_renderer.hpp"
#include "render/map_style.hpp"

namespace frontline {

struct ExportJobSettings {
  std::filesystem::path output;  // a folder of PNG frames, or a .mp4 / .webm / .gif file
  Date from, to;
  double fps = 30;
  double daysPerSecond = 30;
  int width = 1920, height = 1080;
  FrameInput frame;              // title, view, scale, layers (date and control are set per frame)
  MapStyle style;
  int samples = 4;
  bool overwrite = false;
  // Opens the worker's own session (the same map and dataset as the viewer's).
  std::function<Result<std::unique_ptr<MapSession>>()> openSession;
};

class ExportJob {
 public:
  // Starts the worker. Errors in the settings come back from result() like any other.
  static std::unique_ptr<ExportJob> start(ExportJobSettings settings);
  ~ExportJob();  // cancels and waits
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  void cancel() { stop_ = true; }
  bool finished() const { return finished_; }
  size_t framesDone() const { return done_; }
  size_t framesTotal() const { return total_; }  // 0 until the schedule is made
  std::string stage() const;                     // what the worker is doing, for the dialog

  // Once finished(): what happened, in one line ("1234 frames written to ...", an error, or
  // "cancelled ..."), and whether it succeeded.
  std::string outcome() const;
  bool succeeded() const { return succeeded_; }

 private:
  explicit ExportJob(ExportJobSettings settings) : settings_(std::move(settings)) {}
  void run();
  void setStage(std::string stage);
  void finish(bool ok, std::string outcome);

  ExportJobSettings settings_;
  std::thread worker_;
  std::atomic<bool> stop_{false}, finished_{false}, succeeded_{false};
  std::atomic<size_t> done_{0}, total_{0};
  mutable std::mutex mutex_;
  std::string stage_, outcome_;
};

}  // namespace frontline
