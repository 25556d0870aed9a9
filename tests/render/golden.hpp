// Golden-image comparison for render tests. Expected images live in
// tests/fixtures/render/<case>/expected.png. On failure actual.png and diff.png are written to
// build/tests/output/render/<case>/. UPDATE_GOLDEN=1 rewrites the expected images instead.
#pragma once

#include <string>

#include "render/image.hpp"

namespace frontline::test {

struct GoldenTolerance {
  int channelThreshold = 16;        // a pixel differs when any channel differs by more than this (of 255)
  double maxDifferingFraction = 0.005;  // at most this share of pixels may differ
};

// Returns an empty string when `actual` matches the golden image, else a description of the mismatch.
std::string compareWithGolden(const std::string& caseName, const Image& actual, GoldenTolerance tolerance = {});

}  // namespace frontline::test
