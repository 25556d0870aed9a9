#include "geo/gis/terrain_builder.hpp"

#include <gdal.h>
#include <gdal_alg.h>
#include <geodesic.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "geo/gis/gdal_session.hpp"

namespace frontline {
namespace {

struct DatasetCloser {
  void operator()(GDALDatasetH d) const {
    if (d) GDALClose(d);
  }
};
using MemDataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;
struct GeometryDeleter {
  void operator()(OGRGeometryH g) const {
    if (g) OGR_G_DestroyGeometry(g);
  }
};
using OgrGeometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

bool finite(const Vec2& v) { return std::isfinite(v.x) && std::isfinite(v.y); }

OGRGeometryH ringOf(const Ring& ring, const Projection& projection) {
  OGRGeometryH r = OGR_G_CreateGeometry(wkbLinearRing);
  for (const Vec2& p : ring) {
    const Vec2 q = projection.forward(p);
    if (finite(q)) OGR_G_AddPoint_2D(r, q.x, q.y);
  }
  if (OGR_G_GetPointCount(r) > 0) OGR_G_AddPoint_2D(r, OGR_G_GetX(r, 0), OGR_G_GetY(r, 0));
  return r;
}

// The feature's polygons, projected, as one OGR multipolygon.
OgrGeometry polygonsOf(const Feature& f, const Projection& projection) {
  OgrGeometry multi(OGR_G_CreateGeometry(wkbMultiPolygon));
  for (const Polygon& p : f.polygons) {
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(poly, ringOf(p.outer, projection));
    for (const Ring& h : p.holes) OGR_G_AddGeometryDirectly(poly, ringOf(h, projection));
    OGR_G_AddGeometryDirectly(multi.get(), poly);
  }
  return multi;
}

OgrGeometry linesOf(const Feature& f, const Projection& projection) {
  OgrGeometry multi(OGR_G_CreateGeometry(wkbMultiLineString));
  for (const LineString& line : f.lines) {
    OGRGeometryH l = OGR_G_CreateGeometry(wkbLineString);
    for (const Vec2& p : line) {
      const Vec2 q = projection.forward(p);
      if (finite(q)) OGR_G_AddPoint_2D(l, q.x, q.y);
    }
    OGR_G_AddGeometryDirectly(multi.get(), l);
  }
  return multi;
}

// An in-memory raster over `grid` with `factor` x `factor` pixels per cell; row 0 is the top.
MemDataset memRaster(const GridSpec& grid, int factor, GDALDataType type) {
  GDALDriverH mem = GDALGetDriverByName("MEM");
  if (!mem) return nullptr;
  MemDataset ds(GDALCreate(mem, "", grid.cols * factor, grid.rows * factor, 1, type, nullptr));
  if (!ds) return nullptr;
  double gt[6] = {grid.x0, grid.cell / factor, 0, grid.y0 + grid.rows * grid.cell, 0, -grid.cell / factor};
  GDALSetGeoTransform(ds.get(), gt);
  return ds;
}

Result<void> burn(GDALDatasetH ds, std::vector<OGRGeometryH>& geometries, std::vector<double>& values, bool allTouched) {
  if (geometries.empty()) return {};
  int band = 1;
  const char* options[] = {allTouched ? "ALL_TOUCHED=TRUE" : nullptr, nullptr};
  GdalErrorCapture capture;
  if (GDALRasterizeGeometries(ds, 1, &band, static_cast<int>(geometries.size()), geometries.data(), nullptr, nullptr,
                              values.data(), const_cast<char**>(options), nullptr, nullptr) != CE_None)
    return makeError(ErrorKind::Data, "", "cannot rasterise the base layers for the territory model (" +
                                              capture.lastMessage() + ")");
  return {};
}

template <typename T>
std::vector<T> readBand(GDALDatasetH ds, GDALDataType type) {
  const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
  std::vector<T> out(static_cast<size_t>(w) * static_cast<size_t>(h));
  if (GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, w, h, out.data(), w, h, type, 0, 0) != CE_None) out.clear();
  return out;
}

// Areas on the ellipsoid, computed per block of cells (distortion changes slowly across a block).
void fillCellAreas(Terrain& t, const Projection& projection) {
  geod_geodesic geod;
  geod_init(&geod, 6378137.0, 1 / 298.257223563);
  const GridSpec& g = t.grid;
  constexpr int kBlock = 8;
  for (int br = 0; br < g.rows; br += kBlock)
    for (int bc = 0; bc < g.cols; bc += kBlock) {
      const int c1 = std::min(bc + kBlock, g.cols), r1 = std::min(br + kBlock, g.rows);
      const double xs[4] = {g.x0 + bc * g.cell, g.x0 + c1 * g.cell, g.x0 + c1 * g.cell, g.x0 + bc * g.cell};
      const double ys[4] = {g.y0 + br * g.cell, g.y0 + br * g.cell, g.y0 + r1 * g.cell, g.y0 + r1 * g.cell};
      // Each side subdivided so that the geodesic polygon follows the projected square's edges.
      constexpr int kSteps = 4;
      double lats[4 * kSteps], lons[4 * kSteps];
      int n = 0;
      for (int side = 0; side < 4; ++side)
        for (int s = 0; s < kSteps; ++s) {
          const double f = static_cast<double>(s) / kSteps;
          const Vec2 p{xs[side] + (xs[(side + 1) % 4] - xs[side]) * f, ys[side] + (ys[(side + 1) % 4] - ys[side]) * f};
          const Vec2 ll = projection.inverse(p);
          lats[n] = ll.y, lons[n] = ll.x, ++n;
        }
      double area = 0, perimeter = 0;
      geod_polygonarea(&geod, lats, lons, n, &area, &perimeter);
      const auto perCell = static_cast<float>(std::abs(area) / 1e6 / ((c1 - bc) * (r1 - br)));
      for (int r = br; r < r1; ++r)
        for (int c = bc; c < c1; ++c) t.cellAreaKm2[g.index(c, r)] = std::isfinite(perCell) ? perCell : 0.0f;
    }
}

struct Extent {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  void add(const Vec2& p) {
    if (!finite(p)) return;
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  bool valid() const { return x0 < x1 && y0 < y1; }
};

}  // namespace

std::vector<uint8_t> rasterMask(const GridSpec& grid, const std::vector<Polygon>& lonLatPolygons,
                                const Projection& projection) {
  ensureGdalInitialised();
  std::vector<uint8_t> out(grid.size(), 0);
  MemDataset ds = memRaster(grid, 1, GDT_Byte);
  if (!ds) return out;
  Feature f;
  f.polygons = lonLatPolygons;
  OgrGeometry g = polygonsOf(f, projection);
  std::vector<OGRGeometryH> shapes{g.get()};
  std::vector<double> values{1};
  if (!burn(ds.get(), shapes, values, false)) return out;
  const std::vector<uint8_t> top = readBand<uint8_t>(ds.get(), GDT_Byte);
  if (top.size() != grid.size()) return out;
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c)
      out[grid.index(c, r)] = top[static_cast<size_t>(grid.rows - 1 - r) * static_cast<size_t>(grid.cols) + static_cast<size_t>(c)];
  return out;
}

