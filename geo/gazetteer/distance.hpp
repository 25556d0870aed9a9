// Great-circle distance between two WGS84 points, for ranking and checking places by proximity.
#pragma once

#include <algorithm>
#include <cmath>

namespace frontline {

// Haversine distance in kilometres on a sphere of the Earth's mean radius (error < 0.5%).
inline double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadiusKm = 6371.0088;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dLat = (lat2 - lat1) * kRad, dLon = (lon2 - lon1) * kRad;
  const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace frontline
