// Map projection from WGS84 longitude/latitude to planar map coordinates, through PROJ.
// One PROJ context per Projection object, so separate threads may each own one.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geo/gis/geometry.hpp"
#include "geo/model/lonlat_box.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// The default CRS for a region: Lambert conformal conic with standard parallels at 1/6 and 5/6
// of its latitude span, centred on the region (low distortion for mid-latitude regions).
std::string fittedLambertConic(const LonLatBox& region);

class Projection {
 public:
  // `crs` is "auto" (or empty) for fittedLambertConic(region), an authority code such as
  // "EPSG:3857", a PROJ string ("+proj=utm +zone=38 +datum=WGS84") or WKT.
  static Result<Projection> create(const std::string& crs, const LonLatBox& region);

  Projection(Projection&&) noexcept;
  Projection& operator=(Projection&&) noexcept;
  ~Projection();

  // Longitude/latitude degrees to map units (usually metres). Non-finite on failure.
  Vec2 forward(Vec2 lonLat) const;
  // Map units back to longitude/latitude degrees.
  Vec2 inverse(Vec2 xy) const;
  // Projects many points in place; points that fail become non-finite.
  void forwardInPlace(std::vector<Vec2>& points) const;

  const std::string& definition() const { return definition_; }

 private:
  struct Impl;
  explicit Projection(std::unique_ptr<Impl> impl, std::string definition);
  std::unique_ptr<Impl> impl_;
  std::string definition_;
};

// Great-circle distance in metres between two lon/lat points (mean Earth radius).
double haversineMetres(Vec2 a, Vec2 b);

}  // namespace frontline
