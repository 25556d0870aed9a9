// `frontline geocode` as a user runs it: the table on stdout, messages on stderr, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "geo/gazetteer/distance.hpp"
#include "run_frontline.hpp"

namespace frontline {
namespace {

using gazetteer_test::runFrontline;
using gazetteer_test::shellQuote;

const std::string kHeader = "query\tname\tlat\tlon\tcountry\tfeature\tscore\talternatives";

std::vector<std::vector<std::string>> table(const std::string& out) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(cells);
  }
  return rows;
}

struct Expected {
  const char* query;
  double lat, lon;
  const char* country;
};

TEST(gazetteerGeocodeCli, ResolvesTheIssuesExampleSpellings) {
  auto r = runFrontline("geocode Boukamal \"Deir el-Zour\" Qaim Telafer Rawa Mayadeen");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 7u) << r.out;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), kHeader);
  // The true towns (Wikipedia coordinates): Abu Kamal, Deir ez-Zor, Al-Qa'im, Tal Afar, Rawa, Al-Mayadin.
  const std::vector<Expected> expected = {{"Boukamal", 34.4536, 40.9367, "SY"},  {"Deir el-Zour", 35.3333, 40.15, "SY"},
                                          {"Qaim", 34.3669, 41.1389, "IQ"},      {"Telafer", 36.3742, 42.4433, "IQ"},
                                          {"Rawa", 34.4667, 41.9167, "IQ"},      {"Mayadeen", 35.0167, 40.45, "SY"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& row = rows[i + 1];
    ASSERT_EQ(row.size(), 8u) << r.out;
    EXPECT_EQ(row[0], expected[i].query);
    EXPECT_EQ(row[4], expected[i].country) << row[0];
    EXPECT_LE(greatCircleKm(std::stod(row[2]), std::stod(row[3]), expected[i].lat, expected[i].lon), 15.0) << row[0];
    const double score = std::stod(row[6]);
    EXPECT_GT(score, 0.5) << row[0];
    EXPECT_LE(score, 1.0) << row[0];
  }
}

TEST(gazetteerGeocodeCli, UnresolvedNamesGetEmptyRowsSuggestionsAndExitCode1) {
  // Against the regional extract: in the world gazetteer far-fetched spellings find far-off places.
  const std::string regional = std::string(FRONTLINE_SOURCE_DIR) + "/assets/gazetteer/";
  auto r = runFrontline("geocode --no-bundled --gazetteer " + shellQuote(regional + "geonames-region.tsv") + " --aliases " +
                        shellQuote(regional + "extras.tsv") + " Hajin Zzyzx \"Deir Zorkabada\"");
  EXPECT_EQ(r.exitCode, 1);
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  EXPECT_EQ(rows[1][1], "Hajīn");
  EXPECT_EQ(rows[2], (std::vector<std::string>{"Zzyzx", "", "", "", "", "", "", ""}));
  EXPECT_NE(r.err.find("'Zzyzx': no place of that name"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'Deir Zorkabada': no place of that name; did you mean Deir ez-Zor (SY)"), std::string::npos)
      << r.err;
}

TEST(gazetteerGeocodeCli, BatchModeReadsOneNamePerLineFromStdin) {
  auto r = runFrontline("geocode -q - Raqqa", "Hit\r\n\nal-Qaim\n  \nKobani\n");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 5u) << r.out;
  EXPECT_EQ(rows[1][0], "Hit");
  EXPECT_EQ(rows[2][0], "al-Qaim");
  EXPECT_EQ(rows[3][0], "Kobani");
  EXPECT_EQ(rows[3][1], "‘Ayn al ‘Arab");
  EXPECT_EQ(rows[4][0], "Raqqa");
}

TEST(gazetteerGeocodeCli, ContextOptionsChangeTheAnswer) {
  auto plain = runFrontline("geocode -q Sinjar");
  auto syria = runFrontline("geocode -q --country sy Sinjar");
  auto near = runFrontline("geocode -q --near 35.75,37.45,20 Sinjar");
  ASSERT_EQ(plain.exitCode, 0);
  ASSERT_EQ(syria.exitCode, 0);
  ASSERT_EQ(near.exitCode, 0);
  EXPECT_EQ(table(plain.out)[1][4], "IQ");
  EXPECT_EQ(table(syria.out)[1][4], "SY");
  EXPECT_EQ(table(near.out)[1][4], "SY");
  auto warned = runFrontline("geocode Sinjar");
  EXPECT_NE(warned.err.find("'Sinjar' is ambiguous"), std::string::npos) << warned.err;
  EXPECT_FALSE(table(plain.out)[1][7].empty());  // the other Sinjar is listed
}

TEST(gazetteerGeocodeCli, BadCommandLinesExitWith2) {
  EXPECT_EQ(runFrontline("geocode").exitCode, 2);
  EXPECT_EQ(runFrontline("geocode --near 35 Hit").exitCode, 2);
  EXPECT_EQ(runFrontline("geocode --near 95,40 Hit").exitCode, 2);
  EXPECT_EQ(runFrontline("geocode --country Syria Hit").exitCode, 2);
  auto r = runFrontline("geocode --bbox 1,2,3 Hit");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--bbox"), std::string::npos) << r.err;
}

TEST(gazetteerGeocodeCli, GazetteerFileErrorsExitWith3Or4AndNameTheLine) {
  const std::string dir = gazetteer_test::freshOutputDir("geocode-cli-files");
  const std::string bad = dir + "/bad.txt";
  std::ofstream(bad) << "1\tHajin\tHajin\t\tx\t40.8\tP\tPPL\tSY\t\t\t\t\t\t0\t\t\t\t\n";
  auto r = runFrontline("geocode --gazetteer " + shellQuote(bad) + " Hajin");
  EXPECT_EQ(r.exitCode, 4);
  EXPECT_NE(r.err.find(bad + ":1: latitude 'x'"), std::string::npos) << r.err;

  r = runFrontline("geocode --gazetteer " + shellQuote(dir + "/missing.txt") + " Hajin");
  EXPECT_EQ(r.exitCode, 3);

  const std::string own = dir + "/own.txt";
  std::ofstream(own) << "9000001\tQaryat Test\tQaryat Test\tQaryet Teste\t35.5\t40.5\tP\tPPL\tSY\t\t\t\t\t\t800\t\t\t\t\n";
  const std::string aliases = dir + "/aliases.tsv";
  std::ofstream(aliases) << "name\talias_of\tlat\tlon\tcountry\tfeature_code\tpopulation\tsource_url\n"
                            "Karyat Tesht\t9000001\t\t\t\t\t\thttps://example.org\n";
  r = runFrontline("geocode -q --no-bundled --gazetteer " + shellQuote(own) + " --aliases " + shellQuote(aliases) +
                   " 'Qaryet Teste' 'Karyat Tesht' Raqqa");
  EXPECT_EQ(r.exitCode, 1) << r.err;  // Raqqa is not in this gazetteer
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][1], "Qaryat Test");
  EXPECT_EQ(rows[2][1], "Qaryat Test");
  EXPECT_EQ(rows[3][1], "");
}

TEST(gazetteerGeocodeCli, HelpExplainsTheOutputAndExitCodes) {
  auto r = runFrontline("geocode --help");
  EXPECT_EQ(r.exitCode, 0);
  for (const char* text : {"--country", "--near", "--gazetteer", "--aliases", "Exit codes", "did you mean",
                           "alternatives", "stdin"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
}

}  // namespace
}  // namespace frontline
