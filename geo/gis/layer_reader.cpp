#include "geo/gis/layer_reader.hpp"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <system_error>

#include "geo/gis/gdal_session.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

Ring toRing(const OGRLinearRing* ring) {
  Ring out;
  if (!ring) return out;
  const int n = ring->getNumPoints();
  out.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back({ring->getX(i), ring->getY(i)});
  if (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
  return out;
}

// Appends the parts of `geom` to `feature`, flattening multi-geometries and collections.
void appendGeometry(const OGRGeometry* geom, Feature& feature) {
  if (!geom || geom->IsEmpty()) return;
  switch (wkbFlatten(geom->getGeometryType())) {
    case wkbPoint: {
      auto* p = geom->toPoint();
      feature.points.push_back({p->getX(), p->getY()});
      break;
    }
    case wkbLineString: {
      auto* ls = geom->toLineString();
      LineString line;
      for (int i = 0; i < ls->getNumPoints(); ++i) line.push_back({ls->getX(i), ls->getY(i)});
      if (line.size() >= 2) feature.lines.push_back(std::move(line));
      break;
    }
    case wkbPolygon: {
      auto* poly = geom->toPolygon();
      Polygon out;
      out.outer = toRing(poly->getExteriorRing());
      for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
        Ring hole = toRing(poly->getInteriorRing(i));
        if (hole.size() >= 3) out.holes.push_back(std::move(hole));
      }
      if (out.outer.size() >= 3) feature.polygons.push_back(std::move(out));
      break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
      auto* coll = geom->toGeometryCollection();
      for (int i = 0; i < coll->getNumGeometries(); ++i) appendGeometry(coll->getGeometryRef(i), feature);
      break;
    }
    default: {
      // Curves and other exotic types: linearise them first.
      std::unique_ptr<OGRGeometry> linear(geom->getLinearGeometry());
      if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(geom->getGeometryType()))
        appendGeometry(linear.get(), feature);
      break;
    }
  }
}

// Vertices in a geometry, stopping early once past `limit`.
size_t countVertices(const OGRGeometry* geom, size_t limit) {
  if (!geom) return 0;
  const OGRwkbGeometryType type = wkbFlatten(geom->getGeometryType());
  if (type == wkbPoint) return 1;
  if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon)) {
    const auto* poly = geom->toCurvePolygon();
    size_t n = countVertices(poly->getExteriorRingCurve(), limit);
    for (int i = 0; i < poly->getNumInteriorRings() && n <= limit; ++i) n += countVertices(poly->getInteriorRingCurve(i), limit);
    return n;
  }
  if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
    const auto* coll = geom->toGeometryCollection();
    size_t n = 0;
    for (int i = 0; i < coll->getNumGeometries() && n <= limit; ++i) n += countVertices(coll->getGeometryRef(i), limit);
    return n;
  }
  if (OGR_GT_IsSubClassOf(type, wkbCurve)) return static_cast<size_t>(geom->toCurve()->getNumPoints());
  return 0;
}

GeometryKind kindOf(const Feature& f) {
  if (!f.polygons.empty()) return GeometryKind::Polygons;
  if (!f.lines.empty()) return GeometryKind::Lines;
  if (!f.points.empty()) return GeometryKind::Points;
  return GeometryKind::Empty;
}

std::string describeFeature(const std::string& path, OGRFeature& feature) {
  std::string text = path + ": feature " + std::to_string(feature.GetFID());
  const int nameIndex = feature.GetFieldIndex("name");
  if (nameIndex >= 0 && feature.IsFieldSetAndNotNull(nameIndex))
    text += std::string(" (") + feature.GetFieldAsString(nameIndex) + ")";
  return text;
}

bool extentIsLonLat(OGRLayer& layer) {
  OGREnvelope env;
  if (layer.GetExtent(&env, TRUE) != OGRERR_NONE) return false;
  return env.MinX >= -180.0 && env.MaxX <= 180.0 && env.MinY >= -90.0 && env.MaxY <= 90.0;
}

}  // namespace

