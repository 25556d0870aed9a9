// The table reader: row numbers as users see them, lower-cased columns, text values, and the fast
// CSV reader giving exactly what OGR's CSV driver gives.
#include "geo/gis/table_reader.hpp"

#include <gtest/gtest.h>

#include "gis/table_fixtures.hpp"
#include "support/fixtures.hpp"

namespace frontline {
namespace {

// Quoted line breaks, doubled quotes, a blank line, CRLF, a BOM, a mixed-case header, "007" and
// "2017-10" that type guessing would spoil, a row with too few fields.
const char* kTrickyCsv =
    "\xEF\xBB\xBF" "Date, Place ,LAT,notes\r\n"
    "2017-10,\"Deir ez-Zor\",007,\"two\r\nlines\"\r\n"
    "\r\n"
    "2017-10-17,\"Raqqa \"\"city\"\"\",35.95,\"a, b\"\r\n"
    "2017-10-18,Mosul\r\n"
    ",,,\r\n"
    "2017-10-19,Hit,33.6,last line without a break";

std::vector<std::pair<int, std::vector<std::string>>> rowsOf(const Table& t) {
  std::vector<std::pair<int, std::vector<std::string>>> out;
  for (const TableRow& r : t.rows) out.emplace_back(r.row, r.values);
  return out;
}

TEST(DatasetTable, CsvRowsAreLinesAndValuesStayText) {
  const auto dir = test::freshDir("table-csv");
  test::writeTextFile(dir / "events.csv", kTrickyCsv);
  auto table = readTable(dir / "events.csv");
  ASSERT_TRUE(table.ok()) << table.error().message();
  EXPECT_EQ(table->header.driver, "CSV");
  EXPECT_EQ(table->header.headerRow, 1);
  EXPECT_EQ(table->header.columns, (std::vector<std::string>{"date", "place", "lat", "notes"}));
  EXPECT_EQ(table->header.find("lat"), 2);
  const std::vector<std::pair<int, std::vector<std::string>>> expected = {
      {2, {"2017-10", "Deir ez-Zor", "007", "two\nlines"}},
      {5, {"2017-10-17", "Raqqa \"city\"", "35.95", "a, b"}},
      {6, {"2017-10-18", "Mosul", "", ""}},
      {7, {"", "", "", ""}},
      {8, {"2017-10-19", "Hit", "33.6", "last line without a break"}},
  };
  EXPECT_EQ(rowsOf(*table), expected);
  EXPECT_TRUE(table->rows[3].blank());
  EXPECT_FALSE(table->rows[2].blank());
}

TEST(DatasetTable, FastCsvReaderGivesWhatOgrGives) {
  const auto dir = test::freshDir("table-csv-ogr");
  const std::vector<std::pair<std::string, std::string>> files = {
      {"tricky.csv", kTrickyCsv},
      {"semicolons.csv", "date;place;notes\n2017-01-01;Hit;\"x;y\"\n\n\n2017-01-02;Anah;z\n"},
      {"tabs.tsv", "date\tplace\n2017-01-01\tHit\n2017-01-02\t\"An\"\"ah\"\n"},
      {"midquote.csv", "a,b\nab\"cd,ef\"gh,2\n\"\",\n"},
      {"empty-header.csv", "a,,c\n1,2,3\n"},
  };
  for (const auto& [name, text] : files) {
    test::writeTextFile(dir / name, text);
    auto fast = readTable(dir / name);
    TableReadOptions viaOgr;
    viaOgr.ogrForCsv = true;
    auto ogr = readTable(dir / name, viaOgr);
    ASSERT_TRUE(fast.ok()) << name << ": " << fast.error().message();
    ASSERT_TRUE(ogr.ok()) << name << ": " << ogr.error().message();
    EXPECT_EQ(fast->header.columns, ogr->header.columns) << name;
    EXPECT_EQ(rowsOf(*fast), rowsOf(*ogr)) << name;
  }
}

TEST(DatasetTable, OldMacLineEndsAreLeftToOgr) {
  const auto dir = test::freshDir("table-cr");
  test::writeTextFile(dir / "cr.csv", "date,place\r2017-01-01,Hit\r2017-01-02,Anah\r");
  auto table = readTable(dir / "cr.csv");
  ASSERT_TRUE(table.ok()) << table.error().message();
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[1].values[1], "Anah");
}

class SpreadsheetRows : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(SpreadsheetRows, RowsAreSheetRowsAndHeadersAreForced) {
  const auto [driver, ext] = GetParam();
  const auto dir = test::freshDir("table-sheet");
  const auto path = dir / ("events" + ext);
  // All-text cells: without a forced header the driver would read the header as a data row.
  test::writeTable(path, driver,
                   {{"Date", "Place", "Lat"}, {{"2017-10-17", "Raqqa", "35.95"}, {"", "", ""}, {"2017-10", "Mosul", "007"}}});
  auto table = readTable(path);
  ASSERT_TRUE(table.ok()) << table.error().message();
  EXPECT_EQ(table->header.columns, (std::vector<std::string>{"date", "place", "lat"}));
  EXPECT_EQ(table->header.headerRow, 1);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0].row, 2);
  EXPECT_EQ(table->rows[0].values, (std::vector<std::string>{"2017-10-17", "Raqqa", "35.95"}));
  EXPECT_TRUE(table->rows[1].blank());
  EXPECT_EQ(table->rows[2].row, 4);
  EXPECT_EQ(table->rows[2].values, (std::vector<std::string>{"2017-10", "Mosul", "007"}));
}

