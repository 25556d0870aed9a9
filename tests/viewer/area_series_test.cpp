// The area chart's series without a window: which dates are sampled, the order they are computed
// in, and the values, from a synthetic totals function and from the territory model itself on a
// tiny island (two countries, two towns, one capture).
#include "render/viewer/area_series.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "geo/gis/control_areas.hpp"

namespace frontline {
namespace {

Date d(const char* text) { return *Date::parse(text); }

std::vector<std::string> isoOf(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date& x : dates) out.push_back(x.iso());
  return out;
}

TEST(AreaSeries, SamplesEveryWeekPlusEventDatesAndTheLastDay) {
  const auto dates = areaSampleDates(d("2017-01-01"), d("2017-01-20"),
                                     {d("2017-01-10"), d("2017-01-08"), d("2017-01-08"), d("2016-12-01") /* outside */,
                                      d("2017-02-01") /* outside */});
  EXPECT_EQ(isoOf(dates), (std::vector<std::string>{"2017-01-01", "2017-01-08", "2017-01-10", "2017-01-15",
                                                    "2017-01-20"}));
  // One day: one sample. A reversed range: none.
  EXPECT_EQ(isoOf(areaSampleDates(d("2017-01-01"), d("2017-01-01"), {})), (std::vector<std::string>{"2017-01-01"}));
  EXPECT_TRUE(areaSampleDates(d("2017-01-02"), d("2017-01-01"), {}).empty());
}

TEST(AreaSeries, ManyDatesAreThinnedToTheCapKeepingBothEnds) {
  std::vector<Date> events;
  for (int i = 0; i < 3000; ++i) events.push_back(d("2014-01-01").plusDays(i));  // an event every day
  const auto dates = areaSampleDates(d("2014-01-01"), d("2021-12-31"), events, 7, 400);
  ASSERT_EQ(dates.size(), 400u);
  EXPECT_EQ(dates.front(), d("2014-01-01"));
  EXPECT_EQ(dates.back(), d("2021-12-31"));
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
  EXPECT_EQ(std::set<Date>(dates.begin(), dates.end()).size(), dates.size());
  // Evenly spread over the samples: no gap is far above the average one.
  int widest = 0;
  for (size_t i = 1; i < dates.size(); ++i) widest = std::max(widest, dates[i].days() - dates[i - 1].days());
  EXPECT_LE(widest, 14);
}

TEST(AreaSeries, ComputesCoarseToFineSoAPrefixSpansTheRange) {
  for (size_t n : {0u, 1u, 2u, 3u, 7u, 64u, 65u, 400u}) {
    auto order = coarseToFineOrder(n);
    ASSERT_EQ(order.size(), n);
    std::vector<size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(sorted[i], i) << "n=" << n;
    if (n >= 2) {
      EXPECT_EQ(order[0], 0u);
      EXPECT_EQ(order[1], n - 1);
    }
  }
  // After 10 of 400, no gap between computed samples is wider than a quarter of the range.
  auto order = coarseToFineOrder(400);
  std::vector<size_t> first(order.begin(), order.begin() + 10);
  std::sort(first.begin(), first.end());
  for (size_t i = 1; i < first.size(); ++i) EXPECT_LE(first[i] - first[i - 1], 100u);
}

TEST(AreaSeries, KeepsEachControllersAreaPerSampleAndShowsPartialResults) {
  AreaSeries series(areaSampleDates(d("2017-01-01"), d("2017-01-29"), {}));  // 5 weekly samples
  ASSERT_EQ(series.dates().size(), 5u);
  int calls = 0;
  // Red grows by 100 km² a week from 1000; blue appears from the 15th with 50.
  auto totalsAt = [&](Date date) -> Result<TerritoryTotals> {
    ++calls;
    const int week = (date.days() - d("2017-01-01").days()) / 7;
    TerritoryTotals t;
    if (week >= 2) t.controllers.push_back({"blue", 50, 0, {}, 0});
    t.controllers.push_back({"red", 1000.0 + 100 * week, 0, {}, 0});
    return t;
  };
  // A deadline in the past still computes one sample: the first, then the last.
  EXPECT_EQ(series.step(totalsAt, std::chrono::steady_clock::now()), 1u);
  EXPECT_TRUE(series.has(0));
  EXPECT_FALSE(series.complete());
  EXPECT_EQ(series.nearestComputed(d("2017-01-25").days()), std::optional<size_t>(0));
  EXPECT_EQ(series.step(totalsAt, std::chrono::steady_clock::now()), 1u);
  EXPECT_TRUE(series.has(4));
  EXPECT_EQ(series.nearestComputed(d("2017-01-25").days()), std::optional<size_t>(4));
  series.computeAll(totalsAt);
  EXPECT_TRUE(series.complete());
  EXPECT_EQ(calls, 5);
  ASSERT_EQ(series.controllers(), (std::vector<std::string>{"red", "blue"}));  // order of first appearance
  EXPECT_DOUBLE_EQ(series.km2(0, 0), 1000);
  EXPECT_DOUBLE_EQ(series.km2(3, 0), 1300);
  EXPECT_DOUBLE_EQ(series.km2(1, 1), 0);  // blue held nothing yet
  EXPECT_DOUBLE_EQ(series.km2(2, 1), 50);
  EXPECT_DOUBLE_EQ(series.maxKm2(), 1400);
  EXPECT_TRUE(series.error().empty());
}

TEST(AreaSeries, AnErrorStopsTheSeriesAndSaysWhere) {
  AreaSeries series(areaSampleDates(d("2017-01-01"), d("2017-01-29"), {}));
  auto failing = [](Date date) -> Result<TerritoryTotals> {
    if (date == d("2017-01-29")) return makeError(ErrorKind::Data, "areas", "no terrain");
    return TerritoryTotals{};
  };
  series.computeAll(failing);
  EXPECT_TRUE(series.complete());
  EXPECT_EQ(series.computed(), 1u);  // the first sample; the second (the last date) failed
  EXPECT_NE(series.error().find("2017-01-29"), std::string::npos) << series.error();
  EXPECT_NE(series.error().find("no terrain"), std::string::npos) << series.error();
}

TEST(AreaSeries, NiceStepsForTheAxis) {
  EXPECT_DOUBLE_EQ(niceStep(90'000, 3), 50'000);
  EXPECT_DOUBLE_EQ(niceStep(60'000, 3), 20'000);
  EXPECT_DOUBLE_EQ(niceStep(373'000, 3), 200'000);
  EXPECT_DOUBLE_EQ(niceStep(0, 3), 1);
}

// The territory model on a square island (lon 40..46, lat 30..36) split into two countries at
// 43E: on the 1st red holds a town in the west and blue one in the east; on the 8th red takes
// the eastern town, and with it the whole island.
TEST(AreaSeries, ValuesFromTheTerritoryModelOnATinyIsland) {
  BaseLayers layers;
  Feature land;
  land.polygons = {{{{40, 30}, {46, 30}, {46, 36}, {40, 36}}, {}}};
  layers.land.features = {land};
  Feature west, east;
  west.fields["iso_a2"] = "WW";
  west.polygons = {{{{40, 30}, {43, 30}, {43, 36}, {40, 36}}, {}}};
  east.fields["iso_a2"] = "EE";
  east.polygons = {{{{43, 30}, {46, 30}, {46, 36}, {43, 36}}, {}}};
  layers.countries.features = {west, east};
  auto projection = Projection::create("auto", {40, 30, 46, 36});
  ASSERT_TRUE(projection.ok()) << projection.error().message();
  AreaOptions options;
  options.capKm = 2000;  // every town reaches its whole country
  options.targetCells = 40'000;
  auto builder = ControlAreaBuilder::create(layers, *projection, 1.0, options);
  ASSERT_TRUE(builder.ok()) << builder.error().message();

  auto site = [](const std::string& id, double lon, double lat, const std::string& controller) {
    ControlSite s;
    s.placeId = s.name = id;
    s.lonLat = {lon, lat};
    s.controller = controller;
    return s;
  };
  const Date capture = d("2017-01-08");
  auto totalsAt = [&](Date date) -> Result<TerritoryTotals> {
    auto areas = (*builder)->build({site("w", 41.5, 33, "red"), site("e", 44.5, 33, date < capture ? "blue" : "red")});
    if (!areas) return areas.error();
    return (*builder)->totals(*areas);
  };
  AreaSeries series(areaSampleDates(d("2017-01-01"), d("2017-01-15"), {capture}));
  ASSERT_EQ(isoOf(series.dates()), (std::vector<std::string>{"2017-01-01", "2017-01-08", "2017-01-15"}));
  series.computeAll(totalsAt);
  ASSERT_TRUE(series.error().empty()) << series.error();
  ASSERT_EQ(series.controllers().size(), 2u);
  const size_t red = series.controllers()[0] == "red" ? 0 : 1, blue = 1 - red;
  EXPECT_EQ(series.controllers()[blue], "blue");

  // The island on the ellipsoid's mean sphere: R² Δλ (sin 36° - sin 30°), about 373,000 km².
  const double r = 6371.0, deg = std::numbers::pi / 180;
  const double island = r * r * 6 * deg * (std::sin(36 * deg) - std::sin(30 * deg));
  EXPECT_NEAR(series.km2(0, red), island / 2, island * 0.03);
  EXPECT_NEAR(series.km2(0, blue), island / 2, island * 0.03);
  EXPECT_NEAR(series.km2(1, red), island, island * 0.03);
  EXPECT_DOUBLE_EQ(series.km2(1, blue), 0);
  EXPECT_DOUBLE_EQ(series.km2(2, red), series.km2(1, red));
  EXPECT_DOUBLE_EQ(series.maxKm2(), series.km2(1, red));
}

}  // namespace
}  // namespace frontline
