// Event tables written at test time in any OGR format (CSV as text; XLSX, ODS, GeoJSON, GeoPackage
// through GDAL), for the table reader and dataset loader tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace frontline::test {

struct TableFixture {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // empty strings are left as empty (null) cells
};

// Writes `table` with an OGR driver ("XLSX", "ODS", "GeoJSON", "GPKG") as text fields. With
// pointsFrom set to {latColumn, lonColumn}, rows that have both get a point geometry and those two
// columns are not written as fields. With wktColumn set, that column holds each row's geometry as
// WKT instead.
void writeTable(const std::filesystem::path& path, const std::string& driver, const TableFixture& table,
                const std::pair<std::string, std::string>& pointsFrom = {}, const std::string& wktColumn = "");

// The same table as CSV text (fields with commas, quotes or line breaks quoted).
std::string csvText(const TableFixture& table);

}  // namespace frontline::test
