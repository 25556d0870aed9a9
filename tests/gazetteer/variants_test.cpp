// The labelled list of real spellings (tests/fixtures/gazetteer/variants.tsv) against the bundled
// gazetteer: top-1 within 15 km of the true place for at least 97% of the rows with their country
// hints, and at least 95% without any context.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/gazetteer_loader.hpp"

namespace frontline {
namespace {

constexpr double kToleranceKm = 15;
constexpr double kBarWithHints = 0.97;
constexpr double kBarWithoutContext = 0.95;

struct Variant {
  int line = 0;
  std::string spelling, expectedName, countryHint, source;
  double lat = 0, lon = 0;
};

std::vector<Variant> readVariants() {
  const std::filesystem::path path =
      std::filesystem::path(FRONTLINE_SOURCE_DIR) / "tests" / "fixtures" / "gazetteer" / "variants.tsv";
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<Variant> rows;
  std::string line;
  int lineNo = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      EXPECT_EQ(line, "variant\texpected_name\texpected_lat\texpected_lon\tcountry_hint\tsource_url");
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
    EXPECT_EQ(f.size(), 6u) << "variants.tsv:" << lineNo;
    if (f.size() != 6) continue;
    Variant v;
    v.line = lineNo;
    v.spelling = f[0];
    v.expectedName = f[1];
    v.lat = std::stod(f[2]);
    v.lon = std::stod(f[3]);
    v.countryHint = f[4];
    v.source = f[5];
    rows.push_back(v);
  }
  return rows;
}

const Gazetteer& bundled() {
  static const Gazetteer g = [] {
    auto loaded = loadGazetteer(bundledGazetteerFiles(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets"));
    if (!loaded) throw std::runtime_error(loaded.error().message());
    return std::move(*loaded);
  }();
  return g;
}

double accuracy(const std::vector<Variant>& rows, bool useHints, std::string& failures) {
  int hits = 0;
  for (const Variant& v : rows) {
    MatchContext context;
    if (useHints && !v.countryHint.empty()) context.countries = {v.countryHint};
    const MatchResult r = bundled().match(v.spelling, context);
    const bool hit = r.resolved() && greatCircleKm(r.best().place->lat, r.best().place->lon, v.lat, v.lon) <= kToleranceKm;
    hits += hit;
    if (!hit)
      failures += "  variants.tsv:" + std::to_string(v.line) + " '" + v.spelling + "' (" + v.expectedName + ") -> " +
                  (r.resolved() ? std::string(r.best().place->name) + " " + r.best().place->countryCode : "nothing") + "\n";
  }
  return static_cast<double>(hits) / static_cast<double>(rows.size());
}

TEST(gazetteerVariants, TheListIsLargeAndEveryRowHasASource) {
  const auto rows = readVariants();
  EXPECT_GE(rows.size(), 100u);
  std::set<std::string> places, seen;
  for (const Variant& v : rows) {
    EXPECT_TRUE(v.source.starts_with("https://") || v.source.starts_with("http://")) << "variants.tsv:" << v.line;
    EXPECT_TRUE(std::abs(v.lat) <= 90 && std::abs(v.lon) <= 180) << "variants.tsv:" << v.line;
    EXPECT_TRUE(seen.insert(v.spelling + "|" + v.expectedName).second) << "repeated row at variants.tsv:" << v.line;
    places.insert(v.expectedName);
  }
  EXPECT_GE(places.size(), 40u);  // many places, not many spellings of a few
}

TEST(gazetteerVariants, TopCandidateIsTheRightPlaceWithCountryHints) {
  const auto rows = readVariants();
  ASSERT_FALSE(rows.empty());
  std::string failures;
  const double a = accuracy(rows, true, failures);
  std::cout << "top-1 within " << kToleranceKm << " km, with country hints: " << a * 100 << "% of " << rows.size()
            << " spellings\n"
            << failures;
  EXPECT_GE(a, kBarWithHints) << failures;
}

TEST(gazetteerVariants, TopCandidateIsTheRightPlaceWithoutContext) {
  const auto rows = readVariants();
  ASSERT_FALSE(rows.empty());
  std::string failures;
  const double a = accuracy(rows, false, failures);
  std::cout << "top-1 within " << kToleranceKm << " km, no context: " << a * 100 << "% of " << rows.size()
            << " spellings\n"
            << failures;
  EXPECT_GE(a, kBarWithoutContext) << failures;
}

}  // namespace
}  // namespace frontline
