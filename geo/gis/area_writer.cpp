#include "geo/gis/area_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <map>
#include <random>

#include "geo/gis/gdal_session.hpp"
#include "geo/model/atomic_file.hpp"

namespace frontline {
namespace {

const char* driverFor(const std::filesystem::path& path) {
  static const std::map<std::string, const char*> drivers = {
      {".gpkg", "GPKG"}, {".geojson", "GeoJSON"}, {".json", "GeoJSON"}, {".shp", "ESRI Shapefile"},
      {".kml", "KML"},   {".fgb", "FlatGeobuf"},  {".gml", "GML"}};
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = drivers.find(ext);
  return it == drivers.end() ? nullptr : it->second;
}

OGRLinearRing toLonLatRing(const Ring& ring, const Projection& projection) {
  OGRLinearRing out;
  for (const Vec2& p : ring) {
    const Vec2 ll = projection.inverse(p);
    out.addPoint(ll.x, ll.y);
  }
  out.closeRings();
  return out;
}

std::string hexColor(uint32_t c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06X", c & 0xFFFFFF);
  return buf;
}

}  // namespace

Result<void> writeControlAreas(const std::filesystem::path& path, const ControlAreas& areas,
                               const std::vector<ControllerArea>& polygons, const Dataset& dataset,
                               const Projection& projection, Date date) {
  ensureGdalInitialised();
  const std::string where = path.string();
  if (isSpecialFile(path))  // GDAL writers seek; a rename would replace the device
    return makeError(ErrorKind::Io, where, "is a device or pipe; areas are written to a regular file");
  const char* driverName = driverFor(path);
  if (!driverName)
    return makeError(ErrorKind::Usage, where, "unknown output format; use .gpkg, .geojson, .shp, .kml or .fgb");
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
  if (!driver) return makeError(ErrorKind::Internal, where, std::string("GDAL has no ") + driverName + " driver");
  std::error_code ec;
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder, ec))
    return makeError(ErrorKind::Io, where, "the folder '" + folder.string() + "' does not exist");

  // A shapefile is several files: write it under a temporary stem, then rename each part.
  std::random_device rd;
  const std::string tempStem = "." + path.stem().string() + ".tmp-" + std::to_string(rd());
  const auto tempPath = folder / (tempStem + path.extension().string());
  // Every early return (a full disk, a failed feature) removes what was written so far.
  struct RemoveParts {
    const std::filesystem::path& folder;
    const std::string& stem;
    bool keep = false;
    ~RemoveParts() {
      if (keep) return;
      std::error_code e;
      for (const auto& entry : std::filesystem::directory_iterator(folder, e))
        if (entry.path().stem() == stem) std::filesystem::remove(entry.path(), e);
    }
  } removeParts{folder, tempStem};
  GdalErrorCapture capture;
  {
    GDALDatasetUniquePtr ds(driver->Create(tempPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return makeError(ErrorKind::Io, where, "cannot create the file (" + capture.lastMessage() + ")");
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("areas_of_control", &wgs84, wkbMultiPolygon, nullptr);
    if (!layer) return makeError(ErrorKind::Io, where, "cannot create a layer (" + capture.lastMessage() + ")");
    for (const char* name : {"controller", "name", "color", "date", "places"}) {
      OGRFieldDefn field(name, OFTString);
      layer->CreateField(&field);
    }
    std::map<std::string, std::vector<std::string>> placesOf;
    for (const ControlSite& site : areas.sites) placesOf[site.controller].push_back(site.name);
    for (const ControllerArea& area : polygons) {
      OGRMultiPolygon multi;
      for (const Polygon& p : area.polygons) {
        OGRPolygon poly;
        OGRLinearRing outer = toLonLatRing(p.outer, projection);
        poly.addRing(&outer);
        for (const Ring& hole : p.holes) {
          OGRLinearRing inner = toLonLatRing(hole, projection);
          poly.addRing(&inner);
        }
        multi.addGeometry(&poly);
      }
      OGRFeature feature(layer->GetLayerDefn());
      const Actor* actor = dataset.actor(area.controller);
      std::string places;
      for (const std::string& n : placesOf[area.controller]) places += (places.empty() ? "" : "; ") + n;
      feature.SetField("controller", area.controller.c_str());
      feature.SetField("name", actor ? actor->name.c_str() : area.controller.c_str());
      feature.SetField("color", actor ? hexColor(actor->color).c_str() : "");
      feature.SetField("date", date.iso().c_str());
      feature.SetField("places", places.c_str());
      feature.SetGeometry(&multi);
      if (layer->CreateFeature(&feature) != OGRERR_NONE)
        return makeError(ErrorKind::Io, where, "cannot write a feature (" + capture.lastMessage() + ")");
    }
    CPLErrorReset();
    ds.reset();  // closing writes everything out; a full disk shows up here
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
      return makeError(ErrorKind::Io, where, "cannot write (" + capture.lastMessage() + ")");
  }
  // Move every part (x.shp, x.dbf, ...) into place.
  std::vector<std::filesystem::path> parts;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().stem() == tempStem) parts.push_back(entry.path());
  for (const auto& part : parts) {
    std::filesystem::rename(part, folder / (path.stem().string() + part.extension().string()), ec);
    if (ec) {
      return makeError(ErrorKind::Io, where, "cannot move the finished file into place: " + ec.message());
    }
  }
  removeParts.keep = true;
  return {};
}

}  // namespace frontline
