// An 8-bit RGBA image in memory, top row first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace frontline {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4 bytes

  Image() = default;
  Image(int w, int h) : width(w), height(h), rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 0) {}
  const uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4]; }
  uint8_t* pixel(int x, int y) { return &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4]; }
};

// How two images differ: pixels whose largest channel difference exceeds `threshold`.
struct ImageDiff {
  bool sameSize = false;
  size_t differingPixels = 0;
  double differingFraction = 0;
  int maxChannelDifference = 0;
  Image visual;  // differing pixels in red over a faded copy of `expected`
};

ImageDiff compareImages(const Image& expected, const Image& actual, int threshold);

}  // namespace frontline
