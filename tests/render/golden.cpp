#include "golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "render/png_io.hpp"

namespace frontline::test {

std::string compareWithGolden(const std::string& caseName, const Image& actual, GoldenTolerance tolerance) {
  const auto fixture = std::filesystem::path(FRONTLINE_SOURCE_DIR) / "tests/fixtures/render" / caseName;
  const auto expectedPath = fixture / "expected.png";
  const auto outDir = std::filesystem::path(FRONTLINE_TEST_OUTPUT) / "render" / caseName;
  std::filesystem::create_directories(outDir);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(fixture);
    auto written = writePngAtomic(expectedPath, actual, 9);
    return written ? "" : written.error().message();
  }
  auto expected = readPng(expectedPath);
  if (!expected) {
    (void)writePngAtomic(outDir / "actual.png", actual, 6);
    return "no golden image (" + expected.error().message() + "); run with UPDATE_GOLDEN=1 to record one";
  }
  const ImageDiff diff = compareImages(*expected, actual, tolerance.channelThreshold);
  if (!diff.sameSize) {
    (void)writePngAtomic(outDir / "actual.png", actual, 6);
    std::ostringstream msg;
    msg << "size differs: expected " << expected->width << "x" << expected->height << ", got " << actual.width << "x"
        << actual.height;
    return msg.str();
  }
  if (diff.differingFraction <= tolerance.maxDifferingFraction) return "";
  (void)writePngAtomic(outDir / "actual.png", actual, 6);
  (void)writePngAtomic(outDir / "diff.png", diff.visual, 6);
  std::ostringstream msg;
  msg << caseName << ": " << diff.differingPixels << " pixels (" << diff.differingFraction * 100
      << "%) differ by more than " << tolerance.channelThreshold << " (allowed "
      << tolerance.maxDifferingFraction * 100 << "%); max channel difference " << diff.maxChannelDifference
      << ". See " << (outDir / "actual.png").string() << " and diff.png";
  return msg.str();
}

}  // namespace frontline::test
