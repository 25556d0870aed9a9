#include "geo/gis/table_reader.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>
#include <system_error>

#include "geo/gis/csv_reader.hpp"
#include "geo/gis/gdal_session.hpp"
#include "geo/gis/text.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string trimmedLower(std::string_view s) { return text::lower(text::trim(s)); }

// Sets thread-local GDAL configuration options for the life of the object. GDAL 3.6's spreadsheet
// drivers take their header and type settings only as configuration options (open options from 3.8).
class ScopedConfig {
 public:
  void set(const char* key, const char* value) {
    const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
    saved_.push_back({key, old ? std::optional<std::string>(old) : std::nullopt});
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ScopedConfig() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it)
      CPLSetThreadLocalConfigOption(it->key, it->value ? it->value->c_str() : nullptr);
  }

 private:
  struct Saved {
    const char* key;
    std::optional<std::string> value;
  };
  std::vector<Saved> saved_;
};

// Text of one field. Dates become ISO 8601 whatever the driver's own text form ("2017/10/15").
void fieldText(OGRFeature& feature, int i, OGRFieldType type, std::string& out) {
  out.clear();
  if (!feature.IsFieldSetAndNotNull(i)) return;
  if (type == OFTDate || type == OFTDateTime) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    if (feature.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz)) {
      char buffer[40];
      if (type == OFTDate || (hh == 0 && mm == 0 && ss == 0))
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
      else
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm,
                      static_cast<int>(std::lround(ss)));
      out = buffer;
      return;
    }
  }
  out = feature.GetFieldAsString(i);
}

}  // namespace

