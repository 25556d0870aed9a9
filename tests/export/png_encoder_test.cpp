// The banded PNG encoder: files decode to the same pixels, reusing unchanged bands gives the same
// bytes as encoding from scratch, and completeness checks catch cut-off files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <random>

#include "geo/model/atomic_file.hpp"
#include "render/export/png_encoder.hpp"
#include "render/png_io.hpp"
#include "support/fixtures.hpp"

namespace frontline {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A map-like picture: flat areas, a gradient and some noise; alpha 255 unless asked.
Image picture(int w, int h, unsigned seed, bool translucent = false) {
  Image image(w, h);
  std::mt19937 random(seed);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = image.pixel(x, y);
      p[0] = static_cast<uint8_t>(x < w / 2 ? 200 : x * 255 / w);
      p[1] = static_cast<uint8_t>(y * 255 / h);
      p[2] = static_cast<uint8_t>((x / 7 + y / 5) % 3 == 0 ? random() : 90);
      p[3] = translucent && x == y ? 128 : 255;
    }
  return image;
}

// Turns a top-down image into the bottom-up layout OpenGL reads back.
std::shared_ptr<const Image> bottomUp(const Image& topDown) {
  auto flipped = std::make_shared<Image>(topDown.width, topDown.height);
  for (int y = 0; y < topDown.height; ++y)
    std::copy_n(topDown.pixel(0, y), topDown.width * 4, flipped->pixel(0, topDown.height - 1 - y));
  return flipped;
}

TEST(PngEncoder, DecodesToTheSamePixelsRgbAndRgba) {
  const auto dir = test::freshDir("png-encoder");
  for (bool translucent : {false, true}) {
    const Image image = picture(203, 97, 1, translucent);
    const auto path = dir / (translucent ? "rgba.png" : "rgb.png");
    ASSERT_TRUE(writePngFast(path, image).ok());
    auto back = readPng(path);
    ASSERT_TRUE(back.ok()) << back.error().message();
    EXPECT_EQ(back->rgba, image.rgba);
    EXPECT_TRUE(isCompletePng(path, 203, 97));
    EXPECT_FALSE(isCompletePng(path, 203, 98));
    // Colour type: RGB when everything is opaque.
    EXPECT_EQ(static_cast<uint8_t>(slurp(path)[25]), translucent ? 6 : 2);
  }
}

TEST(PngEncoder, ReusedBandsGiveTheBytesOfAFullEncode) {
  const auto dir = test::freshDir("png-encoder-reuse");
  WorkerPool pool(2);
  PngEncoder incremental(pool);
  Image a = picture(160, 120, 2);
  Image b = a;
  for (int y = 40; y < 44; ++y) b.pixel(10, y)[0] ^= 0x55;  // a small change in one band
  Image c = b;
  c.pixel(159, 119)[3] = 10;  // one translucent pixel: the whole frame becomes RGBA

  std::vector<RowSpan> changed{{40, 44}};
  const auto pa = incremental.encode(bottomUp(a), true);
  const auto pb = incremental.encode(bottomUp(b), true, &changed);
  std::vector<RowSpan> everywhere{{0, 120}};
  const auto pc = incremental.encode(bottomUp(c), true, &everywhere);
  EXPECT_GT(incremental.bandsReused(), 0u);
  for (auto [name, png, image] : {std::tuple{"a", pa, &a}, std::tuple{"b", pb, &b}, std::tuple{"c", pc, &c}}) {
    const auto inc = dir / (std::string(name) + "-incremental.png"), full = dir / (std::string(name) + "-full.png");
    ASSERT_TRUE(writePngFile(inc, *png).ok());
    ASSERT_TRUE(writePngFast(full, *image).ok());
    EXPECT_EQ(slurp(inc), slurp(full)) << name;
    auto back = readPng(inc);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->rgba, image->rgba) << name;
  }
}

TEST(PngEncoder, ChangesOutsideTheHintedRowsAreTakenOnTrust) {
  // The hint is a promise: rows outside it are not even compared.
  const Image a = picture(64, 64, 3);
  Image b = a;
  b.pixel(1, 1)[1] ^= 1;  // in the first band
  for (const auto& [hint, expected] : {std::pair{std::vector<RowSpan>{}, 0u}, std::pair{std::vector<RowSpan>{{0, 8}}, 1u},
                                       std::pair{std::vector<RowSpan>{{20, 64}}, 0u}}) {
    WorkerPool pool(1);
    PngEncoder encoder(pool);
    (void)encoder.encode(bottomUp(a), true);
    const size_t before = encoder.bandsCompressed();
    (void)encoder.encode(bottomUp(b), true, &hint);
    EXPECT_EQ(encoder.bandsCompressed() - before, expected);
  }
}

TEST(PngEncoder, CutOffFilesAreIncomplete) {
  const auto dir = test::freshDir("png-encoder-cut");
  const auto path = dir / "frame.png";
  ASSERT_TRUE(writePngFast(path, picture(50, 40, 4)).ok());
  ASSERT_TRUE(isCompletePng(path, 50, 40));
  const std::string bytes = slurp(path);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  EXPECT_FALSE(isCompletePng(path, 50, 40));
  EXPECT_FALSE(isCompletePng(dir / "missing.png", 50, 40));
}

TEST(PngEncoder, TemporaryNames) {
  const auto temp = temporarySibling("/a/b/frame_00001.png");
  EXPECT_EQ(temp.parent_path(), "/a/b");
  EXPECT_TRUE(isTemporaryName(temp.filename().string()));
  EXPECT_FALSE(isTemporaryName("frame_00001.png"));
  EXPECT_FALSE(isTemporaryName(".frontline-export"));
}

}  // namespace
}  // namespace frontline
