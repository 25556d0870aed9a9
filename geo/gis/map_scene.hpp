// The base map in projected map units, ready for the renderer: triangulated fills, polylines,
// towns and label anchors. Built once per projection; drawing never touches GDAL/PROJ/GEOS.
#pragma once

#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/geometry.hpp"
#include "geo/gis/projection.hpp"
#include "geo/gis/tessellation.hpp"
#include "geo/model/timeline.hpp"

namespace frontline {

struct Box2 {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct CountryShape {
  std::string code;  // ISO alpha-2 when known
  std::string name;
  bool focus = false;              // one of the map's focus countries (drawn lighter, named first)
  std::vector<Triangle> fill;
  Vec2 labelAnchor;                // centre of the largest circle inside the visible country
  double labelRadius = 0;          // that circle's radius, map units (how much room the name has)
};

struct RiverLine {
  LineString line;
  int rank = 10;  // Natural Earth scalerank: smaller is more important
  std::string name;  // the layer's "label" field (English name) or else its "name"
};

struct TownPoint {
  std::string id;  // dataset places: Event::placeId; gazetteer towns: empty
  Vec2 position;
  std::string name;
  double importance = 0;  // larger first in label placement
  long long population = 0;
  std::string countryCode;
  bool inFocus = false;   // in one of the focus countries (labelled first, in full colour)
};

struct MapScene {
  Box2 viewExtent;          // projected extent of the requested lon/lat view box
  double metresPerUnit = 1; // ground metres per map unit near the view centre (for the scale bar)
  std::vector<Triangle> land;
  std::vector<LineString> coastlines;
  std::vector<CountryShape> countries;
  std::vector<Triangle> lakes;
  std::vector<LineString> lakeShores;
  std::vector<LineString> provinceLines;
  std::vector<LineString> countryLines;
  std::vector<RiverLine> rivers;
  std::vector<TownPoint> towns;  // most important first
  std::vector<TownPoint> datasetPlaces;  // the places a dataset reports on (labelled first)
};

struct SceneOptions {
  std::vector<std::string> focusCountries;  // ISO codes drawn lighter (the story's countries)
  long minTownPopulation = 5000;
  size_t maxTowns = 600;
  std::string language = "en";  // town labels' language (labelName in geo/gazetteer/label_language.hpp)
};

// Adds the timeline's places (projected) to the scene, so they get labels and markers.
void addDatasetPlaces(MapScene& scene, const Projection& projection, const Timeline& timeline);

Result<MapScene> buildMapScene(const BaseLayers& layers, const Projection& projection, const LonLatBox& view,
                               const SceneOptions& options);

}  // namespace frontline
