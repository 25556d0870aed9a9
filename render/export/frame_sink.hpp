// Where the export pipeline hands its frames: a PNG sequence or a video encoder. Frames arrive in
// order twice: submit() on the render thread as soon as the pixels are read back (start slow
// work there, on other threads), then commit() on the writer thread (finish and write it out).
#pragma once

#include <memory>
#include <vector>

#include "geo/model/result.hpp"
#include "render/image.hpp"

namespace frontline {

// Rows [first, last) of a frame, counted from the top.
struct RowSpan {
  int first = 0, last = 0;
};

struct ExportFrame {
  size_t index = 0;                     // position in the schedule
  std::shared_ptr<const Image> pixels;  // RGBA, rows bottom-up (as OpenGL reads them back)
  // Identical to the previous frame submitted (the pipeline proved it; no pixels were read).
  bool repeat = false;
  // Rows that may differ from the previous frame submitted; the others are equal to it. Empty
  // with `repeat`; the whole frame for the first frame.
  std::vector<RowSpan> changedRows;
};

// What submit() started and commit() finishes.
class PendingFrame {
 public:
  virtual ~PendingFrame() = default;
};

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  virtual std::unique_ptr<PendingFrame> submit(const ExportFrame& frame) = 0;
  virtual Result<void> commit(std::unique_ptr<PendingFrame> frame) = 0;
  // After the last frame was committed.
  virtual Result<void> finish() = 0;
  // After a failure or an interruption: leave no partial output behind (complete frames of a
  // sequence stay).
  virtual void abandon() = 0;
  // Encoder time summed over threads, for the timing report.
  virtual double encodeSeconds() const { return 0; }
};

}  // namespace frontline
