// Gazetteer::match on small hand-made gazetteers: hit kinds, ranking, context, ambiguity, suggestions.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/gazetteer.hpp"

namespace frontline {
namespace {

Place town(int64_t id, std::string name, double lat, double lon, std::string country, std::string code = "PPL",
           int64_t population = 1000, std::vector<std::string> alternates = {}, char featureClass = 'P') {
  Place p;
  p.id = id;
  p.name = name;
  p.asciiName = name;
  p.lat = lat;
  p.lon = lon;
  p.countryCode = std::move(country);
  p.featureCode = std::move(code);
  p.featureClass = featureClass;
  p.population = population;
  p.alternates = std::move(alternates);
  return p;
}

Gazetteer sample() {
  std::vector<Place> places;
  places.push_back(town(1, "Ālbū Kamāl", 34.452, 40.918, "SY", "PPLA2", 57572, {"Abu Kamal", "Al-Bukamal"}));
  places.push_back(town(2, "Deir ez-Zor", 35.336, 40.141, "SY", "PPLA", 242565, {"Deir al-Zour", "Dayr az Zawr"}));
  places.push_back(town(3, "Al Qā’im", 34.392, 40.989, "IQ", "PPLA2", 0, {"El Kaim"}));
  places.push_back(town(4, "Tall ‘Afar", 36.379, 42.448, "IQ", "PPLA2", 0, {"Tal Afar"}));
  places.push_back(town(5, "Rāwah", 34.482, 41.919, "IQ", "PPLA2", 13000, {"Rawa"}));
  // Two towns called Sinjar, far apart; the Iraqi one is the bigger.
  places.push_back(town(6, "Sinjār", 36.321, 41.877, "IQ", "PPLA2", 38294));
  places.push_back(town(7, "Sinjār", 35.75, 37.42, "SY", "PPLA3", 0));
  // A dam and a town of the same name: the town wins.
  places.push_back(town(8, "Tabqa Dam", 35.87, 38.57, "SY", "DAM", 0, {"Tabqa"}, 'H'));
  places.push_back(town(9, "Ath Thawrah", 35.838, 38.548, "SY", "PPLA2", 87880, {"Tabqa"}));
  // A village far away that only shares the spelling with a bigger town nearby.
  places.push_back(town(10, "Hit", 38.0, 30.0, "TR", "PPL", 600));
  places.push_back(town(11, "Hīt", 33.637, 42.828, "IQ", "PPLA2", 31901));
  places.push_back(town(12, "Ar Raqqah", 35.953, 39.008, "SY", "PPLA", 177636));
  return Gazetteer::build(std::move(places));
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = sample();
  return g;
}

TEST(gazetteerMatcher, ExactAndAlternateNamesAfterFolding) {
  auto r = gazetteer().match("albu kamal");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 1);
  EXPECT_EQ(r.best().kind, MatchKind::Name);
  EXPECT_DOUBLE_EQ(r.best().nameScore, 1.0);

  r = gazetteer().match("Al-Bukamal");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 1);
  EXPECT_EQ(r.best().kind, MatchKind::Alternate);
  EXPECT_EQ(r.best().matchedName, "Al-Bukamal");

  r = gazetteer().match("Qaim");  // article dropped, mark and macron folded
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 3);
  EXPECT_EQ(r.best().kind, MatchKind::Name);
}

TEST(gazetteerMatcher, PhoneticAndSimilarSpellings) {
  auto r = gazetteer().match("Boukamal");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 1);
  EXPECT_EQ(r.best().kind, MatchKind::Phonetic);

  r = gazetteer().match("Deir el-Zor");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 2);

  r = gazetteer().match("Telafer");
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 4);
  EXPECT_EQ(r.best().kind, MatchKind::Similar);
  EXPECT_LT(r.best().nameScore, 0.9);
  EXPECT_GE(r.best().nameScore, Gazetteer::kMinNameScore);

  r = gazetteer().match("Alraqqa");  // the article written together with the name
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 12);
  EXPECT_LT(r.best().nameScore, 1.0);
}

