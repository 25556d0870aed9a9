// Bad gazetteer files (GeoNames format and aliases) fail to load with an error naming file:line,
// and a file loaded later replaces rows with the same geonameid.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include "geo/gazetteer/gazetteer_loader.hpp"
#include "run_frontline.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

// A valid 19-column GeoNames row.
std::string row(const std::string& id, const std::string& name, const std::string& lat, const std::string& lon,
                const std::string& alternates = "") {
  return id + "\t" + name + "\t" + name + "\t" + alternates + "\t" + lat + "\t" + lon +
         "\tP\tPPL\tSY\t\t01\t\t\t\t1200\t\t300\tAsia/Damascus\t2020-01-01\n";
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

struct BadFile {
  std::string label;
  std::string text;
  int line;
  std::string what;
};

void PrintTo(const BadFile& file, std::ostream* os) { *os << file.label; }

class BadGeoNamesFiles : public testing::TestWithParam<BadFile> {};

TEST_P(BadGeoNamesFiles, FailWithFileAndLine) {
  const BadFile& bad = GetParam();
  const fs::path dir = gazetteer_test::freshOutputDir("gazetteer-bad-" + bad.label);
  const fs::path path = write(dir, "places.txt", bad.text);
  GazetteerFiles files;
  files.geonames.push_back(path);
  auto loaded = loadGazetteer(files);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, ErrorKind::Data);
  EXPECT_EQ(loaded.error().where, path.string() + ":" + std::to_string(bad.line)) << loaded.error().message();
  EXPECT_NE(loaded.error().what.find(bad.what), std::string::npos) << loaded.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    gazetteerGeoNames, BadGeoNamesFiles,
    testing::Values(
        BadFile{"columns", row("1", "Hajin", "34.69", "40.83") + "2\tShort\tShort\t\t34\t40\n", 2, "expected 19"},
        BadFile{"latitude", "# header comment\n" + row("1", "Hajin", "thirty-four", "40.83"), 2,
                "latitude 'thirty-four' is not a number"},
        BadFile{"longitude", row("1", "Hajin", "34.69", "40,83"), 1, "longitude '40,83'"},
        BadFile{"range", row("1", "Hajin", "134.69", "40.83"), 1, "in -90..90"},
        BadFile{"utf8", row("1", "Hajin", "34.69", "40.83") + "\n" + row("2", "Ha\xC3\x28jin", "34.69", "40.83"), 3,
                "invalid UTF-8"},
        BadFile{"id", row("x1", "Hajin", "34.69", "40.83"), 1, "geonameid 'x1'"}),
    [](const testing::TestParamInfo<BadFile>& param) { return param.param.label; });

TEST(gazetteerFiles, BadAliasesFileNamesItsLine) {
  const fs::path dir = gazetteer_test::freshOutputDir("gazetteer-bad-aliases");
  GazetteerFiles files;
  files.geonames.push_back(write(dir, "places.txt", row("1", "Hajin", "34.69", "40.83")));
  files.aliases.push_back(write(dir, "aliases.tsv",
                                "name\talias_of\tlat\tlon\tcountry\tfeature_code\tpopulation\tsource_url\n"
                                "Hajeen\t1\t\t\t\t\t\thttps://example.org\n"
                                "Hajine\t2\t\t\t\t\t\thttps://example.org\n"));
  auto loaded = loadGazetteer(files);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().where, files.aliases[0].string() + ":3");
}

TEST(gazetteerFiles, MissingFileIsAnInputError) {
  GazetteerFiles files;
  files.geonames.push_back("/nonexistent/SY.txt");
  auto loaded = loadGazetteer(files);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, ErrorKind::Input);
}

TEST(gazetteerFiles, LaterFilesReplaceRowsWithTheSameId) {
  const fs::path dir = gazetteer_test::freshOutputDir("gazetteer-merge");
  GazetteerFiles files;
  files.geonames.push_back(write(dir, "a.txt", row("1", "Hajin", "34.69", "40.83") + row("2", "Susah", "34.53", "40.95")));
  files.geonames.push_back(write(dir, "b.txt", row("2", "As Susah", "34.5337", "40.9582", "Sousa") +
                                                   row("3", "Al Baghuz Fawqani", "34.46", "40.95")));
  auto places = loadPlaces(files);
  ASSERT_TRUE(places) << places.error().message();
  ASSERT_EQ(places->size(), 3u);
  EXPECT_EQ((*places)[1].name, "As Susah");
  auto g = loadGazetteer(files);
  ASSERT_TRUE(g);
  auto r = g->match("Sousa");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 2);
}

TEST(gazetteerFiles, BundledDataLoads) {
  auto g = loadGazetteer(bundledGazetteerFiles(fs::path(FRONTLINE_SOURCE_DIR) / "assets"));
  ASSERT_TRUE(g) << g.error().message();
  EXPECT_GT(g->places().size(), 5000u);
  auto r = g->match("Baghuz");  // a place only the extras file has
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->countryCode, "SY");
  EXPECT_LT(r.best().place->id, 0);
}

}  // namespace
}  // namespace frontline
