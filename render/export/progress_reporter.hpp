// Export progress on stderr: a bar redrawn in place (frames done, frames per second, time left)
// when stderr is a terminal, a plain line every few seconds otherwise (logs, CI).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace frontline {

class ProgressReporter {
 public:
  // total: frames to make in this run (frames already done are not counted). quiet: print nothing.
  ProgressReporter(std::string label, size_t total, bool quiet = false, std::FILE* out = stderr);
  ProgressReporter(std::string label, size_t total, bool quiet, std::FILE* out, bool terminal);

  // One more frame done. Call from one thread.
  void frameDone();
  // Ends the bar's line (terminal) so that later messages start on a fresh line.
  void finish();

  size_t done() const { return done_; }
  double elapsedSeconds() const;

  // "[######------]  123/365  45.2 frames/s  0:02 left": the text shown (rate in frames/s).
  static std::string barText(size_t done, size_t total, double rate, int width = 28);

 private:
  void print(bool final);
  std::string label_;
  size_t total_ = 0, done_ = 0;
  bool quiet_, terminal_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, lastPrint_, firstDone_;
  bool printed_ = false;
};

}  // namespace frontline
