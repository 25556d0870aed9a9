#include "geo/gis/map_scene.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "geo/gazetteer/label_language.hpp"
#include "geo/gazetteer/town_selection.hpp"
#include "geo/gis/geos_context.hpp"

namespace frontline {
namespace {

bool finite(Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Projects a ring or line; returns false if any point cannot be projected.
bool projectPoints(const Projection& projection, std::vector<Vec2>& points) {
  projection.forwardInPlace(points);
  return std::all_of(points.begin(), points.end(), finite);
}

std::vector<Polygon> projectPolygons(const Projection& projection, const std::vector<Polygon>& polygons) {
  std::vector<Polygon> out;
  for (Polygon p : polygons) {
    bool ok = projectPoints(projection, p.outer);
    for (Ring& hole : p.holes) ok = ok && projectPoints(projection, hole);
    if (ok) out.push_back(std::move(p));
  }
  return out;
}

std::vector<LineString> projectLines(const Projection& projection, const std::vector<LineString>& lines) {
  std::vector<LineString> out;
  for (LineString line : lines)
    if (projectPoints(projection, line)) out.push_back(std::move(line));
  return out;
}

Result<std::vector<Triangle>> tessellateLayer(const Projection& projection, const VectorLayer& layer) {
  std::vector<Triangle> out;
  for (const Feature& f : layer.features) {
    auto tris = tessellate(projectPolygons(projection, f.polygons));
    if (!tris) return makeError(ErrorKind::Data, layer.source + ": feature " + std::to_string(f.fid),
                                tris.error().what);
    out.insert(out.end(), tris->begin(), tris->end());
  }
  return out;
}

// Centre and radius of the largest circle inside the largest polygon (where a name fits best).
void findLabelSpot(const std::vector<Polygon>& polygons, Vec2& centre, double& radius) {
  const Polygon* largest = nullptr;
  double bestArea = 0;
  for (const Polygon& p : polygons) {
    const double a = polygonArea(p);
    if (a > bestArea) bestArea = a, largest = &p;
  }
  radius = 0;
  if (!largest) return;
  GEOSContextHandle_t h = geosHandle();
  GeosGeometry geom = toGeos(*largest);
  const double tolerance = std::sqrt(bestArea) / 200;
  GeosGeometry circle(GEOSMaximumInscribedCircle_r(h, geom.get(), tolerance));
  if (!circle) return;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, circle.get());
  double cx = 0, cy = 0, ex = 0, ey = 0;
  if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &cx, &cy) || !GEOSCoordSeq_getXY_r(h, seq, 1, &ex, &ey)) return;
  centre = {cx, cy};
  radius = std::hypot(ex - cx, ey - cy);
}

Box2 projectedExtent(const Projection& projection, const LonLatBox& box) {
  // Sample the box's edges: curved parallels mean the corners alone are not enough.
  Box2 e{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
         std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = static_cast<double>(i) / kSteps;
    const Vec2 samples[] = {{box.lon0 + t * box.width(), box.lat0},
                            {box.lon0 + t * box.width(), box.lat1},
                            {box.lon0, box.lat0 + t * box.height()},
                            {box.lon1, box.lat0 + t * box.height()}};
    for (Vec2 s : samples) {
      const Vec2 p = projection.forward(s);
      if (!finite(p)) continue;
      e.x0 = std::min(e.x0, p.x), e.y0 = std::min(e.y0, p.y);
      e.x1 = std::max(e.x1, p.x), e.y1 = std::max(e.y1, p.y);
    }
  }
  return e;
}

}  // namespace

void addDatasetPlaces(MapScene& scene, const Projection& projection, const Timeline& timeline) {
  scene.datasetPlaces.clear();
  for (const PlaceTrack& p : timeline.places()) {
    const Vec2 xy = projection.forward({p.lon, p.lat});
    if (!finite(xy)) continue;
    TownPoint t;
    t.id = p.id;
    t.position = xy;
    t.name = p.reportedName();  // Raqqa rather than the gazetteer's Ar Raqqah
    t.countryCode = p.country;
    t.inFocus = true;
    // Label priority: the town's own importance (population) if the gazetteer has it near by, plus
    // how often the dataset reports on it.
    double townImportance = 0;
    for (const TownPoint& town : scene.towns)
      if (std::hypot(town.position.x - xy.x, town.position.y - xy.y) < 3000 * (1 / scene.metresPerUnit))
        townImportance = std::max(townImportance, town.importance);
    t.importance = townImportance + 0.5 * static_cast<double>(p.events.size());
    scene.datasetPlaces.push_back(std::move(t));
  }
  std::stable_sort(scene.datasetPlaces.begin(), scene.datasetPlaces.end(),
                   [](const TownPoint& x, const TownPoint& y) { return x.importance > y.importance; });
}

