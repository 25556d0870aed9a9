// `frontline export` end to end on the bundled dataset at small sizes: frames equal `render`
// (and the viewer), drawing only what changed equals drawing everything, resume and interruption
// leave the same complete frames, refusals and write failures are clean, videos are readable.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <thread>

#include "render/export/png_encoder.hpp"
#include "render/image.hpp"
#include "render/png_io.hpp"
#include "support/fixtures.hpp"
#include "support/run_command.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string q(const fs::path& p) {
  std::string quoted = "'";
  return quoted.append(p.string()).append("'");
}

// Ten days of October 2017 (Raqqa falls on the 17th), one frame per day, 320x180.
const std::string kTenDays = " --from 2017-10-10 --to 2017-10-19 --fps 10 --days-per-second 10 --size 320x180 -q";
// Mosul's summer 2017 at a quarter of a day per frame: many frames inside transitions.
const std::string kTransitions = " --from 2017-06-25 --to 2017-07-12 --fps 8 --days-per-second 2 --size 320x180 -q";

std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

bool hasTemporaries(const fs::path& dir) {
  for (const std::string& name : entries(dir))
    if (isTemporaryName(name)) return true;
  return false;
}

// Every frame file in `a` has a byte-identical twin in `b` and the other way round.
void expectSameFrames(const fs::path& a, const fs::path& b) {
  std::set<std::string> framesA, framesB;
  for (const std::string& n : entries(a))
    if (n.rfind("frame_", 0) == 0) framesA.insert(n);
  for (const std::string& n : entries(b))
    if (n.rfind("frame_", 0) == 0) framesB.insert(n);
  ASSERT_EQ(framesA, framesB);
  for (const std::string& n : framesA) EXPECT_TRUE(slurp(a / n) == slurp(b / n)) << n << " differs";
}

bool haveProgram(const char* name) { return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0; }

