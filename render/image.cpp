#include "render/image.hpp"

#include <algorithm>
#include <cstdlib>

namespace frontline {

ImageDiff compareImages(const Image& expected, const Image& actual, int threshold) {
  ImageDiff diff;
  diff.sameSize = expected.width == actual.width && expected.height == actual.height;
  if (!diff.sameSize) return diff;
  diff.visual = Image(expected.width, expected.height);
  for (int y = 0; y < expected.height; ++y)
    for (int x = 0; x < expected.width; ++x) {
      const uint8_t* e = expected.pixel(x, y);
      const uint8_t* a = actual.pixel(x, y);
      int worst = 0;
      for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(e[c]) - int(a[c])));
      diff.maxChannelDifference = std::max(diff.maxChannelDifference, worst);
      uint8_t* v = diff.visual.pixel(x, y);
      if (worst > threshold) {
        ++diff.differingPixels;
        v[0] = 255, v[1] = 0, v[2] = 0, v[3] = 255;
      } else {
        const int grey = (e[0] + e[1] + e[2]) / 3;
        v[0] = v[1] = v[2] = static_cast<uint8_t>(192 + grey / 4);
        v[3] = 255;
      }
    }
  const double total = static_cast<double>(expected.width) * expected.height;
  diff.differingFraction = total > 0 ? static_cast<double>(diff.differingPixels) / total : 0;
  return diff;
}

}  // namespace frontline
