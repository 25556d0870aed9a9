// Extras/aliases files: new places, aliases by geonameid and by name, and errors with file:line.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "geo/gazetteer/alias_reader.hpp"

namespace frontline {
namespace {

const std::string kHeader = "name\talias_of\tlat\tlon\tcountry\tfeature_code\tpopulation\tsource_url\n";

std::vector<Place> base() {
  Place p;
  p.id = 174448;
  p.name = "Ālbū Kamāl";
  p.asciiName = "Albu Kamal";
  p.lat = 34.45226;
  p.lon = 40.91854;
  p.featureClass = 'P';
  p.featureCode = "PPLA2";
  p.countryCode = "SY";
  return {p};
}

TEST(gazetteerAliasReader, AddsNewPlacesAndAliases) {
  const std::string text = "# comment\n\n" + kHeader +
                           "Al-Baghuz Fawqani\t\t34.45861\t40.95056\tSY\tPPL\t10689\thttps://example.org/baghuz\n"
                           "Baghuz\tAl-Baghuz Fawqani\t\t\t\t\t\thttps://example.org/b2\n"
                           "Boukamal\t174448\t34.45\t40.93\tSY\t\t\thttps://example.org/bk\r\n"
                           "T4\t\t34.522\t37.627\tSY\tS.AIRB\t\thttp://example.org/t4\n";
  auto file = parseAliases(text, "extras.tsv");
  ASSERT_TRUE(file) << file.error().message();
  ASSERT_EQ(file->rows.size(), 4u);
  EXPECT_TRUE(file->rows[0].isNewPlace());
  EXPECT_EQ(file->rows[0].where, "extras.tsv:4");
  EXPECT_EQ(file->rows[3].featureClass, 'S');
  EXPECT_EQ(file->rows[3].featureCode, "AIRB");

  auto places = base();
  int64_t nextId = -1;
  auto applied = applyAliases(*file, places, nextId);
  ASSERT_TRUE(applied) << applied.error().message();
  ASSERT_EQ(places.size(), 3u);
  EXPECT_EQ(places[0].alternates, std::vector<std::string>{"Boukamal"});
  EXPECT_EQ(places[1].name, "Al-Baghuz Fawqani");
  EXPECT_EQ(places[1].id, -1);
  EXPECT_EQ(places[1].population, 10689);
  EXPECT_EQ(places[1].featureCode, "PPL");
  EXPECT_EQ(places[1].alternates, std::vector<std::string>{"Baghuz"});
  EXPECT_EQ(places[2].id, -2);
  EXPECT_EQ(places[2].featureClass, 'S');
  EXPECT_EQ(nextId, -3);
}

TEST(gazetteerAliasReader, ColumnsMayComeInAnyOrder) {
  const std::string text =
      "source_url\tname\tlat\tlon\talias_of\tcountry\tpopulation\tfeature_code\n"
      "https://example.org\tBukamal\t\t\t174448\t\t\t\n";
  auto file = parseAliases(text, "x.tsv");
  ASSERT_TRUE(file) << file.error().message();
  auto places = base();
  int64_t nextId = -1;
  ASSERT_TRUE(applyAliases(*file, places, nextId));
  EXPECT_EQ(places[0].alternates, std::vector<std::string>{"Bukamal"});
}

struct BadRow {
  std::string text;  // the file
  std::string where;
  std::string what;  // a part of the message
};

void PrintTo(const BadRow& row, std::ostream* os) { *os << "'" << row.what << "' at " << row.where; }

class AliasErrors : public testing::TestWithParam<BadRow> {};

TEST_P(AliasErrors, NameTheFileAndLine) {
  const BadRow& bad = GetParam();
  auto file = parseAliases(bad.text, "extras.tsv");
  Error error;
  if (!file) {
    error = file.error();
  } else {
    auto places = base();
    int64_t nextId = -1;
    auto applied = applyAliases(*file, places, nextId);
    ASSERT_FALSE(applied) << "expected an error for: " << bad.text;
    error = applied.error();
  }
  EXPECT_EQ(error.kind, ErrorKind::Data);
  EXPECT_EQ(error.where, bad.where) << error.message();
  EXPECT_NE(error.what.find(bad.what), std::string::npos) << error.message();
}

INSTANTIATE_TEST_SUITE_P(
    gazetteerRows, AliasErrors,
    testing::Values(
        BadRow{"name\tlat\n", "extras.tsv:1", "lacks the column 'alias_of'"},
        BadRow{kHeader.substr(0, kHeader.size() - 1) + "\tcolour\n", "extras.tsv:1", "unknown column 'colour'"},
        BadRow{"# only comments\n", "extras.tsv", "no header row"},
        BadRow{kHeader + "X\t\t1\t2\tSY\tPPL\n", "extras.tsv:2", "expected 8 tab-separated columns"},
        BadRow{kHeader + "X\t\tnorth\t2\tSY\tPPL\t\thttps://a\n", "extras.tsv:2", "latitude 'north' is not a number"},
        BadRow{kHeader + "X\t\t30\t200\tSY\tPPL\t\thttps://a\n", "extras.tsv:2", "longitude '200'"},
        BadRow{kHeader + "X\t\t30\t\tSY\tPPL\t\thttps://a\n", "extras.tsv:2", "both lat and lon"},
        BadRow{kHeader + "X\t\t\t\tSY\tPPL\t\thttps://a\n", "extras.tsv:2", "needs lat and lon"},
        BadRow{kHeader + "X\t\t30\t40\t\tPPL\t\thttps://a\n", "extras.tsv:2", "needs a country code"},
        BadRow{kHeader + "X\t\t30\t40\tSyria\tPPL\t\thttps://a\n", "extras.tsv:2", "two-letter ISO"},
        BadRow{kHeader + "X\t\t30\t40\tSY\tppl\t\thttps://a\n", "extras.tsv:2", "feature code"},
        BadRow{kHeader + "X\t\t30\t40\tSY\tPPL\tmany\thttps://a\n", "extras.tsv:2", "population 'many'"},
        BadRow{kHeader + "X\t\t30\t40\tSY\tPPL\t\t\n", "extras.tsv:2", "needs its source"},
        BadRow{kHeader + "\t174448\t\t\t\t\t\thttps://a\n", "extras.tsv:2", "name column is empty"},
        BadRow{kHeader + "X\t999\t\t\t\t\t\thttps://a\n", "extras.tsv:2", "no place with that geonameid"},
        BadRow{kHeader + "X\tNowhere\t\t\t\t\t\thttps://a\n", "extras.tsv:2", "no new place of that name"},
        BadRow{kHeader + "Boukamal\t174448\t36.2\t37.1\t\t\t\thttps://a\n", "extras.tsv:2", "km from"},
        BadRow{kHeader + "Boukamal\t174448\t\t\tIQ\t\t\thttps://a\n", "extras.tsv:2", "differs from"},
        BadRow{kHeader + "X\t\t30\t40\tSY\tPPL\t\thttps://a\nX\t\t31\t41\tSY\tPPL\t\thttps://b\n", "extras.tsv:3",
               "already defined"},
        BadRow{kHeader + "Ra\xFFqa\t174448\t\t\t\t\t\thttps://a\n", "extras.tsv:2", "invalid UTF-8"}),
    [](const testing::TestParamInfo<BadRow>& param) { return "Row" + std::to_string(param.index); });

TEST(gazetteerAliasReader, MissingFileIsAnInputError) {
  auto file = readAliasFile("/nonexistent/extras.tsv");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().kind, ErrorKind::Input);
  EXPECT_EQ(file.error().where, "/nonexistent/extras.tsv");
}

}  // namespace
}  // namespace frontline
