#include "gis/table_fixtures.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <stdexcept>

namespace frontline::test {

void writeTable(const std::filesystem::path& path, const std::string& driverName, const TableFixture& table,
                const std::pair<std::string, std::string>& pointsFrom, const std::string& wktName) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  if (!driver) throw std::runtime_error("no GDAL driver " + driverName);
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path.string());
  const bool points = !pointsFrom.first.empty() || !wktName.empty();
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer("events", points ? &wgs84 : nullptr, points ? wkbUnknown : wkbNone, nullptr);
  if (!layer) throw std::runtime_error("cannot create a layer in " + path.string());
  auto index = [&](const std::string& name) {
    return static_cast<int>(std::find(table.columns.begin(), table.columns.end(), name) - table.columns.begin());
  };
  const bool latLon = !pointsFrom.first.empty();
  const int latColumn = latLon ? index(pointsFrom.first) : -1, lonColumn = latLon ? index(pointsFrom.second) : -1;
  const int wktColumn = wktName.empty() ? -1 : index(wktName);
  auto skipped = [&](size_t i) {
    const int c = static_cast<int>(i);
    return c == latColumn || c == lonColumn || c == wktColumn;
  };
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (skipped(i)) continue;
    OGRFieldDefn field(table.columns[i].c_str(), OFTString);
    if (layer->CreateField(&field) != OGRERR_NONE) throw std::runtime_error("cannot create field " + table.columns[i]);
  }
  for (const auto& row : table.rows) {
    OGRFeature feature(layer->GetLayerDefn());
    for (size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
      if (skipped(i) || row[i].empty()) continue;
      feature.SetField(table.columns[i].c_str(), row[i].c_str());
    }
    if (latLon && !row[static_cast<size_t>(latColumn)].empty() && !row[static_cast<size_t>(lonColumn)].empty()) {
      OGRPoint point(std::stod(row[static_cast<size_t>(lonColumn)]), std::stod(row[static_cast<size_t>(latColumn)]));
      feature.SetGeometry(&point);
    }
    if (wktColumn >= 0 && !row[static_cast<size_t>(wktColumn)].empty()) {
      OGRGeometry* geom = nullptr;
      if (OGRGeometryFactory::createFromWkt(row[static_cast<size_t>(wktColumn)].c_str(), &wgs84, &geom) != OGRERR_NONE)
        throw std::runtime_error("bad WKT " + row[static_cast<size_t>(wktColumn)]);
      feature.SetGeometryDirectly(geom);
    }
    if (layer->CreateFeature(&feature) != OGRERR_NONE) throw std::runtime_error("cannot write a row");
  }
}

std::string csvText(const TableFixture& table) {
  auto field = [](const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  std::string out;
  auto line = [&](const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ',';
      out += field(values[i]);
    }
    out += "\n";
  };
  line(table.columns);
  for (const auto& row : table.rows) line(row);
  return out;
}

}  // namespace frontline::test