std::vector<std::pair<int, Polygon>> polygonize(const GridSpec& grid, const std::vector<int32_t>& values) {
  ensureGdalInitialised();
  std::vector<std::pair<int, Polygon>> out;
  MemDataset raster = memRaster(grid, 1, GDT_Int32);
  GDALDriverH memVector = GDALGetDriverByName("Memory");
  if (!raster || !memVector || values.size() != grid.size()) return out;
  std::vector<int32_t> top(values.size());
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c)
      top[static_cast<size_t>(grid.rows - 1 - r) * static_cast<size_t>(grid.cols) + static_cast<size_t>(c)] =
          std::max(values[grid.index(c, r)], 0);
  GDALRasterBandH band = GDALGetRasterBand(raster.get(), 1);
  if (GDALRasterIO(band, GF_Write, 0, 0, grid.cols, grid.rows, top.data(), grid.cols, grid.rows, GDT_Int32, 0, 0) != CE_None)
    return out;
  MemDataset vectors(GDALCreate(memVector, "regions", 0, 0, 0, GDT_Unknown, nullptr));
  if (!vectors) return out;
  OGRLayerH layer = GDALDatasetCreateLayer(vectors.get(), "regions", nullptr, wkbPolygon, nullptr);
  OGRFieldDefnH field = OGR_Fld_Create("value", OFTInteger);
  OGR_L_CreateField(layer, field, TRUE);
  OGR_Fld_Destroy(field);
  // The band is its own mask: zero (nothing) makes no polygon.
  if (GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr) != CE_None) return out;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
    const int value = OGR_F_GetFieldAsInteger(feature, 0);
    OGRGeometryH g = OGR_F_GetGeometryRef(feature);
    if (g && OGR_G_GetGeometryCount(g) > 0) {
      Polygon p;
      for (int k = 0; k < OGR_G_GetGeometryCount(g); ++k) {
        OGRGeometryH ring = OGR_G_GetGeometryRef(g, k);
        Ring out_ring;
        const int n = OGR_G_GetPointCount(ring);
        for (int i = 0; i + 1 < n; ++i) out_ring.push_back({OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)});
        if (k == 0) p.outer = std::move(out_ring);
        else p.holes.push_back(std::move(out_ring));
      }
      out.emplace_back(value, std::move(p));
    }
    OGR_F_Destroy(feature);
  }
  return out;
}

