#include "geo/gis/projection.hpp"

#include <proj.h>

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <limits>

namespace frontline {

struct Projection::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

std::string fittedLambertConic(const LonLatBox& region) {
  const double span = region.height();
  char buf[256];
  const double parallel1 = region.lat0 + span / 6, parallel2 = region.lat1 - span / 6;
  if (parallel1 * parallel2 <= 0 || std::abs(parallel1 + parallel2) < 1e-6) {
    // Standard parallels on both sides of the equator make a degenerate cone (PROJ refuses it):
    // an equidistant cylindrical projection fits a box across the equator instead.
    std::snprintf(buf, sizeof buf, "+proj=eqc +lat_ts=0 +lon_0=%.4f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                  (region.lon0 + region.lon1) / 2);
    return buf;
  }
  std::snprintf(buf, sizeof buf,
                "+proj=lcc +lat_1=%.4f +lat_2=%.4f +lat_0=%.4f +lon_0=%.4f +x_0=0 +y_0=0 +datum=WGS84 +units=m "
                "+no_defs",
                region.lat0 + span / 6, region.lat1 - span / 6, (region.lat0 + region.lat1) / 2,
                (region.lon0 + region.lon1) / 2);
  return buf;
}

Projection::Projection(std::unique_ptr<Impl> impl, std::string definition)
    : impl_(std::move(impl)), definition_(std::move(definition)) {}
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;
Projection::~Projection() = default;

Result<Projection> Projection::create(const std::string& crs, const LonLatBox& region) {
  const std::string target = (crs.empty() || crs == "auto") ? fittedLambertConic(region) : crs;
  const std::string source = "EPSG:4326";
  auto impl = std::make_unique<Impl>();
  impl->ctx = proj_context_create();
  if (!impl->ctx) return makeError(ErrorKind::Internal, "", "cannot create a PROJ context");
  proj_log_level(impl->ctx, PJ_LOG_NONE);
  auto fail = [&](const std::string& why) {
    const int code = proj_context_errno(impl->ctx);
    std::string detail = code ? proj_context_errno_string(impl->ctx, code) : "";
    // With no --crs the projection was fitted to the box: name what the user gave.
    const std::string where = crs.empty() || crs == "auto" ? "--bbox (projection fitted to it: " + target + ")"
                                                          : "--crs " + target;
    return makeError(ErrorKind::Data, where,
                     why + " (from " + source + " to " + target + (detail.empty() ? "" : ": " + detail) + ")");
  };

  PJ* targetCrs = proj_create(impl->ctx, target.c_str());
  if (!targetCrs) return fail("unknown or invalid CRS");
  const PJ_TYPE type = proj_get_type(targetCrs);
  const bool usable = type == PJ_TYPE_PROJECTED_CRS || type == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                      type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_COMPOUND_CRS ||
                      type == PJ_TYPE_OTHER_CRS || type == PJ_TYPE_BOUND_CRS || type == PJ_TYPE_CONVERSION ||
                      type == PJ_TYPE_TRANSFORMATION || type == PJ_TYPE_CONCATENATED_OPERATION ||
                      type == PJ_TYPE_OTHER_COORDINATE_OPERATION;
  if (!usable) {
    proj_destroy(targetCrs);
    return fail("not a coordinate reference system usable for a map");
  }
  const bool isOperation = type == PJ_TYPE_CONVERSION || type == PJ_TYPE_TRANSFORMATION ||
                           type == PJ_TYPE_CONCATENATED_OPERATION || type == PJ_TYPE_OTHER_COORDINATE_OPERATION;
  PJ* op = nullptr;
  if (isOperation) {
    // A bare "+proj=..." string without +type=crs is an operation that already takes lon/lat.
    op = targetCrs;
    targetCrs = nullptr;
  } else {
    PJ_AREA* area = proj_area_create();
    proj_area_set_bbox(area, region.lon0, region.lat0, region.lon1, region.lat1);
    op = proj_create_crs_to_crs(impl->ctx, source.c_str(), target.c_str(), area);
    proj_area_destroy(area);
    proj_destroy(targetCrs);
    if (!op) return fail("no transformation found");
    PJ* normalised = proj_normalize_for_visualization(impl->ctx, op);
    proj_destroy(op);
    op = normalised;
    if (!op) return fail("cannot normalise axis order");
  }
  impl->pj = op;

  Projection projection(std::move(impl), target);
  // A projection that cannot map the region's centre is of no use for this map.
  const Vec2 centre = projection.forward({(region.lon0 + region.lon1) / 2, (region.lat0 + region.lat1) / 2});
  if (!std::isfinite(centre.x) || !std::isfinite(centre.y))
    return makeError(ErrorKind::Data, "--crs " + target,
                     "this CRS cannot project the map region " + region.text() + " (from " + source + ")");
  return projection;
}

Vec2 Projection::forward(Vec2 lonLat) const {
  PJ_COORD c = proj_coord(lonLat.x, lonLat.y, 0, 0);
  if (proj_angular_input(impl_->pj, PJ_FWD)) {
    c.xy.x = proj_torad(lonLat.x);
    c.xy.y = proj_torad(lonLat.y);
  }
  PJ_COORD r = proj_trans(impl_->pj, PJ_FWD, c);
  if (r.xy.x == HUGE_VAL || r.xy.y == HUGE_VAL) {
    proj_errno_reset(impl_->pj);
    return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  }
  return {r.xy.x, r.xy.y};
}

Vec2 Projection::inverse(Vec2 xy) const {
  PJ_COORD r = proj_trans(impl_->pj, PJ_INV, proj_coord(xy.x, xy.y, 0, 0));
  if (r.xy.x == HUGE_VAL || r.xy.y == HUGE_VAL) {
    proj_errno_reset(impl_->pj);
    return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  }
  if (proj_angular_output(impl_->pj, PJ_INV)) return {proj_todeg(r.xy.x), proj_todeg(r.xy.y)};
  return {r.xy.x, r.xy.y};
}

void Projection::forwardInPlace(std::vector<Vec2>& points) const {
  if (points.empty()) return;
  const bool angular = proj_angular_input(impl_->pj, PJ_FWD);
  if (angular)
    for (Vec2& p : points) p = {proj_torad(p.x), proj_torad(p.y)};
  proj_trans_generic(impl_->pj, PJ_FWD, &points[0].x, sizeof(Vec2), points.size(), &points[0].y, sizeof(Vec2),
                     points.size(), nullptr, 0, 0, nullptr, 0, 0);
  proj_errno_reset(impl_->pj);
  for (Vec2& p : points)
    if (p.x == HUGE_VAL || p.y == HUGE_VAL || !std::isfinite(p.x) || !std::isfinite(p.y))
      p = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
}

double haversineMetres(Vec2 a, Vec2 b) {
  constexpr double kEarthRadius = 6371008.8;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dLat = (b.y - a.y) * kRad, dLon = (b.x - a.x) * kRad;
  const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                   std::cos(a.y * kRad) * std::cos(b.y * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace frontline