Result<VectorLayer> readVectorLayer(const std::filesystem::path& path, const LayerReadOptions& options) {
  ensureGdalInitialised();
  const std::string where = path.string();
  auto warn = [&](const std::string& message) {
    if (options.warn) options.warn(message);
  };
  if (auto ok = checkLocalDataset(path, "vector data", kMaxTableBytes); !ok) return ok.error();

  GdalErrorCapture capture;
  GDALDatasetUniquePtr dataset(
      GDALDataset::Open(where.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, frontlineVectorDrivers(), nullptr, nullptr));
  if (!dataset) {
    std::string detail = capture.lastMessage();
    return makeError(ErrorKind::Input, where,
                     "not a vector dataset that GDAL/OGR can read" + (detail.empty() ? "" : " (" + detail + ")"));
  }
  if (dataset->GetLayerCount() == 0) return makeError(ErrorKind::Data, where, "contains no vector layers");

  OGRLayer* layer = options.layerName.empty() ? dataset->GetLayer(0)
                                              : dataset->GetLayerByName(options.layerName.c_str());
  if (!layer) return makeError(ErrorKind::Data, where, "has no layer named '" + options.layerName + "'");

  VectorLayer out;
  out.source = where;
  out.name = layer->GetName();

  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> toWgs84;
  if (const OGRSpatialReference* layerSrs = layer->GetSpatialRef()) {
    OGRSpatialReference source(*layerSrs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsSame(&wgs84)) {
      toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!toWgs84) {
        const char* name = source.GetName();
        return makeError(ErrorKind::Data, where,
                         std::string("cannot transform from the layer's CRS '") + (name ? name : "?") +
                             "' to WGS84 longitude/latitude" +
                             (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
      }
    }
  } else if (layer->GetFeatureCount(TRUE) > 0 && !extentIsLonLat(*layer)) {
    return makeError(ErrorKind::Data, where,
                     "layer '" + out.name +
                         "' has no CRS and its coordinates are not longitude/latitude; give it one "
                         "(for a shapefile, a .prj file; or convert it with ogr2ogr -a_srs)");
  }

  std::unique_ptr<OGRGeometry> clipBox;
  if (options.clipTo) {
    OGRLinearRing ring;
    const LonLatBox& b = *options.clipTo;
    ring.addPoint(b.lon0, b.lat0);
    ring.addPoint(b.lon1, b.lat0);
    ring.addPoint(b.lon1, b.lat1);
    ring.addPoint(b.lon0, b.lat1);
    ring.addPoint(b.lon0, b.lat0);
    auto poly = std::make_unique<OGRPolygon>();
    poly->addRing(&ring);
    clipBox = std::move(poly);
  }

  // Only features near the box: with a spatial index (GeoPackage, Shapefile .qix) OGR reads just
  // those, which keeps a world layer as quick to load as a regional one.
  if (options.clipTo) {
    const LonLatBox& b = *options.clipTo;
    if (toWgs84) {
      // The filter is in the layer's CRS: transform the box's edges (densified) into it.
      std::unique_ptr<OGRCoordinateTransformation> fromWgs84(toWgs84->GetInverse());
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      if (fromWgs84 && fromWgs84->TransformBounds(b.lon0, b.lat0, b.lon1, b.lat1, &x0, &y0, &x1, &y1, 21))
        layer->SetSpatialFilterRect(x0, y0, x1, y1);
    } else {
      layer->SetSpatialFilterRect(b.lon0, b.lat0, b.lon1, b.lat1);
    }
  }

  size_t seen = 0;
  layer->ResetReading();
  for (auto& feature : *layer) {
    ++seen;
    const OGRGeometry* original = feature->GetGeometryRef();
    if (!original || original->IsEmpty()) continue;
    // Validity checks, repair and tessellation grow faster than linearly: refuse before them.
    if (const size_t n = countVertices(original, kMaxGeometryVertices); n > kMaxGeometryVertices)
      return makeError(ErrorKind::Data, describeFeature(where, *feature),
                       "has more than " + std::to_string(kMaxGeometryVertices) +
                           " vertices, the most frontline draws in one feature; simplify it (e.g. ogr2ogr -simplify)");
    std::unique_ptr<OGRGeometry> geom(original->clone());
    if (toWgs84 && geom->transform(toWgs84.get()) != OGRERR_NONE) {
      warn(describeFeature(where, *feature) + ": skipped, its coordinates cannot be transformed to WGS84");
      continue;
    }
    // Clip first, then check validity: a world layer's continents have 100,000s of vertices, and
    // checking what is left in the box costs a fraction of checking them whole.
    if (clipBox) {
      OGREnvelope env;
      geom->getEnvelope(&env);
      const LonLatBox& b = *options.clipTo;
      if (env.MaxX < b.lon0 || env.MinX > b.lon1 || env.MaxY < b.lat0 || env.MinY > b.lat1) continue;
      const bool inside = env.MinX >= b.lon0 && env.MaxX <= b.lon1 && env.MinY >= b.lat0 && env.MaxY <= b.lat1;
      if (!inside) {
        std::unique_ptr<OGRGeometry> clipped(geom->Intersection(clipBox.get()));
        if (!clipped) {
          // GEOS refuses some invalid input: repair it, then clip.
          std::unique_ptr<OGRGeometry> repaired(geom->MakeValid());
          if (repaired) clipped.reset(repaired->Intersection(clipBox.get()));
        }
        if (!clipped) {
          warn(describeFeature(where, *feature) + ": skipped, clipping to the map region failed");
          continue;
        }
        geom = std::move(clipped);
      }
    }
    if (!geom->IsValid()) {
      std::unique_ptr<OGRGeometry> repaired(geom->MakeValid());
      if (!repaired || repaired->IsEmpty() || !repaired->IsValid()) {
        warn(describeFeature(where, *feature) + ": skipped, invalid geometry that cannot be repaired");
        continue;
      }
      warn(describeFeature(where, *feature) + ": invalid geometry repaired");
      geom = std::move(repaired);
    }

    Feature f;
    f.fid = feature->GetFID();
    for (int i = 0; i < feature->GetFieldCount(); ++i)
      if (feature->IsFieldSetAndNotNull(i))
        f.fields[feature->GetFieldDefnRef(i)->GetNameRef()] = feature->GetFieldAsString(i);
    appendGeometry(geom.get(), f);
    f.kind = kindOf(f);
    if (f.kind != GeometryKind::Empty) out.features.push_back(std::move(f));
  }
  if (seen == 0 && options.clipTo) {
    // Nothing near the box is fine for a layer that has features elsewhere.
    layer->SetSpatialFilter(nullptr);
    if (layer->GetFeatureCount(TRUE) > 0) return out;
  }
  if (seen == 0 && !options.allowEmpty)
    return makeError(ErrorKind::Data, where, "layer '" + out.name + "' has no features");
  return out;
}

}  // namespace frontline