std::vector<Settlement> settlementsOf(const BaseLayers& layers, const Projection& projection) {
  std::vector<Settlement> out;
  for (const Place& p : layers.towns) {
    if (p.featureClass != 'P') continue;
    const Vec2 q = projection.forward({p.lon, p.lat});
    if (!finite(q)) continue;
    out.push_back({q.x, q.y, p.population, p.name, p.countryCode});
  }
  return out;
}

Result<Terrain> buildTerrain(const BaseLayers& layers, const Projection& projection, const Box2& view,
                             const std::vector<Vec2>& extraPoints, const std::vector<Settlement>& extraSettlements,
                             const TerrainOptions& options, std::vector<Settlement>* settlementsUsed) {
  ensureGdalInitialised();
  const double km = 1000.0 / (options.metresPerUnit > 0 ? options.metresPerUnit : 1.0);

  // The grid covers the focus countries (or the view) and every dataset place, with a margin.
  std::vector<OgrGeometry> countryShapes;
  std::vector<std::string> codes;
  Extent extent;
  for (const Feature& f : layers.countries.features) {
    OgrGeometry g = polygonsOf(f, projection);
    const std::string code = countryKey(f.field("iso_a2"), f.field("name", f.field("NAME")));
    const bool focus = std::find(options.focusCountries.begin(), options.focusCountries.end(), code) !=
                       options.focusCountries.end();
    if (focus) {
      OGREnvelope e;
      OGR_G_GetEnvelope(g.get(), &e);
      extent.add({e.MinX, e.MinY}), extent.add({e.MaxX, e.MaxY});
    }
    countryShapes.push_back(std::move(g));
    codes.push_back(code);
  }
  if (!extent.valid()) extent.add({view.x0, view.y0}), extent.add({view.x1, view.y1});
  for (const Vec2& p : extraPoints) extent.add(p);
  const double margin = 20 * km;
  extent.x0 -= margin, extent.y0 -= margin, extent.x1 += margin, extent.y1 += margin;
  if (!extent.valid()) return makeError(ErrorKind::Data, "", "the territory grid has no extent (nothing to map)");

  GridSpec grid;
  const double area = (extent.x1 - extent.x0) * (extent.y1 - extent.y0);
  grid.cell = std::sqrt(area / static_cast<double>(std::max<size_t>(options.targetCells, 1000)));
  grid.x0 = extent.x0, grid.y0 = extent.y0;
  grid.cols = std::max(1, static_cast<int>(std::ceil((extent.x1 - extent.x0) / grid.cell)));
  grid.rows = std::max(1, static_cast<int>(std::ceil((extent.y1 - extent.y0) / grid.cell)));
  Terrain t = Terrain::blank(grid);
  t.riverPenalty = options.riverPenaltyKm * km;

  // Countries (value = index + 1), 3x3 samples per cell; without a country layer, the land layer.
  constexpr int kSamples = 3;
  MemDataset countries = memRaster(grid, kSamples, GDT_Int16);
  if (!countries) return makeError(ErrorKind::Internal, "", "GDAL's MEM driver is missing");
  std::vector<OGRGeometryH> shapes;
  std::vector<double> values;
  std::vector<OgrGeometry> landShapes;
  if (!countryShapes.empty()) {
    t.countryCodes = codes;
    for (size_t i = 0; i < countryShapes.size(); ++i) shapes.push_back(countryShapes[i].get()), values.push_back(double(i + 1));
  } else {
    t.countryCodes = {""};
    for (const Feature& f : layers.land.features) landShapes.push_back(polygonsOf(f, projection));
    for (const OgrGeometry& g : landShapes) shapes.push_back(g.get()), values.push_back(1);
  }
  if (auto r = burn(countries.get(), shapes, values, false); !r) return r.error();
  const std::vector<int16_t> samples = readBand<int16_t>(countries.get(), GDT_Int16);
  if (samples.empty()) return makeError(ErrorKind::Internal, "", "cannot read the rasterised countries");
  const int sw = grid.cols * kSamples;
  std::vector<int> count(t.countryCodes.size() + 1);
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c) {
      std::fill(count.begin(), count.end(), 0);
      const int top = (grid.rows - 1 - r) * kSamples;  // raster rows run top-down
      for (int sy = 0; sy < kSamples; ++sy)
        for (int sx = 0; sx < kSamples; ++sx) {
          const int v = samples[static_cast<size_t>(top + sy) * static_cast<size_t>(sw) + static_cast<size_t>(c * kSamples + sx)];
          if (v > 0 && static_cast<size_t>(v) < count.size()) ++count[static_cast<size_t>(v)];
        }
      const auto best = std::max_element(count.begin() + 1, count.end());
      if (*best == 0) continue;
      const size_t i = grid.index(c, r);
      t.country[i] = static_cast<int16_t>(best - count.begin() - 1);
      t.landFraction[i] = static_cast<float>(*best) / (kSamples * kSamples);
    }

  // Rivers, every cell a line touches.
  MemDataset rivers = memRaster(grid, 1, GDT_Byte);
  if (!rivers) return makeError(ErrorKind::Internal, "", "GDAL's MEM driver is missing");
  std::vector<OgrGeometry> riverLines;
  for (const Feature& f : layers.rivers.features)
    if (!f.lines.empty()) riverLines.push_back(linesOf(f, projection));
  shapes.clear(), values.clear();
  for (const OgrGeometry& g : riverLines) shapes.push_back(g.get()), values.push_back(1);
  if (auto r = burn(rivers.get(), shapes, values, true); !r) return r.error();
  const std::vector<uint8_t> riverCells = readBand<uint8_t>(rivers.get(), GDT_Byte);
  if (riverCells.size() == grid.size())
    for (int r = 0; r < grid.rows; ++r)
      for (int c = 0; c < grid.cols; ++c)
        t.river[grid.index(c, r)] = riverCells[static_cast<size_t>(grid.rows - 1 - r) * static_cast<size_t>(grid.cols) + static_cast<size_t>(c)];

  fillCellAreas(t, projection);

  std::vector<Settlement> settlements = settlementsOf(layers, projection);
  settlements.insert(settlements.end(), extraSettlements.begin(), extraSettlements.end());
  SettlementFieldOptions so = options.settlements;
  so.metresPerUnit = options.metresPerUnit;
  applySettlements(t, settlements, so);
  if (settlementsUsed) *settlementsUsed = std::move(settlements);
  return t;
}

}  // namespace frontline
