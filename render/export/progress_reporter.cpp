#include "render/export/progress_reporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace frontline {
namespace {

using Clock = std::chrono::steady_clock;

std::string duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

ProgressReporter::ProgressReporter(std::string label, size_t total, bool quiet, std::FILE* out)
    : ProgressReporter(std::move(label), total, quiet, out, out && ::isatty(::fileno(out))) {}

ProgressReporter::ProgressReporter(std::string label, size_t total, bool quiet, std::FILE* out, bool terminal)
    : label_(std::move(label)), total_(total), quiet_(quiet || !out), terminal_(terminal), out_(out),
      start_(Clock::now()), lastPrint_(start_) {}

double ProgressReporter::elapsedSeconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

std::string ProgressReporter::barText(size_t done, size_t total, double rate, int width) {
  const double fraction = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 1.0;
  const int filled = static_cast<int>(fraction * width);
  std::string bar = "[";
  bar.append(static_cast<size_t>(filled), '#').append(static_cast<size_t>(width - filled), '-').append("]");
  char buf[160];
  const int digits = static_cast<int>(std::to_string(total).size());
  std::snprintf(buf, sizeof buf, " %*zu/%zu  %.1f frames/s", digits, done, total, rate);
  std::string text = bar;
  text.append(buf);
  if (done < total)
    text.append("  ").append(rate > 0 ? duration(static_cast<double>(total - done) / rate) : std::string("?")).append(" left");
  return text;
}

void ProgressReporter::frameDone() {
  ++done_;
  if (quiet_) return;
  const auto now = Clock::now();
  if (done_ == 1) firstDone_ = now;  // rates count from here: the first frame pays for warming up
  const double sincePrint = std::chrono::duration<double>(now - lastPrint_).count();
  // A terminal gets ten updates a second; a log a line every five seconds.
  if (sincePrint >= (terminal_ ? 0.1 : 5.0)) print(false);
}

void ProgressReporter::finish() {
  if (quiet_) return;
  if (terminal_ && done_ > 0) print(true);
  if (terminal_ && printed_) std::fputc('\n', out_);
  std::fflush(out_);
}

void ProgressReporter::print(bool final) {
  lastPrint_ = Clock::now();
  // Frames after the first, over the time since the first: a steady rate for the estimate.
  const double since = std::chrono::duration<double>(Clock::now() - firstDone_).count();
  const size_t steady = done_ > 0 ? done_ - 1 : 0;
  const double rate = since > 0 && steady > 0 ? static_cast<double>(steady) / since : 0;
  if (terminal_) {
    const std::string text = barText(done_, total_, rate);
    std::fprintf(out_, "\r%s %s\x1b[K", label_.c_str(), text.c_str());
  } else if (!final) {
    std::fprintf(out_, "%s %zu/%zu frames (%.0f%%), %.1f frames/s, %s left\n", label_.c_str(), done_, total_,
                 total_ ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_) : 100.0, rate,
                 rate > 0 ? duration(static_cast<double>(total_ - std::min(done_, total_)) / rate).c_str() : "?");
  }
  std::fflush(out_);
  printed_ = true;
}

}  // namespace frontline
