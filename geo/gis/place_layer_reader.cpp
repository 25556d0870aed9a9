#include "geo/gis/place_layer_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string_view>
#include <system_error>

#include "geo/gis/gdal_session.hpp"

namespace frontline {
namespace {

std::vector<std::string> splitCommas(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    if (comma > start) out.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<Place>> readPlaceLayer(const std::filesystem::path& path, const std::string& layerName,
                                          const LonLatBox& box) {
  ensureGdalInitialised();
  const std::string where = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return makeError(ErrorKind::Input, where, "no such file");
  GdalErrorCapture capture;
  GDALDatasetUniquePtr dataset(
      GDALDataset::Open(where.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) {
    const std::string detail = capture.lastMessage();
    return makeError(ErrorKind::Input, where,
                     "not a vector dataset that GDAL/OGR can read" + (detail.empty() ? "" : " (" + detail + ")"));
  }
  OGRLayer* layer = layerName.empty() ? (dataset->GetLayerCount() > 0 ? dataset->GetLayer(0) : nullptr)
                                      : dataset->GetLayerByName(layerName.c_str());
  if (!layer)
    return makeError(ErrorKind::Data, where,
                     layerName.empty() ? "contains no vector layers" : "has no layer named '" + layerName + "'");
  const std::string layerText = layer->GetName();

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  struct Columns {
    int id, name, ascii, alternates, featureClass, featureCode, country, population;
  } col{defn->GetFieldIndex("geonameid"),     defn->GetFieldIndex("name"),
        defn->GetFieldIndex("asciiname"),     defn->GetFieldIndex("alternatenames"),
        defn->GetFieldIndex("feature_class"), defn->GetFieldIndex("feature_code"),
        defn->GetFieldIndex("country_code"),  defn->GetFieldIndex("population")};
  if (col.name < 0)
    return makeError(ErrorKind::Data, where + ":" + layerText,
                     "places need a 'name' field (and geonameid, feature_class, feature_code, country_code, "
                     "population, as in GeoNames)");

  std::vector<Place> places;
  layer->SetSpatialFilterRect(box.lon0, box.lat0, box.lon1, box.lat1);
  layer->ResetReading();
  auto text = [](OGRFeature& f, int i) -> std::string {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
  };
  for (auto& feature : *layer) {
    const OGRGeometry* geom = feature->GetGeometryRef();
    if (!geom || geom->IsEmpty() || wkbFlatten(geom->getGeometryType()) != wkbPoint) continue;
    const OGRPoint* point = geom->toPoint();
    if (!box.contains(point->getX(), point->getY())) continue;
    Place p;
    p.id = col.id >= 0 ? feature->GetFieldAsInteger64(col.id) : feature->GetFID();
    p.name = text(*feature, col.name);
    p.asciiName = text(*feature, col.ascii);
    p.alternates = splitCommas(text(*feature, col.alternates));
    p.lon = point->getX();
    p.lat = point->getY();
    const std::string cls = text(*feature, col.featureClass);
    p.featureClass = cls.empty() ? 0 : cls[0];
    p.featureCode = text(*feature, col.featureCode);
    p.countryCode = text(*feature, col.country);
    p.population = col.population >= 0 ? feature->GetFieldAsInteger64(col.population) : 0;
    p.source = where + ":" + layerText + ":" + std::to_string(feature->GetFID());
    places.push_back(std::move(p));
  }
  return places;
}

}  // namespace frontline
