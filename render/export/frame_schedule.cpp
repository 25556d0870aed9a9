#include "render/export/frame_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace frontline {
namespace {

// Frame times are products like 7 * (1/3) that should land exactly on whole days; a tolerance far
// below any frame step keeps floor() from falling to the day before.
constexpr double kEpsilon = 1e-9;
constexpr size_t kMaxFrames = 10'000'000;

}  // namespace

Result<FrameSchedule> FrameSchedule::byRate(Date from, Date to, double fps, double daysPerSecond) {
  if (!(fps > 0) || fps > 1000) return makeError(ErrorKind::Usage, "--fps", "must be more than 0 and at most 1000");
  if (!(daysPerSecond > 0) || !std::isfinite(daysPerSecond))
    return makeError(ErrorKind::Usage, "--days-per-second", "must be more than 0");
  if (to < from) return makeError(ErrorKind::Usage, "--to", "is before --from (" + from.iso() + ")");
  FrameSchedule s;
  s.from_ = from;
  s.to_ = to;
  s.fps_ = fps;
  s.step_ = daysPerSecond / fps;
  const double span = static_cast<double>(to.days() - from.days());
  const double count = std::floor(span / s.step_ + kEpsilon) + 1;
  if (!(count <= static_cast<double>(kMaxFrames)))  // also NaN and infinity
    return makeError(ErrorKind::Usage, "--days-per-second",
                     "gives more than 10000000 frames over " + std::to_string(to.days() - from.days()) +
                         " days; use a larger value");
  s.frames_ = static_cast<size_t>(count);
  return s;
}

Result<FrameSchedule> FrameSchedule::byCount(Date from, Date to, size_t frames, double fps) {
  if (!(fps > 0) || fps > 1000) return makeError(ErrorKind::Usage, "--fps", "must be more than 0 and at most 1000");
  if (frames < 1 || frames > kMaxFrames) return makeError(ErrorKind::Usage, "--frames", "must be 1..10000000");
  if (to < from) return makeError(ErrorKind::Usage, "--to", "is before --from (" + from.iso() + ")");
  FrameSchedule s;
  s.from_ = from;
  s.to_ = to;
  s.fps_ = fps;
  s.frames_ = frames;
  s.step_ = frames > 1 ? static_cast<double>(to.days() - from.days()) / static_cast<double>(frames - 1) : 0;
  return s;
}

FrameTime FrameSchedule::at(size_t index) const {
  FrameTime t;
  // The last frame of a count schedule is exactly `to`, whatever the rounding of the step.
  const bool last = index + 1 == frames_ && step_ > 0 &&
                    std::fabs(static_cast<double>(index) * step_ - static_cast<double>(to_.days() - from_.days())) < 1e-6;
  t.days = last ? static_cast<double>(to_.days() - from_.days()) : static_cast<double>(index) * step_;
  const double whole = std::floor(t.days + kEpsilon);
  t.date = from_.plusDays(static_cast<int32_t>(whole));
  t.dayFraction = std::max(0.0, t.days - whole);
  if (t.dayFraction < kEpsilon) t.dayFraction = 0;
  return t;
}

}  // namespace frontline
