// Which map time each frame of an export shows. Pure arithmetic, no GL.
//   by rate:  frame i shows from + i * daysPerSecond / fps days, up to and including `to`;
//   by count: N frames spread evenly from `from` to `to` (both included).
// A frame's time splits into a whole date and the fraction of that day (for animated transitions).
#pragma once

#include <cstddef>

#include "geo/model/date.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct FrameTime {
  Date date;                 // the day shown (day precision)
  double dayFraction = 0;    // 0 <= fraction < 1: how far into that day
  double days = 0;           // days since `from`, for messages and tests
};

class FrameSchedule {
 public:
  // fps > 0, daysPerSecond > 0, from <= to.
  static Result<FrameSchedule> byRate(Date from, Date to, double fps, double daysPerSecond);
  // frames >= 1 (one frame shows `from`); fps is the video frame rate.
  static Result<FrameSchedule> byCount(Date from, Date to, size_t frames, double fps);

  size_t size() const { return frames_; }
  double fps() const { return fps_; }
  double daysPerFrame() const { return step_; }
  Date from() const { return from_; }
  Date to() const { return to_; }
  FrameTime at(size_t index) const;
  double seconds() const { return static_cast<double>(frames_) / fps_; }  // video length

 private:
  Date from_, to_;
  double step_ = 1;  // days per frame
  double fps_ = 30;
  size_t frames_ = 0;
};

}  // namespace frontline