Result<MapScene> buildMapScene(const BaseLayers& layers, const Projection& projection, const LonLatBox& view,
                               const SceneOptions& options) {
  MapScene scene;
  scene.viewExtent = projectedExtent(projection, view);
  if (!(scene.viewExtent.width() > 0 && scene.viewExtent.height() > 0))
    return makeError(ErrorKind::Data, "--crs " + projection.definition(),
                     "the view box " + view.text() + " cannot be projected with this CRS");

  // Ground scale: one kilometre east of the view centre, measured on the ellipsoid.
  const Vec2 centre{(scene.viewExtent.x0 + scene.viewExtent.x1) / 2, (scene.viewExtent.y0 + scene.viewExtent.y1) / 2};
  const double step = scene.viewExtent.width() / 100;
  const Vec2 a = projection.inverse(centre), b = projection.inverse({centre.x + step, centre.y});
  if (finite(a) && finite(b) && step > 0) scene.metresPerUnit = haversineMetres(a, b) / step;

  auto land = tessellateLayer(projection, layers.land);
  if (!land) return land.error();
  scene.land = std::move(land).value();
  for (const Feature& f : layers.land.features)
    for (const Polygon& p : projectPolygons(projection, f.polygons)) {
      scene.coastlines.push_back(p.outer);
      for (const Ring& hole : p.holes) scene.coastlines.push_back(hole);
    }
  for (LineString& ring : scene.coastlines)
    if (!ring.empty()) ring.push_back(ring.front());

  for (const Feature& f : layers.countries.features) {
    CountryShape country;
    country.code = f.field("iso_a2");
    country.name = f.field("name", f.field("NAME", country.code));
    country.focus = std::find(options.focusCountries.begin(), options.focusCountries.end(), country.code) !=
                    options.focusCountries.end();
    const auto polygons = projectPolygons(projection, f.polygons);
    auto tris = tessellate(polygons);
    if (!tris) return makeError(ErrorKind::Data, layers.countries.source + ": feature " + std::to_string(f.fid),
                                tris.error().what);
    country.fill = std::move(tris).value();
    findLabelSpot(polygons, country.labelAnchor, country.labelRadius);
    scene.countries.push_back(std::move(country));
  }

  auto lakes = tessellateLayer(projection, layers.lakes);
  if (!lakes) return lakes.error();
  scene.lakes = std::move(lakes).value();
  for (const Feature& f : layers.lakes.features)
    for (const Polygon& p : projectPolygons(projection, f.polygons)) {
      scene.lakeShores.push_back(p.outer);
      scene.lakeShores.back().push_back(p.outer.front());
    }

  for (const Feature& f : layers.provinceLines.features)
    for (LineString& l : projectLines(projection, f.lines)) scene.provinceLines.push_back(std::move(l));
  for (const Feature& f : layers.countryLines.features)
    for (LineString& l : projectLines(projection, f.lines)) scene.countryLines.push_back(std::move(l));
  for (const Feature& f : layers.rivers.features) {
    int rank = 10;
    try {
      rank = std::stoi(f.field("scalerank", "10"));
    } catch (...) {
      rank = 10;  // a missing or odd rank draws the river thin
    }
    for (LineString& l : projectLines(projection, f.lines)) scene.rivers.push_back({std::move(l), rank, f.field("label", f.field("name"))});
  }
  // Thin rivers first so that major ones draw on top.
  std::stable_sort(scene.rivers.begin(), scene.rivers.end(),
                   [](const RiverLine& x, const RiverLine& y) { return x.rank > y.rank; });

  const LonLatBox townBox = view.expanded(std::max(view.width(), view.height()) * 0.5);
  auto inFocus = [&](const std::string& code) {
    return std::find(options.focusCountries.begin(), options.focusCountries.end(), code) != options.focusCountries.end();
  };
  for (const Place& p : selectTowns(layers.towns, townBox, options.minTownPopulation, options.maxTowns)) {
    const Vec2 xy = projection.forward({p.lon, p.lat});
    if (!finite(xy)) continue;
    const bool focus = options.focusCountries.empty() || inFocus(p.countryCode);
    // Towns of the story's countries win label space over their neighbours' towns.
    const double importance = labelImportance(p) + (focus ? 1.5 : 0.0);
    scene.towns.push_back({"", xy, std::string(labelName(p, options.language)), importance, p.population, p.countryCode,
                           focus});
  }
  std::stable_sort(scene.towns.begin(), scene.towns.end(),
                   [](const TownPoint& x, const TownPoint& y) { return x.importance > y.importance; });
  return scene;
}

}  // namespace frontline