TEST(ExportCli, FrameForADateEqualsRenderAndTheViewer) {
  const auto dir = test::freshDir("export-vs-render");
  auto e = test::runCommand(test::frontline() + " export" + kTenDays + " -o " + q(dir / "frames"));
  ASSERT_EQ(e.exitCode, 0) << e.err;
  EXPECT_EQ(entries(dir / "frames").size(), 11u);  // 10 frames and the settings record
  auto r = test::runCommand(test::frontline() + " render --date 2017-10-17 --size 320x180 -q -o " + q(dir / "render.png"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto frame = readPng(dir / "frames" / "frame_00007.png");  // 10 October + 7 days
  auto still = readPng(dir / "render.png");
  ASSERT_TRUE(frame.ok() && still.ok());
  const ImageDiff diff = compareImages(*still, *frame, 16);
  ASSERT_TRUE(diff.sameSize);
  if (diff.differingFraction > 0.005) (void)writePngAtomic(dir / "diff.png", diff.visual);
  EXPECT_LE(diff.differingFraction, 0.005) << diff.differingPixels << " pixels differ; see " << (dir / "diff.png");

  if (!haveProgram("xvfb-run")) GTEST_SKIP() << "xvfb-run is not installed: viewer comparison skipped";
  auto v = test::runCommand("xvfb-run -a -s '-screen 0 1280x1024x24' " + test::frontline() +
                            " view --date 2017-10-17 --size 320x180 --hide-ui --screenshot " + q(dir / "view.png") +
                            " --quit");
  if (v.exitCode != 0 && v.err.find("display") != std::string::npos) GTEST_SKIP() << "no display: " << v.err;
  ASSERT_EQ(v.exitCode, 0) << v.err;
  auto shot = readPng(dir / "view.png");
  ASSERT_TRUE(shot.ok());
  const ImageDiff viewDiff = compareImages(*shot, *frame, 16);
  ASSERT_TRUE(viewDiff.sameSize) << shot->width << "x" << shot->height;
  EXPECT_LE(viewDiff.differingFraction, 0.005) << viewDiff.differingPixels << " pixels differ from the viewer";
}

TEST(ExportCli, DrawingOnlyWhatChangedEqualsDrawingEverything) {
  const auto dir = test::freshDir("export-incremental");
  auto a = test::runCommand(test::frontline() + " export" + kTransitions + " -o " + q(dir / "incremental"));
  ASSERT_EQ(a.exitCode, 0) << a.err;
  auto b = test::runCommand(test::frontline() + " export" + kTransitions + " --full-redraw -o " + q(dir / "full"));
  ASSERT_EQ(b.exitCode, 0) << b.err;
  expectSameFrames(dir / "incremental", dir / "full");
  EXPECT_EQ(entries(dir / "full").size(), 70u);  // 17 days * 4 + 1 frames, and the record
}

TEST(ExportCli, ResumeAfterLosingFramesGivesTheSameFiles) {
  const auto dir = test::freshDir("export-resume");
  const std::string cmd = test::frontline() + " export" + kTenDays + " -o ";
  ASSERT_EQ(test::runCommand(cmd + q(dir / "whole")).exitCode, 0);
  ASSERT_EQ(test::runCommand(cmd + q(dir / "broken")).exitCode, 0);
  // As if interrupted: some frames never written, one cut off, a temporary file left behind.
  fs::remove(dir / "broken" / "frame_00003.png");
  fs::remove(dir / "broken" / "frame_00009.png");
  const std::string bytes = slurp(dir / "broken" / "frame_00006.png");
  std::ofstream(dir / "broken" / "frame_00006.png", std::ios::binary | std::ios::trunc).write(bytes.data(), 100);
  std::ofstream(dir / "broken" / ".frame_00004.png.tmp-0badf00d", std::ios::binary) << "half a frame";

  auto again = test::runCommand(cmd + q(dir / "broken"));
  EXPECT_EQ(again.exitCode, 2) << again.err;
  EXPECT_NE(again.err.find("--resume"), std::string::npos) << again.err;
  auto resumed = test::runCommand(test::frontline() + " export" + kTenDays + " --resume -o " + q(dir / "broken"));
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  expectSameFrames(dir / "whole", dir / "broken");
  EXPECT_FALSE(hasTemporaries(dir / "broken"));

  // Other settings than the folder was made with: refused, nothing touched.
  auto other = test::runCommand(test::frontline() + " export --from 2017-10-10 --to 2017-10-19 --size 320x200 -q "
                                "--resume -o " + q(dir / "broken"));
  EXPECT_EQ(other.exitCode, 2);
  EXPECT_NE(other.err.find("other settings"), std::string::npos) << other.err;
  expectSameFrames(dir / "whole", dir / "broken");
}

TEST(ExportCli, CtrlCKeepsCompleteFramesAndResumeFinishes) {
  const auto dir = test::freshDir("export-interrupt");
  // 731 frames, one per day.
  const std::string args = " export --from 2016-01-01 --to 2017-12-31 --days-per-second 10 --fps 10 --size 320x180 -q -o ";
  const fs::path out = dir / "frames";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string line = std::string("exec ") + test::frontline() + args + q(out) + " 2>/dev/null";
    ::execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Interrupt once a few frames exist.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (fs::exists(out / "frame_00020.png", ec)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  const int code = WEXITSTATUS(status);
  if (code == 0) GTEST_SKIP() << "the export finished before it could be interrupted";
  EXPECT_EQ(code, 130);
  size_t frames = 0;
  for (const std::string& n : entries(out))
    if (n.rfind("frame_", 0) == 0) {
      ++frames;
      EXPECT_TRUE(isCompletePng(out / n, 320, 180)) << n;
    }
  EXPECT_GT(frames, 0u);
  EXPECT_LT(frames, 731u);
  EXPECT_FALSE(hasTemporaries(out));

  auto resumed = test::runCommand(test::frontline() + args + q(out) + " --resume");
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  auto whole = test::runCommand(test::frontline() + args + q(dir / "whole"));
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  expectSameFrames(dir / "whole", out);
}

TEST(ExportCli, RefusesANonEmptyFolderUnlessOverwrite) {
  const auto dir = test::freshDir("export-refuse");
  fs::create_directories(dir / "out");
  std::ofstream(dir / "out" / "notes.txt") << "mine";
  auto refused = test::runCommand(test::frontline() + " export" + kTenDays + " -o " + q(dir / "out"));
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("--overwrite"), std::string::npos) << refused.err;
  EXPECT_EQ(entries(dir / "out"), std::set<std::string>{"notes.txt"});
  auto overwritten = test::runCommand(test::frontline() + " export" + kTenDays + " --overwrite -o " + q(dir / "out"));
  EXPECT_EQ(overwritten.exitCode, 0) << overwritten.err;
  EXPECT_TRUE(entries(dir / "out").count("notes.txt"));  // only frames are replaced
  EXPECT_TRUE(entries(dir / "out").count("frame_00009.png"));
}

TEST(ExportCli, WriteFailuresStopCleanly) {
  const auto dir = test::freshDir("export-unwritable");
  // A file size limit makes writes fail like a full disk (EFBIG instead of ENOSPC).
  auto full = test::runCommand("sh -c \"trap '' XFSZ; ulimit -f 16; exec " + test::frontline() + " export" + kTenDays +
                               " -o " + q(dir / "frames") + "\"");
  EXPECT_EQ(full.exitCode, 6) << full.err;
  EXPECT_NE(full.err.find("frame_0000"), std::string::npos) << full.err;
  EXPECT_EQ(std::count(full.err.begin(), full.err.end(), '\n'), 1) << full.err;
  for (const std::string& n : entries(dir / "frames")) {
    if (n.rfind("frame_", 0) == 0) {
      EXPECT_TRUE(isCompletePng(dir / "frames" / n, 320, 180)) << n;
    }
  }
  EXPECT_FALSE(hasTemporaries(dir / "frames"));

  // A folder that cannot be made.
  auto bad = test::runCommand(test::frontline() + " export" + kTenDays + " -o /proc/frontline-frames");
  EXPECT_EQ(bad.exitCode, 6) << bad.err;
  EXPECT_NE(bad.err.find("/proc/frontline-frames"), std::string::npos) << bad.err;
  auto missingParent = test::runCommand(test::frontline() + " export" + kTenDays + " -o " + q(dir / "no" / "such"));
  EXPECT_EQ(missingParent.exitCode, 6);
  EXPECT_NE(missingParent.err.find("does not exist"), std::string::npos) << missingParent.err;
}

TEST(ExportCli, Mp4HasTheFramesAndSize) {
  if (!haveProgram("ffmpeg") || !haveProgram("ffprobe")) GTEST_SKIP() << "ffmpeg is not installed";
  const auto dir = test::freshDir("export-mp4");
  const auto video = dir / "raqqa.mp4";
  auto e = test::runCommand(test::frontline() + " export" + kTenDays + " -o " + q(video));
  ASSERT_EQ(e.exitCode, 0) << e.err;
  auto probe = test::runCommand("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                                "stream=codec_name,width,height,pix_fmt,nb_read_frames -of default=nw=1 " + q(video));
  ASSERT_EQ(probe.exitCode, 0) << probe.err;
  EXPECT_NE(probe.out.find("codec_name=h264"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("width=320"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("height=180"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("pix_fmt=yuv420p"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("nb_read_frames=10"), std::string::npos) << probe.out;
  EXPECT_EQ(entries(dir), std::set<std::string>{"raqqa.mp4"});  // no temporary files left

  auto again = test::runCommand(test::frontline() + " export" + kTenDays + " -o " + q(video));
  EXPECT_EQ(again.exitCode, 2);
  EXPECT_NE(again.err.find("--overwrite"), std::string::npos);

  auto gif = test::runCommand(test::frontline() + " export" + kTenDays + " --gif-width 160 -o " + q(dir / "a.gif"));
  ASSERT_EQ(gif.exitCode, 0) << gif.err;
  auto gifProbe = test::runCommand("ffprobe -v error -show_entries stream=codec_name,width,height -of default=nw=1 " +
                                   q(dir / "a.gif"));
  EXPECT_NE(gifProbe.out.find("codec_name=gif"), std::string::npos) << gifProbe.out;
  EXPECT_NE(gifProbe.out.find("width=160"), std::string::npos) << gifProbe.out;
  EXPECT_EQ(entries(dir), (std::set<std::string>{"a.gif", "raqqa.mp4"}));
}

TEST(ExportCli, VideoProblemsAreOneClearLine) {
  const auto dir = test::freshDir("export-video-errors");
  auto missing = test::runCommand("FRONTLINE_FFMPEG=/nonexistent/ffmpeg " + test::frontline() + " export" + kTenDays +
                                  " -o " + q(dir / "a.mp4"));
  EXPECT_EQ(missing.exitCode, 7);
  EXPECT_NE(missing.err.find("apt-get install ffmpeg"), std::string::npos) << missing.err;
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
  auto odd = test::runCommand(test::frontline() + " export --size 321x180 -q -o " + q(dir / "b.mp4"));
  EXPECT_EQ(odd.exitCode, 2);
  EXPECT_NE(odd.err.find("even"), std::string::npos) << odd.err;
  auto resume = test::runCommand(test::frontline() + " export --resume -q -o " + q(dir / "c.mp4"));
  EXPECT_EQ(resume.exitCode, 2);
  auto png = test::runCommand(test::frontline() + " export -q -o " + q(dir / "one.png"));
  EXPECT_EQ(png.exitCode, 2);
  EXPECT_NE(png.err.find("frontline render"), std::string::npos) << png.err;
  EXPECT_TRUE(entries(dir).empty());
}

TEST(ExportCli, HelpNamesTheOptions) {
  auto help = test::runCommand(test::frontline() + " export --help");
  EXPECT_EQ(help.exitCode, 0);
  for (const char* option : {"--from", "--to", "--fps", "--days-per-second", "--frames", "--size", "--resume",
                             "--overwrite", "--gif-width", ".mp4", "130"})
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
}

}  // namespace
}  // namespace frontline