int TableHeader::find(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

bool TableRow::blank() const {
  if (point) return false;
  return std::all_of(values.begin(), values.end(), [](const std::string& v) {
    return std::all_of(v.begin(), v.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  });
}

std::vector<int> csvRecordLines(const std::filesystem::path& path) {
  std::vector<int> lines;
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return lines;
  std::vector<char> buffer(1 << 20);
  int line = 1, recordStart = 1;
  bool inQuotes = false, content = false;
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
    for (size_t i = 0; i < n; ++i) {
      const char c = buffer[i];
      if (c == '\n') {
        ++line;
        if (!inQuotes) {
          // GDAL skips records with no tokens at all (empty lines).
          if (content) lines.push_back(recordStart);
          content = false;
          recordStart = line;
        }
      } else if (c == '"') {
        inQuotes = !inQuotes;
        content = true;
      } else if (c != '\r') {
        content = true;
      }
    }
  }
  if (content) lines.push_back(recordStart);
  if (!lines.empty()) lines.erase(lines.begin());  // the header
  return lines;
}

Result<void> scanTable(const std::filesystem::path& path, const TableReadOptions& options,
                       const std::function<void(const TableHeader&)>& onHeader,
                       const std::function<void(const TableRow&)>& onRow) {
  ensureGdalInitialised();
  const std::string where = path.string();
  if (auto ok = checkLocalDataset(path, "table", kMaxTableBytes); !ok) return ok.error();
  auto tooMany = [&] {
    return makeError(ErrorKind::Data, where,
                     text::concat({"has more than ", std::to_string(kMaxTableRows), " rows, the most frontline reads from one table"}));
  };

  const std::string ext = lowerExtension(path);
  if ((ext == ".csv" || ext == ".tsv") && !options.ogrForCsv &&
      (options.layerName.empty() || options.layerName == path.stem().string())) {
    TableHeader header;
    TableRow row;
    long long position = 0;
    int unclosedQuoteLine = 0;
    bool tooManyRows = false;
    const PlainCsvResult read = readPlainCsv(
        path,
        [&](const std::vector<std::string>& names, size_t lines) {
          header.source = where;
          header.layer = path.stem().string();
          header.driver = "CSV";
          header.headerRow = 1;
          header.expectedRows = std::min<size_t>(lines, kMaxTableRows);
          tooManyRows = lines > kMaxTableRows;
          for (const std::string& name : names) header.columns.push_back(trimmedLower(name));
          if (onHeader) onHeader(header);
        },
        [&](const CsvRecord& record) {
          if (tooManyRows) return;
          if (record.unclosedQuote) {
            unclosedQuoteLine = record.line;  // not a row: the rest of the file in one cell
            return;
          }
          row.row = record.line;
          row.fid = ++position;
          row.values.swap(*record.fields);
          onRow(row);
          row.values.swap(*record.fields);
        });
    if (read == PlainCsvResult::Read && tooManyRows) return tooMany();
    if (read == PlainCsvResult::Read && unclosedQuoteLine > 0)
      return makeError(ErrorKind::Data, where + ":" + std::to_string(unclosedQuoteLine),
                       "a quote (\") opened in this row is never closed; the rest of the file would be one cell");
    if (read == PlainCsvResult::Read) return {};
    if (read == PlainCsvResult::Unreadable) return makeError(ErrorKind::Input, where, "cannot be read");
  }

  // Headers are always the first row, and CSV values stay text: type guessing would turn "007"
  // into 7 and "2017-10" into a date.
  std::vector<const char*> openOptions;
  ScopedConfig config;
  if (ext == ".csv" || ext == ".tsv" || ext == ".psv") {
    openOptions = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO"};
  } else if (ext == ".xlsx" || ext == ".xlsm") {
    config.set("OGR_XLSX_HEADERS", "FORCE");
  } else if (ext == ".ods" || ext == ".fods") {
    config.set("OGR_ODS_HEADERS", "FORCE");
  } else if (ext == ".xls") {
    config.set("OGR_XLS_HEADERS", "FORCE");
  }
  openOptions.push_back(nullptr);

  GdalErrorCapture capture;
  GDALDatasetUniquePtr dataset(GDALDataset::Open(where.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, frontlineVectorDrivers(),
                                                 openOptions.data(), nullptr));
  if (!dataset) {
    const std::string detail = capture.lastMessage();
    return makeError(ErrorKind::Input, where,
                     text::concat({"not a table that GDAL/OGR can read (CSV, XLSX, ODS, GeoJSON, GeoPackage, ...)",
                                   detail.empty() ? "" : " (", detail, detail.empty() ? "" : ")"}));
  }
  if (dataset->GetLayerCount() == 0) return makeError(ErrorKind::Input, where, "contains no tables (layers)");
  OGRLayer* layer = options.layerName.empty() ? dataset->GetLayer(0)
                                              : dataset->GetLayerByName(options.layerName.c_str());
  if (!layer) return makeError(ErrorKind::Input, where, text::concat({"has no layer or sheet named '", options.layerName, "'"}));

  TableHeader header;
  header.source = where;
  header.layer = layer->GetName();
  header.driver = dataset->GetDriver() ? dataset->GetDriver()->GetDescription() : "";
  const bool csv = header.driver == "CSV";
  const bool spreadsheet = header.driver == "XLSX" || header.driver == "ODS" || header.driver == "XLS";
  header.headerRow = csv || spreadsheet ? 1 : 0;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int fieldCount = defn->GetFieldCount();
  std::vector<OGRFieldType> types;
  for (int i = 0; i < fieldCount; ++i) {
    header.columns.push_back(trimmedLower(defn->GetFieldDefn(i)->GetNameRef()));
    types.push_back(defn->GetFieldDefn(i)->GetType());
  }
  const std::vector<int> recordLines = csv ? csvRecordLines(path) : std::vector<int>{};
  if (csv) header.expectedRows = recordLines.size();
  // A count stored in the file (gpkg_ogr_contents) is a hint at most: never more than the limit.
  else if (const GIntBig count = layer->GetFeatureCount(FALSE); count > 0)
    header.expectedRows = static_cast<size_t>(std::min<GIntBig>(count, 100'000));
  if (onHeader) onHeader(header);

  std::unique_ptr<OGRCoordinateTransformation> toWgs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsSame(&wgs84)) toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
  }

  TableRow row;
  row.values.resize(static_cast<size_t>(fieldCount));
  long long position = 0;
  layer->ResetReading();
  for (auto& feature : *layer) {
    if (++position > static_cast<long long>(kMaxTableRows)) return tooMany();
    row.fid = feature->GetFID();
    if (csv) {
      // The CSV driver numbers records from 1 in file order.
      const long long index = row.fid >= 1 ? row.fid - 1 : position - 1;
      row.row = index < static_cast<long long>(recordLines.size()) ? recordLines[static_cast<size_t>(index)]
                                                                   : static_cast<int>(index + 2);
    } else if (spreadsheet) {
      row.row = static_cast<int>(row.fid);  // with a forced header the driver's fid is the sheet row
    } else {
      row.row = static_cast<int>(position);
    }
    for (int i = 0; i < fieldCount; ++i) fieldText(*feature, i, types[static_cast<size_t>(i)], row.values[static_cast<size_t>(i)]);
    row.point.reset();
    if (const OGRGeometry* geom = feature->GetGeometryRef();
        geom && !geom->IsEmpty() && wkbFlatten(geom->getGeometryType()) == wkbPoint) {
      OGRPoint p(*geom->toPoint());
      if (!toWgs84 || p.transform(toWgs84.get()) == OGRERR_NONE) row.point = Vec2{p.getX(), p.getY()};
    }
    onRow(row);
  }
  return {};
}

Result<Table> readTable(const std::filesystem::path& path, const TableReadOptions& options) {
  Table table;
  auto scanned = scanTable(
      path, options, [&](const TableHeader& header) { table.header = header; },
      [&](const TableRow& row) { table.rows.push_back(row); });
  if (!scanned) return scanned.error();
  return table;
}

}  // namespace frontline
