// A longitude/latitude rectangle in degrees (WGS84), e.g. the map's region of interest.
#pragma once

#include <string>
#include <string_view>

#include "geo/model/result.hpp"

namespace frontline {

struct LonLatBox {
  double lon0 = 0, lat0 = 0, lon1 = 0, lat1 = 0;

  bool contains(double lon, double lat) const { return lon >= lon0 && lon <= lon1 && lat >= lat0 && lat <= lat1; }
  double width() const { return lon1 - lon0; }
  double height() const { return lat1 - lat0; }
  LonLatBox expanded(double degrees) const;
  std::string text() const;  // "34,28,50,40"

  // Parses "lon0,lat0,lon1,lat1"; requires lon0 < lon1, lat0 < lat1 and valid ranges.
  static Result<LonLatBox> parse(std::string_view text);
};

}  // namespace frontline
