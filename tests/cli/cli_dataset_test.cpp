// `frontline check` and `frontline state` run as a user would: output text and exit codes.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"
#include "support/run_command.hpp"

namespace frontline {
namespace {

using test::frontline;
using test::runCommand;

std::vector<std::vector<std::string>> tsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cellsIn(line);
    for (std::string cell; std::getline(cellsIn, cell, '\t');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

const char* kBadEvents =
    "date,place,country,controller,status\n"
    "2017-10-17,Raqqa,SY,sdf,control\n"
    "2017-13-01,Mosul,IQ,iraqi_forces,control\n"
    "2017-10-18,Xyzzyqqville,SY,sdf,control\n"
    "2015-11-13,Sinjar,,peshmerga,control\n";

TEST(CheckCommand, BundledDatasetHasNoProblems) {
  auto r = runCommand(frontline() + " check");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "0 errors, 0 warnings in 427 events, 170 places\n");
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, ListsEveryProblemAndExitsWith4) {
  const auto dir = test::freshDir("cli-check");
  const auto path = dir / "events.csv";
  test::writeTextFile(path, kBadEvents);
  auto r = runCommand(frontline() + " check '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 4) << r.out << r.err;
  std::istringstream lines(r.out);
  std::vector<std::string> out;
  for (std::string line; std::getline(lines, line);) out.push_back(line);
  ASSERT_EQ(out.size(), 4u) << r.out;
  const std::string p = path.string();
  EXPECT_EQ(out[0], p + ":3:1: invalid date '2017-13-01': month must be 01..12");
  EXPECT_EQ(out[1].rfind(p + ":4:2: place 'Xyzzyqqville' does not geocode; did you mean ", 0), 0u) << out[1];
  EXPECT_EQ(out[2].rfind(p + ":5:2: warning: place 'Sinjar' is ambiguous: ", 0), 0u) << out[2];
  EXPECT_EQ(out[3], "2 errors, 1 warning in 2 events, 2 places");

  auto errorsOnly = runCommand(frontline() + " check --errors-only '" + path.string() + "'");
  EXPECT_EQ(errorsOnly.exitCode, 4);
  EXPECT_EQ(errorsOnly.out.find("warning:"), std::string::npos) << errorsOnly.out;
}

TEST(CheckCommand, WarningsAloneExitWith0) {
  const auto dir = test::freshDir("cli-check-warn");
  const auto path = dir / "events.csv";
  test::writeTextFile(path, "date,place,controller\n2015-11-13,Sinjar,peshmerga\n");
  auto r = runCommand(frontline() + " check '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 errors, 1 warning in 1 event, 1 place"), std::string::npos) << r.out;
}

TEST(CheckCommand, UnreadableDatasetExitsWith3) {
  auto r = runCommand(frontline() + " check /nonexistent/events.csv");
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_EQ(r.err, "frontline check: /nonexistent/events.csv: no such file\n");
}

TEST(StateCommand, BundledDatasetOn4November2017) {
  auto r = runCommand(frontline() + " state --date 2017-11-04");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto rows = tsvRows(r.out);
  ASSERT_GT(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"place", "lat", "lon", "controller", "status", "since", "source"}));
  std::map<std::string, std::vector<std::string>> byPlace;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 7u) << i;
    byPlace[rows[i][0]] = rows[i];
  }
  EXPECT_EQ(byPlace.size(), rows.size() - 1);  // one row per place
  EXPECT_EQ(byPlace["Raqqa"][3], "sdf");
  EXPECT_EQ(byPlace["Raqqa"][5], "2017-10-17");
  EXPECT_EQ(byPlace["Mosul"][3], "iraqi_forces");
  EXPECT_EQ(byPlace["Albu Kamal"][3], "islamic_state");
  EXPECT_EQ(byPlace["Albu Kamal"][5], "2017-11-04");
  EXPECT_EQ(byPlace["Deir ez-Zor"][3], "syrian_government");
  EXPECT_EQ(byPlace["Deir ez-Zor"][4], "control");
  EXPECT_NE(byPlace["Deir ez-Zor"][6].find("https://"), std::string::npos);
  EXPECT_EQ(byPlace["Raqqa"][1], "35.9528");
  EXPECT_EQ(byPlace["Raqqa"][2], "39.0079");
  EXPECT_EQ(byPlace.count("Baghouz"), 0u);  // listed under the spelling most reports use
  EXPECT_EQ(byPlace["Baghuz"][3], "islamic_state");

  // Places first reported later are not listed yet: on 2 January 2014 only the 58 places with
  // January 2014 (month precision) reports are.
  auto early = runCommand(frontline() + " state --date 2014-01-02");
  ASSERT_EQ(early.exitCode, 0) << early.err;
  const auto earlyRows = tsvRows(early.out);
  EXPECT_EQ(earlyRows.size(), 59u);
  for (const auto& row : earlyRows) EXPECT_NE(row[0], "Ramadi");  // first reported on 3 January
}

TEST(StateCommand, WritesGeoJsonPointsAtomically) {
  const auto dir = test::freshDir("cli-state");
  const auto out = dir / "state.geojson";
  auto r = runCommand(frontline() + " state --date 2017-11-04 -o '" + out.string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1);  // no temporary file left behind
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  ASSERT_NE(layer, nullptr);
  int features = 0;
  bool sawRaqqa = false;
  for (auto& f : *layer) {
    ++features;
    ASSERT_NE(f->GetGeometryRef(), nullptr);
    EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbPoint);
    if (std::string(f->GetFieldAsString("place")) == "Raqqa") {
      sawRaqqa = true;
      EXPECT_STREQ(f->GetFieldAsString("controller"), "sdf");
      EXPECT_STREQ(f->GetFieldAsString("color"), "#e69f00");
      EXPECT_NEAR(f->GetGeometryRef()->toPoint()->getX(), 39.0079, 1e-4);
    }
  }
  EXPECT_TRUE(sawRaqqa);
  auto tsv = runCommand(frontline() + " state --date 2017-11-04");
  EXPECT_EQ(features + 1, static_cast<int>(tsvRows(tsv.out).size()));
}

TEST(StateCommand, RefusesADatasetWithErrors) {
  const auto dir = test::freshDir("cli-state-bad");
  const auto path = dir / "events.csv";
  test::writeTextFile(path, kBadEvents);
  auto r = runCommand(frontline() + " state --date 2017-11-04 '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 4);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(path.string() + ":3:1: invalid date '2017-13-01'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path.string() + ":4:2: place 'Xyzzyqqville' does not geocode"), std::string::npos) << r.err;
}

TEST(StateCommand, BadArguments) {
  EXPECT_EQ(runCommand(frontline() + " state").exitCode, 2);  // --date is required
  auto badDate = runCommand(frontline() + " state --date 2017-13-01");
  EXPECT_EQ(badDate.exitCode, 2);
  EXPECT_NE(badDate.err.find("--date"), std::string::npos);
  EXPECT_EQ(runCommand(frontline() + " state --date 2017-11-04 --format xml").exitCode, 2);
  EXPECT_EQ(runCommand(frontline() + " state --date 2017-11-04 -o /nonexistent/dir/state.tsv").exitCode, 6);
}

}  // namespace
}  // namespace frontline
