// The viewer's export dialog: the current view and date range as a PNG sequence or a video, made
// in the background (ExportJob) with a progress bar and a Cancel button while the map stays
// usable. Draws with ImGui.
#pragma once

#include <memory>
#include <string>

#include "render/viewer/export_job.hpp"

namespace frontline {

class ExportDialog {
 public:
  // Opens the dialog with fields taken from `current` (range, speed, size); keeps what the user
  // typed earlier for the output path.
  void open(const ExportJobSettings& current);
  bool isOpen() const { return open_; }
  void close() { open_ = false; }
  bool running() const { return job_ && !job_->finished(); }
  // 0..1 while running.
  float progress() const;

  // Draws the dialog when open. `current` supplies what the fields do not: the view, style,
  // layers, title and the way to open a session for the worker. viewerWidth: the map's width in
  // the window (the export shows the same ground across its width).
  void draw(const ExportJobSettings& current, int viewerWidth, float screenWidth, float screenHeight);
  // Whether ffmpeg is there for videos (checked once when the dialog opens).
  bool videoAvailable() const { return ffmpeg_; }

  // Starts an export as the Export button does, with these dates and output (scripts and tests).
  void start(const ExportJobSettings& current, int viewerWidth, const std::string& output, Date from, Date to);
  // The last export's outcome ("" while none has finished).
  std::string outcome() const { return job_ && job_->finished() ? job_->outcome() : ""; }

 private:
  void startJob(const ExportJobSettings& current, int viewerWidth, Date from, Date to);
  bool open_ = false, ffmpeg_ = false;
  std::string output_ = "frontline-export", from_, to_, error_;
  int format_ = 0;  // 0 PNG frames, 1 MP4, 2 WebM, 3 GIF
  float fps_ = 30, daysPerSecond_ = 30;
  int width_ = 1920, height_ = 1080;
  bool overwrite_ = false;
  std::unique_ptr<ExportJob> job_;
};

}  // namespace frontline
