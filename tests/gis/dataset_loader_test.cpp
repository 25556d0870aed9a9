// Loading datasets: the same event table in every format, each validation problem with its
// file:row:column, manifests, ACLED exports, and the bundled dataset.
#include "geo/gis/dataset_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

#include "geo/gazetteer/country_names.hpp"
#include "geo/gis/acled_import.hpp"
#include "gis/table_fixtures.hpp"
#include "support/fixtures.hpp"

namespace frontline {
namespace {

DatasetLoadOptions bundledGazetteer() {
  DatasetLoadOptions o;
  o.assetDir = std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets";
  return o;
}

Date d(const char* text) { return *Date::parse(text); }

const test::TableFixture kEvents = {
    {"date", "place", "country", "lat", "lon", "controller", "status", "source", "url", "quote", "confidence", "notes",
     "editor"},
    {
        {"2014-06-10", "Mosul", "IQ", "", "", "islamic_state", "control", "Reuters", "https://example.org/1", "", "high",
         "", "ab"},
        {"2016-11", "Mosul", "IQ", "", "", "iraqi_forces", "contested", "AP", "https://example.org/2", "", "medium",
         "month precision", "cd"},
        {"2017-07-10", "Mosul", "Iraq", "", "", "iraqi_forces", "control", "RFE/RL", "https://example.org/3",
         "fully liberated", "high", "", ""},
        {"2019-03-23", "Baghuz", "SY", "34.4586", "40.9506", "sdf", "control", "Kurdistan 24", "https://example.org/4",
         "", "high", "", ""},
        {"2017-10-17", "Raqqa", "Syria", "", "", "SDF", "control", "Channel 4", "https://example.org/5", "", "low", "",
         ""},
    }};

std::vector<std::string> issueTexts(const Dataset& dataset) {
  std::vector<std::string> out;
  for (const DatasetIssue& i : dataset.issues) out.push_back(i.text());
  return out;
}

const PlaceTrack* trackNamed(const Timeline& timeline, const std::string& reported) {
  for (const PlaceTrack& p : timeline.places())
    for (const Event& e : p.events)
      if (e.placeName == reported) return &p;
  return nullptr;
}

struct Format {
  const char* driver;  // "" for CSV text
  const char* ext;
  int firstRow;        // row of the first event as users see it
  bool points;         // coordinates as point geometry instead of lat/lon fields
};

std::string formatName(const ::testing::TestParamInfo<Format>& param) { return param.param.ext + 1; }
void PrintTo(const Format& f, std::ostream* os) { *os << f.ext; }

class SameTableInEveryFormat : public ::testing::TestWithParam<Format> {};

TEST_P(SameTableInEveryFormat, LoadsTheSameEvents) {
  const Format f = GetParam();
  const auto dir = test::freshDir("formats");
  const auto path = dir / (std::string("events") + f.ext);
  if (std::string(f.driver).empty()) test::writeTextFile(path, test::csvText(kEvents));
  else test::writeTable(path, f.driver, kEvents, f.points ? std::pair<std::string, std::string>{"lat", "lon"}
                                                          : std::pair<std::string, std::string>{});
  auto loaded = loadDataset(path, bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const Dataset& ds = loaded->dataset;
  EXPECT_EQ(issueTexts(ds), std::vector<std::string>{});
  EXPECT_EQ(ds.settings.title, "events");

  // A bare table: its distinct controllers are the actors (any case), coloured from the palette.
  ASSERT_EQ(ds.actors.size(), 3u);
  EXPECT_EQ(ds.actors[0].id, "islamic_state");
  EXPECT_EQ(ds.actors[2].id, "sdf");
  EXPECT_EQ(ds.actors[1].color, defaultActorColor(1));

  const Timeline& t = ds.timeline;
  ASSERT_EQ(t.places().size(), 3u);
  const PlaceTrack* mosul = trackNamed(t, "Mosul");
  ASSERT_NE(mosul, nullptr);
  EXPECT_EQ(mosul->id, "gn:99072");
  EXPECT_EQ(mosul->country, "IQ");
  ASSERT_EQ(mosul->events.size(), 3u);
  const Event& contested = mosul->events[1];
  EXPECT_EQ(contested.date, d("2016-11-01"));
  EXPECT_EQ(contested.date.precision(), DatePrecision::Month);
  EXPECT_EQ(contested.status, ControlStatus::Contested);
  EXPECT_EQ(contested.confidence, Confidence::Medium);
  EXPECT_EQ(contested.source, "AP");
  EXPECT_EQ(contested.url, "https://example.org/2");
  EXPECT_EQ(contested.notes, "month precision");
  EXPECT_EQ(contested.where.file, path.string());
  EXPECT_EQ(contested.where.row, f.firstRow + 1);
  EXPECT_EQ(mosul->events[2].quote, "fully liberated");

  // Coordinates within 2 km of a gazetteer place of that name join it (extras.tsv's Baghuz).
  const PlaceTrack* baghuz = trackNamed(t, "Baghuz");
  ASSERT_NE(baghuz, nullptr);
  EXPECT_EQ(baghuz->id.rfind("gn:", 0), 0u) << baghuz->id;
  EXPECT_EQ(baghuz->events[0].where.row, f.firstRow + 3);

  const PlaceTrack* raqqa = trackNamed(t, "Raqqa");
  ASSERT_NE(raqqa, nullptr);
  EXPECT_EQ(raqqa->id, "gn:172955");
  EXPECT_EQ(raqqa->events[0].controller, "sdf");  // "SDF" is the same actor as "sdf"
  EXPECT_EQ(raqqa->events[0].confidence, Confidence::Low);
}

INSTANTIATE_TEST_SUITE_P(Dataset, SameTableInEveryFormat,
                         ::testing::Values(Format{"", ".csv", 2, false}, Format{"XLSX", ".xlsx", 2, false},
                                           Format{"ODS", ".ods", 2, false}, Format{"GeoJSON", ".geojson", 1, true},
                                           Format{"GPKG", ".gpkg", 1, false}),
                         formatName);

// A manifest with an actors table and a CSV in which every row after the first has one problem.
struct BadDataset {
  std::filesystem::path dir;
  LoadedDataset loaded;
};

BadDataset loadBadDataset() {
  BadDataset b;
  b.dir = test::freshDir("bad");
  test::writeTextFile(b.dir / "dataset.toml",
                      "title = \"Bad\"\n"
                      "events = [\"events.csv\"]\n"
                      "actors = \"actors.csv\"\n"
                      "colour = \"red\"\n"
                      "[settings]\n"
                      "transition_days = 3\n"
                      "focus_countries = [\"IQ\", \"Syria\"]\n");
  test::writeTextFile(b.dir / "actors.csv",
                      "id,name,color,aliases\n"
                      "islamic_state,Islamic State,#2b2b2b,ISIS;ISIL\n"
                      "iraqi_forces,Iraqi forces,,ISF\n"
                      "sdf,SDF,#e69f00,Syrian Democratic Forces\n");
  test::writeTextFile(b.dir / "events.csv",
                      "date,place,country,lat,lon,controller,status,source,url,confidence,notes\n"   // 1
                      "2017-10-17,Raqqa,SY,,,sdf,control,C4,,high,\"a note\n"                       // 2
                      "over two lines\"\n"                                                           // 3
                      "2017-13-01,Mosul,IQ,,,iraqi_forces,control,,,high,\n"                         // 4 bad date
                      "\n"                                                                           // 5 blank
                      "2017-10-18,Xyzzyqqville,SY,,,sdf,control,,,high,\n"                           // 6 no geocode
                      "2017-10-19,Somewhere,SY,91,40,sdf,control,,,high,\n"                          // 7 lat
                      "2017-10-19,Elsewhere,SY,35,181,sdf,control,,,high,\n"                         // 8 lon
                      "2017-10-20,Raqqa,SY,,,martians,control,,,high,\n"                             // 9 actor
                      "2017-10-21,Raqqa,SY,,,ISIS,held,,,high,\n"                                    // 10 status
                      "2017-10-22,Raqqa,SY,,,isis,control,,,sure,\n"                                 // 11 confidence
                      "2017-10-23,Hit,IQ,33.6,,sdf,control,,,high,\n"                                // 12 lat only
                      "2017-10-17,Raqqa,Syria,,,islamic_state,control,,,high,\n"                     // 13 conflict with 2
                      "2017-10-17,Ar Raqqah,SY,,,sdf,control,C4,,high,\n"                            // 14 duplicate of 2
                      "2017-10-24,Hit,Narnia,,,sdf,control,,,high,\n"                                // 15 country
                      "2017-10-25,,IQ,,,sdf,control,,,high,\n");                                     // 16 place
  auto loaded = loadDataset(b.dir / "dataset.toml", bundledGazetteer());
  EXPECT_TRUE(loaded.ok()) << loaded.error().message();
  if (loaded.ok()) b.loaded = std::move(loaded).value();
  return b;
}

TEST(DatasetValidation, EveryProblemHasFileRowAndColumn) {
  const BadDataset b = loadBadDataset();
  const std::string m = (b.dir / "dataset.toml").string(), e = (b.dir / "events.csv").string();
  const std::vector<std::string> expected = {
      m + ":4:10: warning: unknown key 'colour' ignored",
      e + ":2: conflicts with " + e + ":13 (Ar Raqqah, 2017-10-17): sdf control here, islamic_state control there",
      e + ":4:1: invalid date '2017-13-01': month must be 01..12",
      e + ":6:2: place 'Xyzzyqqville' does not geocode; did you mean ",
      e + ":7:4: lat 91 is out of range (-90..90)",
      e + ":8:5: lon 181 is out of range (-180..180)",
      e + ":9:6: unknown actor 'martians'; the actors are islamic_state, iraqi_forces, sdf",
      e + ":10:7: status 'held' is not control, contested or besieged",
      e + ":11:10: confidence 'sure' is not high, medium or low",
      e + ":12:5: lat given without lon",
      e + ":13: conflicts with " + e + ":2 (Ar Raqqah, 2017-10-17): islamic_state control here, sdf control there",
      e + ":14: warning: duplicate of " + e + ":2 (same place, date, controller and status)",
      e + ":15:3: warning: country 'Narnia' is not an ISO code or a country name; ignored",
      e + ":16:2: empty place",
  };
  const auto texts = issueTexts(b.loaded.dataset);
  ASSERT_EQ(texts.size(), expected.size()) << ::testing::PrintToString(texts);
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(texts[i].substr(0, expected[i].size()), expected[i]) << "issue " << i;
  EXPECT_TRUE(b.loaded.dataset.hasErrors());
  EXPECT_EQ(b.loaded.dataset.settings.transitionDays, 3);
  EXPECT_EQ(b.loaded.dataset.settings.focusCountries, (std::vector<std::string>{"IQ", "SY"}));
  // Aliases resolve in any case: rows 10 and 11 use ISIS/isis (they fail for other reasons).
  EXPECT_EQ(b.loaded.dataset.actors.size(), 3u);
}

TEST(DatasetValidation, SpreadsheetProblemsNameSheetRows) {
  const auto dir = test::freshDir("bad-xlsx");
  test::writeTable(dir / "events.xlsx", "XLSX",
                   {{"date", "place", "controller"},
                    {{"2017-10-17", "Raqqa", "sdf"}, {"", "", ""}, {"17/10/2017", "Raqqa", "sdf"}}});
  auto loaded = loadDataset(dir / "events.xlsx", bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const auto texts = issueTexts(loaded->dataset);
  ASSERT_EQ(texts.size(), 1u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0].rfind((dir / "events.xlsx").string() + ":4:1: invalid date '17/10/2017'", 0), 0u) << texts[0];
}

TEST(DatasetValidation, MissingColumnsAndAmbiguousPlaces) {
  const auto dir = test::freshDir("columns");
  test::writeTextFile(dir / "nodate.csv", "when,place,controller\n2017-01-01,Hit,x\n");
  auto noDate = loadDataset(dir / "nodate.csv", bundledGazetteer());
  ASSERT_TRUE(noDate.ok());
  const auto texts = issueTexts(noDate->dataset);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0], (dir / "nodate.csv").string() +
                          ":1: missing column 'date' (an event table needs date, place, controller; its columns are: "
                          "when, place, controller)");

