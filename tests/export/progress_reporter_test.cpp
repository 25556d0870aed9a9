// Progress output: a bar redrawn in place on a terminal, plain periodic lines in a log.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "render/export/progress_reporter.hpp"

namespace frontline {
namespace {

TEST(ProgressReporter, BarText) {
  EXPECT_EQ(ProgressReporter::barText(0, 10, 0, 10), "[----------]  0/10  0.0 frames/s  ? left");
  EXPECT_EQ(ProgressReporter::barText(5, 10, 2.5, 10), "[#####-----]  5/10  2.5 frames/s  0:02 left");
  EXPECT_EQ(ProgressReporter::barText(365, 365, 90, 4), "[####] 365/365  90.0 frames/s");
  EXPECT_EQ(ProgressReporter::barText(1, 7200, 1, 4), "[----]    1/7200  1.0 frames/s  1:59:59 left");
}

std::string run(bool terminal, size_t frames) {
  std::FILE* out = std::tmpfile();
  {
    ProgressReporter progress("export:", frames, false, out, terminal);
    for (size_t i = 0; i < frames; ++i) progress.frameDone();
    progress.finish();
  }
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;) text.push_back(static_cast<char>(c));
  std::fclose(out);
  return text;
}

TEST(ProgressReporter, TerminalEndsItsLineAndLogsStayQuietWhenFast) {
  const std::string terminal = run(true, 3);
  EXPECT_EQ(terminal.front(), '\r');
  EXPECT_NE(terminal.find("3/3"), std::string::npos) << terminal;
  EXPECT_EQ(terminal.back(), '\n');
  // A log gets a line every five seconds: none for a quick export.
  EXPECT_EQ(run(false, 3), "");
}

TEST(ProgressReporter, QuietPrintsNothing) {
  std::FILE* out = std::tmpfile();
  ProgressReporter progress("export:", 2, true, out, true);
  progress.frameDone();
  progress.finish();
  EXPECT_EQ(std::ftell(out), 0);
  std::fclose(out);
}

}  // namespace
}  // namespace frontline
