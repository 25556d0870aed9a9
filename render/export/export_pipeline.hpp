// Renders the frames of a schedule and hands them to a FrameSink, with the stages overlapped:
//   prepare thread   the control state and areas of control of each frame (MapSession: areas
//                    are computed once per interval between event dates)
//   calling thread   owns the GL context: draws only the regions that changed since the last
//                    frame drawn (MapRenderer::changedRegions), reads the pixels back
//   sink             compresses on its worker threads (PNG bands) or pipes to ffmpeg
//   writer thread    commits frames to the sink in order, reports progress
// Pixel buffers come from a small pool and queues are bounded, so memory stays flat.
//
// When a frame is provably identical to the previous one it is neither drawn nor read back: the
// previous pixels are handed on again, marked as a repeat. The rule: changedRegions(previous,
// frame) is empty, i.e. the same date text, the same legend, and for every place the same cell
// geometry, colour, status and transition, the same outlines and the same marker.
#pragma once

#include <atomic>
#include <functional>

#include "geo/gis/map_session.hpp"
#include "render/export/frame_schedule.hpp"
#include "render/export/frame_sink.hpp"
#include "render/export/progress_reporter.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace frontline {

struct ExportRequest {
  const FrameSchedule* schedule = nullptr;
  FrameInput frame;            // title, view and scale; the date and control are set per frame
  bool drawControl = true;     // draw the session's dataset (false: the base map only)
  bool incremental = true;     // false: draw and hand on every frame in full (for checking)
  std::function<bool(size_t)> skip;          // frames already done (a resumed export)
  const std::atomic<bool>* stop = nullptr;   // set on Ctrl-C: finish the frames in flight, then stop
  ProgressReporter* progress = nullptr;
  size_t buffers = 6;          // frames in flight between reading back and writing
};

struct ExportStats {
  size_t written = 0;          // frames the sink committed in this run
  size_t skipped = 0;          // frames already done
  size_t drawnFull = 0, drawnPartial = 0, repeats = 0;
  size_t regionsDrawn = 0;     // draw passes: one per changed region of a frame drawn in part
  double redrawnShare = 0;     // mean share of the frame's pixels redrawn, over the frames drawn
  double seconds = 0;          // the whole run
  // Time per stage, summed over the run (stages overlap, so these add up to more than `seconds`).
  double prepareSeconds = 0;   // control state and areas (prepare thread)
  double prepareCpuSeconds = 0;  // the same in CPU time (less than the above when cores are busy)
  double drawSeconds = 0;      // GL draw calls until the frame is finished (render thread)
  double readbackSeconds = 0;  // glReadPixels
  double submitSeconds = 0;    // render thread handing frames to the sink (comparing rows)
  double prepareWaitSeconds = 0;  // render thread waiting for the prepare thread
  double bufferWaitSeconds = 0;   // render thread waiting for a free buffer: encoding or writing is behind
  double commitSeconds = 0;    // writer thread: waiting for encoded frames and writing them
  double encodeSeconds = 0;    // the sink's encoder, summed over its threads (PNG: CPU time)
  bool interrupted = false;
};

// Runs the export. `target` must be the renderer's target, its size the output size; the calling
// thread must be the one that created them. The sink is finished on success and abandoned on
// failure or interruption (ExportStats::interrupted).
Result<ExportStats> runExport(MapSession& session, MapRenderer& renderer, OffscreenTarget& target, FrameSink& sink,
                              const ExportRequest& request);

}  // namespace frontline
