// Runs the frontline binary as a user would and checks exit codes, output files and messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "render/map_style.hpp"
#include "render/png_io.hpp"
#include "support/fixtures.hpp"
#include "support/run_command.hpp"

namespace frontline {
namespace {

using test::frontline;
using test::runCommand;

int lineCount(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(Cli, HelpListsCommandsAndExitCodes) {
  auto r = runCommand(frontline() + " --help");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("render"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  auto sub = runCommand(frontline() + " render --help");
  EXPECT_EQ(sub.exitCode, 0);
  for (const char* option : {"--date", "--size", "--crs", "--bbox", "--output", "--layer"})
    EXPECT_NE(sub.out.find(option), std::string::npos) << option;
}

TEST(Cli, NoCommandIsAUsageError) {
  auto r = runCommand(frontline());
  EXPECT_EQ(r.exitCode, 2);
}

TEST(Cli, RenderWritesAPngOfTheRequestedSizeWithoutADisplay) {
  const auto dir = test::freshDir("cli-render");
  const auto out = dir / "map.png";
  auto r = runCommand("env -u DISPLAY -u WAYLAND_DISPLAY " + frontline() + " render --date 2017-11-04 --size 320x200 -o '" +
                      out.string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find(out.string()), std::string::npos);
  ASSERT_TRUE(std::filesystem::exists(out));
  // PNG signature and IHDR size.
  std::ifstream in(out, std::ios::binary);
  unsigned char header[24];
  in.read(reinterpret_cast<char*>(header), 24);
  EXPECT_EQ(header[1], 'P');
  const unsigned width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
  const unsigned height = (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23];
  EXPECT_EQ(width, 320u);
  EXPECT_EQ(height, 200u);
  // No temporary files are left next to it.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(Cli, RenderAcceptsOtherProjectionsAndBoxes) {
  const auto dir = test::freshDir("cli-crs");
  auto r = runCommand(frontline() + " render --crs EPSG:3857 --bbox 38,33,45,38 --size 200x150 -o '" +
                      (dir / "m.png").string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.err;
}

bool haveWorldData() { return std::filesystem::exists(FRONTLINE_SOURCE_DIR "/assets/world/world.gpkg"); }

// Fraction of the image's pixels within a few levels of `colour`.
double shareOf(const Image& image, Rgba colour) {
  size_t n = 0;
  for (size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    const float c[3] = {colour.r, colour.g, colour.b};
    bool close = true;
    for (int k = 0; k < 3; ++k) close = close && std::abs(image.rgba[i + k] - c[k] * 255) < 6;
    n += close;
  }
  return static_cast<double>(n) / static_cast<double>(image.width * image.height);
}

// Regions far from the bundled dataset draw real maps: land, sea and no date or built-in title.
TEST(Cli, RenderAnyRegionOfTheWorld) {
  if (!haveWorldData()) GTEST_SKIP() << "assets/world is not built (tools/setup.sh builds it)";
  const auto dir = test::freshDir("cli-world");
  struct Region {
    const char* name;
    const char* bbox;
    double minLand, minSea;
  };
  const MapStyle style;
  for (const Region& region : {Region{"chile", "-76,-56,-66,-17", 0.05, 0.3}, Region{"sudan", "21,8,39,23", 0.4, 0.0},
                               Region{"myanmar", "92,9,102,29", 0.15, 0.1}, Region{"ukraine", "22,44,41,53", 0.3, 0.02}}) {
    const auto out = dir / (std::string(region.name) + ".png");
    auto r = runCommand(frontline() + " render --no-data --bbox " + region.bbox + " --size 320x240 -o '" +
                        out.string() + "'");
    ASSERT_EQ(r.exitCode, 0) << region.name << ": " << r.err;
    EXPECT_EQ(r.err, "") << region.name;
    auto image = readPng(out);
    ASSERT_TRUE(image.ok()) << image.error().message();
    EXPECT_GT(shareOf(*image, style.land), region.minLand) << region.name;
    EXPECT_GE(shareOf(*image, style.sea), region.minSea) << region.name;
  }
}

TEST(Cli, RenderWarnsAboutAViewWithoutLandOrPlaces) {
  if (!haveWorldData()) GTEST_SKIP() << "assets/world is not built (tools/setup.sh builds it)";
  const auto dir = test::freshDir("cli-sea");
  auto sea = runCommand(frontline() + " render --no-data --bbox -40,-40,-20,-30 --size 160x120 -o '" +
                        (dir / "sea.png").string() + "'");
  EXPECT_EQ(sea.exitCode, 0) << sea.err;
  EXPECT_NE(sea.err.find("warning: the view -40,-40,-20,-30 has no land"), std::string::npos) << sea.err;
  // The bundled dataset (Iraq and Syria) seen over Chile: none of its places is in view.
  auto away = runCommand(frontline() + " render --bbox -76,-56,-66,-17 --size 160x120 -o '" +
                         (dir / "away.png").string() + "'");
  EXPECT_EQ(away.exitCode, 0) << away.err;
  EXPECT_NE(away.err.find("none of the dataset's"), std::string::npos) << away.err;
}

TEST(Cli, RenderWithoutWorldDataSaysWhichCommandBuildsIt) {
  const auto dir = test::freshDir("cli-noworld");
  auto r = runCommand(frontline() + " render --no-data --bbox 21,8,39,23 --assets '" + dir.string() + "' -o '" +
                      (dir / "m.png").string() + "'");
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_EQ(lineCount(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("world.gpkg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("tools/setup.sh"), std::string::npos) << r.err;
}

struct BadInput {
  std::string name;
  std::string args;          // after "frontline render"
  int exitCode;
  std::string mustMention;   // the file or argument the message must name
};

// Keeps gtest's test names and logs readable.
void PrintTo(const BadInput& input, std::ostream* os) { *os << input.name; }

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, OneClearLineAndNonZeroExit) {
  const BadInput& c = GetParam();
  const auto dir = test::freshDir("cli-bad");
  test::writeTextFile(dir / "notes.txt", "not a map\n");
  test::writeVectorFile(dir / "empty.geojson", "GeoJSON", {});
  test::writeVectorFile(dir / "nocrs.shp", "ESRI Shapefile", {{"LINESTRING (330000 4023000, 340000 4033000)", "x"}}, "");
  std::string args = c.args;
  for (size_t p; (p = args.find("DIR")) != std::string::npos;) args.replace(p, 3, dir.string());
  auto r = runCommand(frontline() + " render " + args);
  EXPECT_EQ(r.exitCode, c.exitCode) << r.err;
  EXPECT_EQ(lineCount(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(c.mustMention), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.png"));
}

INSTANTIATE_TEST_SUITE_P(
    Render, CliBadInput,
    ::testing::Values(
        BadInput{"MissingLayerFile", "--layer rivers=DIR/missing.shp -o DIR/out.png", 3, "missing.shp"},
        BadInput{"NotAVectorDataset", "--layer rivers=DIR/notes.txt -o DIR/out.png", 3, "notes.txt"},
        BadInput{"LayerWithoutCrs", "--layer rivers=DIR/nocrs.shp -o DIR/out.png", 4, "nocrs.shp"},
        BadInput{"EmptyLayer", "--layer lakes=DIR/empty.geojson -o DIR/out.png", 4, "empty.geojson"},
        BadInput{"UnknownCrs", "--crs EPSG:999999 -o DIR/out.png", 4, "EPSG:999999"},
        BadInput{"InvalidSize", "--size 0x100 -o DIR/out.png", 2, "--size"},
        BadInput{"MalformedSize", "--size big -o DIR/out.png", 2, "--size"},
        BadInput{"InvalidDate", "--date 2017-02-30 -o DIR/out.png", 2, "--date"},
        BadInput{"UnknownLayerKind", "--layer roads=DIR/notes.txt -o DIR/out.png", 2, "roads"},
        BadInput{"InvalidBbox", "--bbox 50,28,34,40 -o DIR/out.png", 2, "antimeridian"},
        BadInput{"PolarBbox", "--bbox 0,60,40,90 -o DIR/out.png", 2, "pole"},
        BadInput{"NoDataNoBbox", "--no-data -o DIR/out.png", 2, "--bbox"},
        BadInput{"MissingOutputFolder", "-o DIR/no/such/folder/out.png", 6, "no/such/folder"}),
    [](const ::testing::TestParamInfo<BadInput>& param) { return param.param.name; });

}  // namespace
}  // namespace frontline