  // Sinjar is a town in Iraq and a village in Syria: without a country it is a guess.
  test::writeTextFile(dir / "sinjar.csv", "date,place,controller\n2015-11-13,Sinjar,peshmerga\n");
  auto sinjar = loadDataset(dir / "sinjar.csv", bundledGazetteer());
  ASSERT_TRUE(sinjar.ok());
  ASSERT_EQ(sinjar->dataset.issues.size(), 1u);
  EXPECT_FALSE(sinjar->dataset.issues[0].error);
  EXPECT_NE(sinjar->dataset.issues[0].text().find(":2:2: warning: place 'Sinjar' is ambiguous"), std::string::npos);
  test::writeTextFile(dir / "sinjar-iq.csv", "date,place,country,controller\n2015-11-13,Sinjar,Iraq,peshmerga\n");
  auto settled = loadDataset(dir / "sinjar-iq.csv", bundledGazetteer());
  ASSERT_TRUE(settled.ok());
  EXPECT_TRUE(settled->dataset.issues.empty()) << ::testing::PrintToString(issueTexts(settled->dataset));
}

TEST(DatasetManifest, ProblemsAndErrors) {
  const auto dir = test::freshDir("manifest");
  test::writeTextFile(dir / "broken.toml", "title = \"x\"\nevents = [\"a.csv\"\n");
  auto broken = loadDataset(dir / "broken.toml", {});
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, ErrorKind::Data);
  EXPECT_EQ(broken.error().where.rfind((dir / "broken.toml").string() + ":", 0), 0u) << broken.error().message();
  EXPECT_NE(broken.error().what.find("not valid TOML"), std::string::npos);