TEST(gazetteerMatcher, ScoresFallWithWorseSpellings) {
  const double exact = gazetteer().match("Rawah").best().score;
  const double alternate = gazetteer().match("Rawa").best().score;
  const double phonetic = gazetteer().match("Raawa").best().score;
  EXPECT_GT(exact, alternate);
  EXPECT_GT(alternate, phonetic);
  for (const double s : {exact, alternate, phonetic}) {
    EXPECT_GT(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
}

TEST(gazetteerMatcher, TownsRankAboveOtherFeaturesAndBigAboveSmall) {
  auto r = gazetteer().match("Tabqa");
  ASSERT_GE(r.candidates.size(), 2u);
  EXPECT_EQ(r.best().place->id, 9);
  EXPECT_EQ(r.candidates[1].place->id, 8);
  EXPECT_FALSE(r.ambiguous);  // 3 km apart: the same place on the ground

  r = gazetteer().match("Hit");
  ASSERT_GE(r.candidates.size(), 2u);
  EXPECT_EQ(r.best().place->id, 11);  // the district seat, not the Turkish village
}

TEST(gazetteerMatcher, SameNameFarApartIsReportedAsAmbiguous) {
  auto r = gazetteer().match("Sinjar");
  ASSERT_GE(r.candidates.size(), 2u);
  EXPECT_EQ(r.best().place->countryCode, "IQ");
  EXPECT_TRUE(r.ambiguous);
  EXPECT_GT(r.best().score, r.candidates[1].score);
}

TEST(gazetteerMatcher, ContextPicksThePlaceInTheRightCountryOrArea) {
  MatchContext syria;
  syria.countries = {"SY"};
  auto r = gazetteer().match("Sinjar", syria);
  ASSERT_TRUE(r.resolved());
  EXPECT_EQ(r.best().place->id, 7);
  EXPECT_FALSE(r.ambiguous);

  MatchContext near;
  near.near = NearPoint{35.7, 37.5, 30};
  r = gazetteer().match("Sinjar", near);
  EXPECT_EQ(r.best().place->id, 7);

  MatchContext box;
  box.box = LonLatBox{36, 35, 39, 37};
  r = gazetteer().match("Sinjar", box);
  EXPECT_EQ(r.best().place->id, 7);

  MatchContext turkey;
  turkey.countries = {"TR"};
  r = gazetteer().match("Hit", turkey);
  EXPECT_EQ(r.best().place->id, 10);
}

TEST(gazetteerMatcher, UnknownNamesDoNotResolveButGetSuggestions) {
  auto r = gazetteer().match("Xyzzyville");
  EXPECT_FALSE(r.resolved());
  EXPECT_FALSE(r.ambiguous);
  EXPECT_FALSE(gazetteer().match("").resolved());
  EXPECT_FALSE(gazetteer().match(" - ' ").resolved());

  // Too far from any name to resolve, close enough to suggest.
  r = gazetteer().match("Deir Zorkabada");
  EXPECT_FALSE(r.resolved());
  auto suggestions = gazetteer().suggest("Deir Zorkabada");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front().place->id, 2);
  EXPECT_LE(suggestions.size(), 3u);
}

TEST(gazetteerMatcher, AtMostFourCandidatesBestFirst) {
  std::vector<Place> places;
  for (int i = 0; i < 10; ++i) places.push_back(town(100 + i, "Tell", 30 + i, 40, "SY", "PPL", 1000 + i));
  const Gazetteer g = Gazetteer::build(std::move(places));
  auto r = g.match("Tell");
  ASSERT_EQ(r.candidates.size(), Gazetteer::kMaxCandidates);
  for (size_t i = 1; i < r.candidates.size(); ++i) EXPECT_GE(r.candidates[i - 1].score, r.candidates[i].score);
  EXPECT_EQ(r.best().place->id, 109);  // the most populous
  EXPECT_TRUE(r.ambiguous);
}

TEST(gazetteerMatcher, IsSafeToCallFromSeveralThreads) {
  const std::vector<std::string> names = {"Boukamal", "Telafer", "Deir el-Zour", "Qaim", "Rawa", "Xyzzy"};
  std::vector<std::vector<int64_t>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (const auto& name : names) {
          auto r = gazetteer().match(name);
          if (round == 0) results[t].push_back(r.resolved() ? r.best().place->id : -1);
        }
    });
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, results.front());
  EXPECT_EQ(results.front(), (std::vector<int64_t>{1, 4, 2, 3, 5, -1}));
}

TEST(gazetteerDistance, GreatCircleKilometres) {
  EXPECT_NEAR(greatCircleKm(0, 0, 0, 1), 111.19, 0.1);
  EXPECT_NEAR(greatCircleKm(34.452, 40.918, 34.392, 40.989), 9.2, 0.5);  // Albu Kamal - Al Qa'im
  EXPECT_DOUBLE_EQ(greatCircleKm(35, 40, 35, 40), 0.0);
}

}  // namespace
}  // namespace frontline
