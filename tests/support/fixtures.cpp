#include "support/fixtures.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

namespace frontline::test {

std::filesystem::path freshDir(const std::string& name) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::path(FRONTLINE_TEST_OUTPUT) / "fixtures" /
                   (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void writeVectorFile(const std::filesystem::path& path, const std::string& driverName,
                     const std::vector<FixtureFeature>& features, const std::string& srs) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
  if (!driver) throw std::runtime_error("no GDAL driver " + driverName);
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path.string());
  OGRSpatialReference ref;
  OGRSpatialReference* refPtr = nullptr;
  if (!srs.empty()) {
    ref.SetFromUserInput(srs.c_str());
    ref.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    refPtr = &ref;
  }
  OGRLayer* layer = ds->CreateLayer(path.stem().c_str(), refPtr, wkbUnknown, nullptr);
  if (!layer) throw std::runtime_error("cannot create layer in " + path.string());
  OGRFieldDefn field("name", OFTString);
  layer->CreateField(&field);
  for (const FixtureFeature& f : features) {
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("name", f.name.c_str());
    OGRGeometry* geom = nullptr;
    if (OGRGeometryFactory::createFromWkt(f.wkt.c_str(), refPtr, &geom) != OGRERR_NONE)
      throw std::runtime_error("bad WKT " + f.wkt);
    feature.SetGeometryDirectly(geom);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) throw std::runtime_error("cannot write feature");
  }
}

void writeTextFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace frontline::test