  auto missing = loadDataset(dir / "nope.toml", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::Input);

  test::writeTextFile(dir / "refs.toml",
                      "events = [\"absent.csv\"]\n"
                      "actors = \"absent-actors.csv\"\n"
                      "[settings]\n"
                      "cap_km = -1\n"
                      "start = \"2019-01-01\"\n"
                      "end = 2018-01-01\n"
                      "speed = 2\n");
  auto refs = loadDataset(dir / "refs.toml", {});
  ASSERT_TRUE(refs.ok()) << refs.error().message();
  const std::string m = (dir / "refs.toml").string();
  const auto texts = issueTexts(refs->dataset);
  const std::vector<std::string> expected = {
      m + ":1:11: events table: " + (dir / "absent.csv").string() + ": no such file",
      m + ":2:10: actors table: " + (dir / "absent-actors.csv").string() + ": no such file",
      m + ":3:1: 'end' (2018-01-01) is before 'start' (2019-01-01)",
      m + ":4:10: 'cap_km' must be more than 0 and at most 5000",
      m + ":7:9: warning: unknown setting 'speed' ignored",
  };
  ASSERT_GE(texts.size(), expected.size()) << ::testing::PrintToString(texts);
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(texts[i].substr(0, expected[i].size()), expected[i]) << ::testing::PrintToString(texts);
}

