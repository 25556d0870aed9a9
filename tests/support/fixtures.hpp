// Test fixtures written at test time through GDAL: small vector files in any OGR format,
// and a fresh temporary folder per test.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace frontline::test {

// A new empty folder under the test output directory, unique per call.
std::filesystem::path freshDir(const std::string& name);

struct FixtureFeature {
  std::string wkt;   // geometry as WKT
  std::string name;  // written to a "name" field
};

// Writes features with the given OGR driver ("ESRI Shapefile", "GeoJSON", "GPKG") to `path`.
// `srs` is e.g. "EPSG:4326"; empty writes no CRS at all.
void writeVectorFile(const std::filesystem::path& path, const std::string& driver,
                     const std::vector<FixtureFeature>& features, const std::string& srs = "EPSG:4326");

void writeTextFile(const std::filesystem::path& path, const std::string& text);

}  // namespace frontline::test
