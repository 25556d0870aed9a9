// Writes areas of control to a vector file QGIS can open (GeoPackage, GeoJSON, Shapefile, ...):
// one feature per controller (the union of its places' areas) in WGS84 longitude/latitude.
#pragma once

#include <filesystem>

#include "geo/gis/control_areas.hpp"
#include "geo/model/dataset.hpp"

namespace frontline {

// The driver follows the extension (.gpkg, .geojson/.json, .shp, .kml, ...). The file appears
// only when complete (written beside it, then renamed); an existing file is replaced.
// `polygons`: ControlAreaBuilder::controllerPolygons(areas), map units.
Result<void> writeControlAreas(const std::filesystem::path& path, const ControlAreas& areas,
                               const std::vector<ControllerArea>& polygons, const Dataset& dataset,
                               const Projection& projection, Date date);

}  // namespace frontline