INSTANTIATE_TEST_SUITE_P(DatasetTable, SpreadsheetRows,
                         ::testing::Values(std::make_pair(std::string("XLSX"), std::string(".xlsx")),
                                           std::make_pair(std::string("ODS"), std::string(".ods"))));

TEST(DatasetTable, GeoJsonRowsArePositionsWithPoints) {
  const auto dir = test::freshDir("table-geojson");
  test::writeTable(dir / "events.geojson", "GeoJSON",
                   {{"date", "place", "lat", "lon"}, {{"2017-10-17", "Raqqa", "35.95", "39.01"}, {"2017-10", "Mosul", "", ""}}},
                   {"lat", "lon"});
  auto table = readTable(dir / "events.geojson");
  ASSERT_TRUE(table.ok()) << table.error().message();
  EXPECT_EQ(table->header.headerRow, 0);
  EXPECT_EQ(table->header.columns, (std::vector<std::string>{"date", "place"}));
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].row, 1);
  ASSERT_TRUE(table->rows[0].point.has_value());
  EXPECT_NEAR(table->rows[0].point->x, 39.01, 1e-9);
  EXPECT_NEAR(table->rows[0].point->y, 35.95, 1e-9);
  EXPECT_EQ(table->rows[1].row, 2);
  EXPECT_FALSE(table->rows[1].point.has_value());
}

TEST(DatasetTable, ErrorsNameTheFile) {
  auto missing = readTable("/nonexistent/events.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::Input);
  EXPECT_EQ(missing.error().message(), "/nonexistent/events.csv: no such file");

  const auto dir = test::freshDir("table-errors");
  test::writeTextFile(dir / "notes.txt", "just some text\n");
  auto notTable = readTable(dir / "notes.txt");
  ASSERT_FALSE(notTable.ok());
  EXPECT_EQ(notTable.error().kind, ErrorKind::Input);
  EXPECT_NE(notTable.error().message().find("not a table that GDAL/OGR can read"), std::string::npos)
      << notTable.error().message();

  auto folder = readTable(dir);
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message().find("is a folder"), std::string::npos);

  test::writeTable(dir / "sheets.xlsx", "XLSX", {{"date"}, {{"2017-01-01"}}});
  TableReadOptions named;
  named.layerName = "Sheet9";
  auto noSheet = readTable(dir / "sheets.xlsx", named);
  ASSERT_FALSE(noSheet.ok());
  EXPECT_NE(noSheet.error().message().find("no layer or sheet named 'Sheet9'"), std::string::npos);
}

}  // namespace
}  // namespace frontline
