#include "render/path_label.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {
namespace {

ScreenPoint pointAt(const std::vector<ScreenPoint>& path, const std::vector<float>& cumulative, float s, size_t& seg) {
  while (seg + 1 < cumulative.size() - 1 && cumulative[seg + 1] < s) ++seg;
  const float segLength = cumulative[seg + 1] - cumulative[seg];
  const float t = segLength > 0 ? (s - cumulative[seg]) / segLength : 0;
  return {path[seg].x + t * (path[seg + 1].x - path[seg].x), path[seg].y + t * (path[seg + 1].y - path[seg].y)};
}

}  // namespace

std::vector<PathSpot> findPathSpots(const std::vector<ScreenPoint>& path, float length, float maxDeviation,
                                    float width, float height, float margin) {
  std::vector<PathSpot> spots;
  if (path.size() < 2 || length <= 0) return spots;
  std::vector<float> cumulative(path.size(), 0);
  for (size_t i = 1; i < path.size(); ++i)
    cumulative[i] = cumulative[i - 1] + std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y);
  const float total = cumulative.back();
  if (total < length) return spots;
  auto inside = [&](ScreenPoint p) {
    return p.x >= margin && p.y >= margin && p.x <= width - margin && p.y <= height - margin;
  };
  // The middle of the on-screen part of the path is where a label reads best.
  float visibleStart = -1, visibleEnd = -1;
  for (size_t i = 0; i < path.size(); ++i)
    if (inside(path[i])) {
      if (visibleStart < 0) visibleStart = cumulative[i];
      visibleEnd = cumulative[i];
    }
  if (visibleStart < 0) return spots;
  const float middle = (visibleStart + visibleEnd) / 2;

  const float step = std::max(4.0f, length / 6);
  size_t segA = 0;
  for (float s = 0; s + length <= total; s += step) {
    size_t segB = segA;
    const ScreenPoint a = pointAt(path, cumulative, s, segA);
    const ScreenPoint b = pointAt(path, cumulative, s + length, segB);
    if (!inside(a) || !inside(b)) continue;
    const float dx = b.x - a.x, dy = b.y - a.y, chord = std::hypot(dx, dy);
    if (chord < length * 0.85f) continue;  // too curvy: the text would cut corners
    bool straight = true;
    for (size_t i = segA + 1; i <= segB && straight; ++i) {
      const float deviation = std::abs((path[i].x - a.x) * dy - (path[i].y - a.y) * dx) / chord;
      straight = deviation <= maxDeviation;
    }
    if (!straight) continue;
    PathSpot spot;
    // Text runs left to right: start from whichever end is further left.
    const bool flip = dx < 0;
    const ScreenPoint start = flip ? b : a;
    const float ex = flip ? -dx : dx, ey = flip ? -dy : dy;
    spot.x = start.x;
    spot.y = start.y;
    spot.angle = std::atan2(-ey, ex);
    spot.score = std::abs(s + length / 2 - middle);
    spots.push_back(spot);
  }
  std::sort(spots.begin(), spots.end(), [](const PathSpot& p, const PathSpot& q) { return p.score < q.score; });
  return spots;
}

}  // namespace frontline