TEST(DatasetManifest, AreaOverridesAndNamedLayers) {
  const auto dir = test::freshDir("areas");
  test::writeTable(dir / "events.xlsx", "XLSX", {{"date", "place", "controller"}, {{"2017-10-17", "Raqqa", "sdf"}}});
  test::TableFixture areas{{"date", "controller", "wkt"},
                           {{"2017-11-01", "sdf", "POLYGON ((38 35, 40 35, 40 37, 38 37, 38 35))"},
                            {"2017-11-02", "sdf", "POINT (39 36)"},
                            {"2017-11-03", "martians", "POLYGON ((38 35, 40 35, 40 37, 38 35))"},
                            {"2017-11-31", "SDF", "POLYGON ((38 35, 40 35, 40 37, 38 35))"}}};
  test::writeTable(dir / "areas.geojson", "GeoJSON", areas, {}, "wkt");
  test::writeTextFile(dir / "actors.csv", "id,name\nsdf,SDF\n");
  test::writeTextFile(dir / "dataset.toml",
                      "events = [{ file = \"events.xlsx\", layer = \"events\" }]\n"
                      "actors = \"actors.csv\"\n"
                      "areas = [\"areas.geojson\"]\n");
  auto loaded = loadDataset(dir / "dataset.toml", bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const std::string a = (dir / "areas.geojson").string();
  EXPECT_EQ(issueTexts(loaded->dataset), (std::vector<std::string>{
                                             a + ":2: no polygon geometry",
                                             a + ":3:2: unknown actor 'martians'",
                                             a + ":4:1: invalid date '2017-11-31': no such day in that month",
                                         }));
  ASSERT_EQ(loaded->areaOverrides.size(), 1u);
  const AreaOverride& area = loaded->areaOverrides[0];
  EXPECT_EQ(area.date, d("2017-11-01"));
  EXPECT_EQ(area.controller, "sdf");
  ASSERT_EQ(area.polygons.size(), 1u);
  EXPECT_EQ(area.polygons[0].outer.size(), 4u);
  EXPECT_EQ(area.where.text(), a + ":1");
  EXPECT_EQ(loaded->dataset.timeline.places().size(), 1u);

  test::writeTextFile(dir / "sheet.toml", "events = [{ file = \"events.xlsx\", layer = \"Sheet9\" }]\n");
  auto noSheet = loadDataset(dir / "sheet.toml", bundledGazetteer());
  ASSERT_TRUE(noSheet.ok());
  ASSERT_FALSE(noSheet->dataset.issues.empty());
  EXPECT_NE(noSheet->dataset.issues[0].text().find(":1:11: events table: "), std::string::npos)
      << noSheet->dataset.issues[0].text();
  EXPECT_NE(noSheet->dataset.issues[0].text().find("no layer or sheet named 'Sheet9'"), std::string::npos);
}

TEST(DatasetCountryNames, CodesAndEnglishNames) {
  EXPECT_EQ(countryCode("SY"), "SY");
  EXPECT_EQ(countryCode("iq"), "IQ");
  EXPECT_EQ(countryCode("IRQ"), "IQ");
  EXPECT_EQ(countryCode("Syria"), "SY");
  EXPECT_EQ(countryCode("Syrian Arab Republic"), "SY");
  EXPECT_EQ(countryCode(" iraq "), "IQ");
  EXPECT_EQ(countryCode("Turkey"), "TR");
  EXPECT_EQ(countryCode("Türkiye"), "TR");
  EXPECT_EQ(countryCode("Iran"), "IR");
  EXPECT_EQ(countryCode("Lebanon"), "LB");
  EXPECT_EQ(countryCode("Jordan"), "JO");
  EXPECT_EQ(countryCode("Palestine"), "PS");
  EXPECT_EQ(countryCode("Saudi Arabia"), "SA");
  EXPECT_EQ(countryCode("United Arab Emirates"), "AE");
  EXPECT_EQ(countryCode("Egypt"), "EG");
  EXPECT_EQ(countryCode("Yemen"), "YE");
  EXPECT_EQ(countryCode("the Gambia"), "GM");
  EXPECT_EQ(countryCode("Cote d'Ivoire"), "CI");
  EXPECT_EQ(countryCode("Côte d’Ivoire"), "CI");
  EXPECT_EQ(countryCode("UK"), "GB");
  EXPECT_EQ(countryCode("Kosovo"), "XK");
  EXPECT_FALSE(countryCode("Narnia"));
  EXPECT_FALSE(countryCode(""));
  EXPECT_EQ(countryName("SY"), "Syria");
}

TEST(Acled, DatesAndSubEventTypes) {
  EXPECT_EQ(*parseEventDate("15 October 2017"), d("2017-10-15"));
  EXPECT_EQ(*parseEventDate("15-Oct-2017"), d("2017-10-15"));
  EXPECT_EQ(*parseEventDate("2017-10-15"), d("2017-10-15"));
  EXPECT_EQ(*parseEventDate("2017/10/15"), d("2017-10-15"));
  EXPECT_EQ(*parseEventDate("2017-10-15T00:00:00"), d("2017-10-15"));
  EXPECT_EQ(parseEventDate("October 2017")->precision(), DatePrecision::Month);
  EXPECT_FALSE(parseEventDate("31 September 2017").ok());
  EXPECT_FALSE(parseEventDate("15/10/2017").ok());
  EXPECT_FALSE(parseEventDate("yesterday").ok());
  EXPECT_TRUE(isTerritorialTransfer("Government regains territory"));
  EXPECT_TRUE(isTerritorialTransfer("Non-state actor overtakes territory"));
  EXPECT_TRUE(isTerritorialTransfer("non-violent transfer of territory"));
  EXPECT_TRUE(isTerritorialTransfer("Battle-Government regains territory"));
  EXPECT_TRUE(isTerritorialTransfer("Battle-Non-state actor overtakes territory"));
  EXPECT_FALSE(isTerritorialTransfer("Armed clash"));
  EXPECT_FALSE(isTerritorialTransfer("Battle-No change of territory"));
}

const char* kAcled =
    "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,"
    "geo_precision,source,notes\n"
    "SYR1,15 October 2017,2017,Battles,Non-state actor overtakes territory,Syrian Democratic Forces,Islamic State,"
    "Syria,Raqqa,35.9528,39.0079,1,SOHR,\"SDF took the city, after four months\"\n"
    "SYR2,16 October 2017,2017,Battles,Armed clash,Syrian Democratic Forces,Islamic State,Syria,Raqqa,35.9528,"
    "39.0079,1,SOHR,\n"
    "IRQ1,2017-07-10,2017,Battles,Government regains territory,Military Forces of Iraq (2014-2018),Islamic State,"
    "Iraq,Mosul,36.335,43.1189,2,Reuters,\n"
    "IRQ2,2016-01-01,2016,Battles,Battle-Non-state actor overtakes territory,Islamic State,,Iraq,Mosul,36.335,"
    "43.1189,1,AFP,\n"
    "SYR3,3 November 2017,2017,Strategic developments,Non-violent transfer of territory,Military Forces of Syria "
    "(2000-),,Syria,Deir ez-Zor,35.3359,40.1408,3,SANA,\n"
    "SYR4,4 November 2017,2017,Explosions/Remote violence,Air/drone strike,Military Forces of Russia,,Syria,"
    "Albu Kamal,34.4523,40.9185,1,SOHR,\n"
    "IRQ3,5 November 2017,2017,Protests,Peaceful protest,Protesters (Iraq),,Iraq,Baghdad,33.3406,44.4009,1,AFP,\n";

TEST(Acled, TerritorialTransfersBecomeEventsOthersAreCounted) {
  const auto dir = test::freshDir("acled");
  test::writeTextFile(dir / "acled.csv", kAcled);
  auto loaded = loadDataset(dir / "acled.csv", bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const Dataset& ds = loaded->dataset;
  EXPECT_EQ(issueTexts(ds), std::vector<std::string>{});
  ASSERT_EQ(loaded->notes.size(), 1u);
  EXPECT_EQ(loaded->notes[0],
            (dir / "acled.csv").string() + ": ACLED export: 4 territorial transfers read, 3 other rows skipped");
  ASSERT_EQ(ds.timeline.places().size(), 3u);
  // ACLED coordinates within 2 km of the gazetteer's town join it.
  const PlaceTrack* raqqa = trackNamed(ds.timeline, "Raqqa");
  ASSERT_NE(raqqa, nullptr);
  EXPECT_EQ(raqqa->id, "gn:172955");
  ASSERT_EQ(raqqa->events.size(), 1u);
  const Event& e = raqqa->events[0];
  EXPECT_EQ(e.date, d("2017-10-15"));
  EXPECT_EQ(e.controller, "Syrian Democratic Forces");
  EXPECT_EQ(e.source, "SOHR");
  EXPECT_EQ(e.notes, "SDF took the city, after four months");
  EXPECT_EQ(e.where.row, 2);
  const PlaceTrack* mosul = trackNamed(ds.timeline, "Mosul");
  ASSERT_NE(mosul, nullptr);
  ASSERT_EQ(mosul->events.size(), 2u);
  EXPECT_EQ(mosul->events[0].controller, "Islamic State");
  EXPECT_EQ(mosul->events[1].confidence, Confidence::Medium);  // geo_precision 2
  EXPECT_EQ(trackNamed(ds.timeline, "Deir ez-Zor")->events[0].confidence, Confidence::Low);
  ASSERT_EQ(ds.actors.size(), 4u);
  EXPECT_EQ(ds.actors[0].id, "Syrian Democratic Forces");
}

TEST(Acled, ActorNamesResolveThroughTheActorsTableAliases) {
  const auto dir = test::freshDir("acled-manifest");
  test::writeTextFile(dir / "acled.csv", kAcled);
  test::writeTextFile(dir / "actors.csv",
                      "id,name,color,aliases\n"
                      "sdf,SDF,#e69f00,Syrian Democratic Forces\n"
                      "islamic_state,Islamic State,#2b2b2b,\n"
                      "iraqi_forces,Iraqi forces,#0072b2,Military Forces of Iraq (2014-2018)\n");
  test::writeTextFile(dir / "dataset.toml", "events = [\"acled.csv\"]\nactors = \"actors.csv\"\n");
  auto loaded = loadDataset(dir / "dataset.toml", bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const auto texts = issueTexts(loaded->dataset);
  // The Syrian army has no alias: one error on its row, in the actor1 column.
  ASSERT_EQ(texts.size(), 1u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0].rfind((dir / "acled.csv").string() + ":6:6: unknown actor 'Military Forces of Syria (2000-)'", 0), 0u)
      << texts[0];
  EXPECT_EQ(trackNamed(loaded->dataset.timeline, "Raqqa")->events[0].controller, "sdf");
  EXPECT_EQ(trackNamed(loaded->dataset.timeline, "Mosul")->events[1].controller, "iraqi_forces");
}

TEST(DatasetBundled, LoadsWithoutProblemsAndKnowsNovember2017) {
  const auto assets = std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets";
  auto loaded = loadDataset(bundledDatasetPath(assets), bundledGazetteer());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  const Dataset& ds = loaded->dataset;
  EXPECT_EQ(issueTexts(ds), std::vector<std::string>{});
  EXPECT_EQ(ds.actors.size(), 8u);
  EXPECT_EQ(ds.settings.transitionDays, 5);
  EXPECT_EQ(ds.settings.capKm, 150);
  EXPECT_EQ(ds.settings.focusCountries, (std::vector<std::string>{"IQ", "SY"}));
  EXPECT_EQ(ds.start(), d("2014-01-01"));
  EXPECT_EQ(ds.end(), d("2019-04-30"));
  size_t events = 0;
  for (const PlaceTrack& p : ds.timeline.places()) events += p.events.size();
  EXPECT_EQ(events, 427u);
  EXPECT_EQ(ds.timeline.places().size(), 170u);

  const auto states = ds.timeline.controlAt(d("2017-11-04"));
  auto holder = [&](const char* reported) -> std::string {
    const PlaceTrack* track = trackNamed(ds.timeline, reported);
    if (!track) return "no such place";
    for (const PlaceState& s : states)
      if (s.place == track) return s.current->controller;
    return "no state";
  };
  EXPECT_EQ(holder("Raqqa"), "sdf");
  EXPECT_EQ(holder("Mosul"), "iraqi_forces");
  EXPECT_EQ(holder("Albu Kamal"), "islamic_state");
  EXPECT_EQ(holder("Boukamal"), "islamic_state");  // another spelling of the same place
  EXPECT_EQ(holder("Deir ez-Zor"), "syrian_government");
  EXPECT_EQ(holder("Rawa"), "islamic_state");
  EXPECT_EQ(holder("al-Qaim"), "iraqi_forces");
  // Spellings of one place are one track: Telafer/Tal Afar, Baghuz/Baghouz (with coordinates).
  EXPECT_EQ(trackNamed(ds.timeline, "Telafer"), trackNamed(ds.timeline, "Tal Afar"));
  EXPECT_EQ(trackNamed(ds.timeline, "Baghouz"), trackNamed(ds.timeline, "Baghuz"));
  EXPECT_EQ(trackNamed(ds.timeline, "Qaim"), trackNamed(ds.timeline, "al-Qaim"));
}

}  // namespace
}  // namespace frontline
