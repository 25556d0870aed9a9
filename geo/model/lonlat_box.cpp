#include "geo/model/lonlat_box.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace frontline {

LonLatBox LonLatBox::expanded(double degrees) const {
  return {std::max(-180.0, lon0 - degrees), std::max(-90.0, lat0 - degrees), std::min(180.0, lon1 + degrees),
          std::min(90.0, lat1 + degrees)};
}

std::string LonLatBox::text() const {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%g,%g,%g,%g", lon0, lat0, lon1, lat1);
  return buf;
}

Result<LonLatBox> LonLatBox::parse(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return makeError(ErrorKind::Usage, "", "invalid box '" + std::string(text) + "': " + why);
  };
  std::vector<double> values;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view part = text.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    double v = 0;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || ptr != part.data() + part.size() || !std::isfinite(v))
      return bad("expected four numbers lon0,lat0,lon1,lat1");
    values.push_back(v);
    start = comma + 1;
  }
  if (values.size() != 4) return bad("expected four numbers lon0,lat0,lon1,lat1");
  LonLatBox box{values[0], values[1], values[2], values[3]};
  if (box.lon0 < -180 || box.lon1 > 180 || box.lat0 < -90 || box.lat1 > 90)
    return bad("longitudes must be in -180..180 and latitudes in -90..90");
  if (box.lon0 > box.lon1)
    return bad("lon0 > lon1 would cross the antimeridian (180 degrees), which is not supported; "
               "show each side separately or use a box within -180..180");
  if (box.lon0 >= box.lon1 || box.lat0 >= box.lat1) return bad("needs lon0 < lon1 and lat0 < lat1");
  return box;
}

}  // namespace frontline
