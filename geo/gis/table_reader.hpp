// Reads tables (event tables, actor tables) from any format OGR reads: CSV, XLSX, ODS, GeoJSON,
// GeoPackage... as rows of text with the row numbers a user sees, so messages can say file:row:column.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gis/geometry.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct TableHeader {
  std::string source;  // the path as given
  std::string layer;   // layer (sheet) name
  std::string driver;  // OGR driver: "CSV", "XLSX", "ODS", "GeoJSON", "GPKG", ...
  std::vector<std::string> columns;  // names trimmed and lower-cased, in file order
  // Row of the header line (1 for CSV and spreadsheets), 0 for formats without one (GeoJSON...).
  int headerRow = 0;
  // How many rows the table has, when that is cheap to know beforehand (0: unknown).
  size_t expectedRows = 0;

  // Index into columns/TableRow::values of a column (name given in lower case), or -1.
  int find(std::string_view name) const;
  // 1-based column number for messages.
  static int columnNumber(int index) { return index + 1; }
};

struct TableRow {
  // 1-based row as a user sees it: for CSV the line the record starts on (header = line 1, blank
  // lines and quoted line breaks counted); for spreadsheets the sheet row; otherwise the feature's
  // position in the layer.
  int row = 0;
  long long fid = -1;               // OGR feature id
  std::vector<std::string> values;  // one per column; empty when null. Dates as YYYY-MM-DD.
  std::optional<Vec2> point;        // lon/lat (WGS84) when the feature has a point geometry

  bool blank() const;  // every value empty and no point
};

struct TableReadOptions {
  std::string layerName;  // empty: the first layer (sheet)
  // Read .csv/.tsv through OGR too (normally a faster reader giving the same rows does; tests
  // compare the two).
  bool ogrForCsv = false;
};

struct Table {
  TableHeader header;
  std::vector<TableRow> rows;
};

// Calls onHeader once, then onRow for each row in file order (the row object is reused between
// calls). Errors: a missing file, a folder, a file OGR cannot read, no such layer.
Result<void> scanTable(const std::filesystem::path& path, const TableReadOptions& options,
                       const std::function<void(const TableHeader&)>& onHeader,
                       const std::function<void(const TableRow&)>& onRow);

// scanTable into memory.
Result<Table> readTable(const std::filesystem::path& path, const TableReadOptions& options = {});

// Starting line of each record of a CSV file after its header (blank lines skipped, quoted line
// breaks followed), as the OGR CSV driver numbers its features. Empty if the file cannot be read.
std::vector<int> csvRecordLines(const std::filesystem::path& path);

}  // namespace frontline
