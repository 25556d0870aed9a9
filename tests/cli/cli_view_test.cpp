// The viewer under Xvfb: its screenshot (UI hidden) must match `frontline render` at the same
// size, since both draw through the same MapRenderer. Same tolerance as the golden tests.
#include <gtest/gtest.h>

#include <cstdlib>

#include "render/image.hpp"
#include "render/png_io.hpp"
#include "support/fixtures.hpp"
#include "support/run_command.hpp"

namespace frontline {
namespace {

TEST(CliView, ScreenshotMatchesRenderAtTheSameSize) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) GTEST_SKIP() << "xvfb-run is not installed";
  const auto dir = test::freshDir("cli-view");
  const auto shot = dir / "view.png", still = dir / "render.png";
  auto v = test::runCommand("xvfb-run -a -s '-screen 0 1280x1024x24' " + test::frontline() +
                            " view --date 2017-10-17 --size 800x600 --hide-ui --screenshot '" + shot.string() +
                            "' --quit");
  ASSERT_EQ(v.exitCode, 0) << v.err;
  auto r = test::runCommand(test::frontline() + " render --date 2017-10-17 --size 800x600 -o '" + still.string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto a = readPng(shot), b = readPng(still);
  ASSERT_TRUE(a.ok() && b.ok());
  const ImageDiff diff = compareImages(*b, *a, 16);
  ASSERT_TRUE(diff.sameSize) << a->width << "x" << a->height;
  if (diff.differingFraction > 0.005) (void)writePngAtomic(dir / "diff.png", diff.visual);
  EXPECT_LE(diff.differingFraction, 0.005) << diff.differingPixels << " pixels differ, max channel difference "
                                           << diff.maxChannelDifference << "; see " << (dir / "diff.png").string();
}

TEST(CliView, WithoutADisplayItSaysSo) {
  auto v = test::runCommand("env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 " + test::frontline() + " view --quit");
  EXPECT_NE(v.exitCode, 0);
  EXPECT_NE(v.err.find("display"), std::string::npos) << v.err;
}

}  // namespace
}  // namespace frontline
