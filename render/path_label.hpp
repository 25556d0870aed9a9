// Where a label can run along a line (a river) on screen: stretches that are nearly straight,
// inside the image, and long enough for the text. Pure geometry; no GL.
#pragma once

#include <vector>

namespace frontline {

struct ScreenPoint {
  float x = 0, y = 0;
};

struct PathSpot {
  float x = 0, y = 0;  // start of the stretch (where the text's baseline starts, before centring)
  float angle = 0;     // radians, counter-clockwise on screen, within [-pi/2, pi/2] so text reads upright
  float score = 0;     // lower is better: distance from the middle of the visible path
};

// Candidate stretches of `length` pixels along `path` that deviate at most `maxDeviation` pixels from
// a straight line and stay `margin` pixels inside a width x height image; best first.
std::vector<PathSpot> findPathSpots(const std::vector<ScreenPoint>& path, float length, float maxDeviation,
                                    float width, float height, float margin);

}  // namespace frontline
