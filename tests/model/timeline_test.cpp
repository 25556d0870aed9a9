// Timeline::controlAt follows a table of cases: before the first event, on the day, between,
// transition progress, month precision, equal dates, input order.
#include "geo/model/timeline.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace frontline {
namespace {

Date d(const char* text) { return *Date::parse(text); }

Event event(const char* place, const char* date, const char* controller,
            ControlStatus status = ControlStatus::Control, int row = 0) {
  // Strings built by construction: assigning a const char* trips a false -Wrestrict in GCC 12.
  Event e;
  e.placeId = std::string(place);
  e.placeName = e.placeId;
  e.date = d(date);
  e.controller = std::string(controller);
  e.status = status;
  e.where.file = std::string("events.csv");
  e.where.row = row;
  return e;
}

// Place A changes hands four times (the last two reports share a day); B has one report.
// Given out of order on purpose: the timeline sorts each place by date, stably.
std::vector<Event> sample() {
  return {
      event("A", "2017-03-05", "Z", ControlStatus::Control, 6),
      event("A", "2017-01-10", "X", ControlStatus::Control, 2),
      event("B", "2017-01-15", "X", ControlStatus::Control, 3),
      event("A", "2017-01-20", "Y", ControlStatus::Contested, 4),
      event("A", "2017-02", "Y", ControlStatus::Control, 5),  // month precision: 1 February
      event("A", "2017-03-05", "Z", ControlStatus::Besieged, 7),
  };
}

const PlaceState* find(const std::vector<PlaceState>& states, const std::string& id) {
  for (const PlaceState& s : states)
    if (s.place->id == id) return &s;
  return nullptr;
}

struct Case {
  const char* date;
  double fraction;
  // Place A: expected current row (0: A has no state yet), previous row (0: none), transition, changing.
  int currentRow, previousRow;
  double transition;
  bool changing;
  bool hasB;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.date << '+' << c.fraction; }

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = std::to_string(info.index) + "_" + info.param.date;
  for (char& ch : name)
    if (ch == '-') ch = '_';
  return name;
}

class ControlAtCases : public ::testing::TestWithParam<Case> {};

TEST_P(ControlAtCases, FollowsTheTable) {
  const Case& c = GetParam();
  const Timeline timeline = Timeline::build(sample(), 10);
  const auto states = timeline.controlAt(d(c.date), c.fraction);
  const PlaceState* a = find(states, "A");
  if (c.currentRow == 0) {
    EXPECT_EQ(a, nullptr);
  } else {
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->current->where.row, c.currentRow);
    EXPECT_EQ(a->previous ? a->previous->where.row : 0, c.previousRow);
    EXPECT_NEAR(a->transition, c.transition, 1e-9);
    EXPECT_EQ(a->changing(), c.changing);
  }
  EXPECT_EQ(find(states, "B") != nullptr, c.hasB);
}

INSTANTIATE_TEST_SUITE_P(
    Timeline, ControlAtCases,
    ::testing::Values(
        Case{"2017-01-09", 0, 0, 0, 0, false, false},    // before the first event: no state at all
        Case{"2017-01-09", 0.99, 0, 0, 0, false, false}, // a fraction of a day does not reach the next day
        Case{"2017-01-10", 0, 2, 0, 0, false, false},    // on the day: current, transition starts at 0
        Case{"2017-01-15", 0, 2, 0, 0.5, false, true},   // half way through a 10-day transition
        Case{"2017-01-19", 0, 2, 0, 0.9, false, true},   // the day before the next event
        Case{"2017-01-20", 0, 4, 2, 0, true, true},      // X -> Y: changing, from 0
        Case{"2017-01-25", 0.5, 4, 2, 0.55, true, true}, // fractional days count
        Case{"2017-01-31", 0, 4, 2, 1, false, true},     // transition over after 10 days
        Case{"2017-02-01", 0, 5, 4, 0, false, true},     // month precision = the 1st; same holder: no change
        Case{"2017-02-15", 0, 5, 4, 1, false, true},     // between events
        Case{"2017-03-05", 0, 7, 6, 0, false, true},     // equal dates: the later row is current
        Case{"2019-12-31", 0, 7, 6, 1, false, true}),    // after the last event: the last state holds
    caseName);

TEST(Timeline, GroupsByPlaceSortsStablyAndListsDistinctDates) {
  const Timeline t = Timeline::build(sample(), 10);
  ASSERT_EQ(t.places().size(), 2u);
  EXPECT_EQ(t.places()[0].id, "A");  // order of first appearance
  std::vector<int> rows;
  for (const Event& e : t.places()[0].events) rows.push_back(e.where.row);
  EXPECT_EQ(rows, (std::vector<int>{2, 4, 5, 6, 7}));
  ASSERT_EQ(t.eventDates().size(), 5u);  // 01-10, 01-15, 01-20, 02-01, 03-05
  EXPECT_EQ(t.first(), d("2017-01-10"));
  EXPECT_EQ(t.last(), d("2017-03-05"));
  EXPECT_EQ(t.intervalAt(d("2017-01-09")), 0u);
  EXPECT_EQ(t.intervalAt(d("2017-01-10")), 1u);
  EXPECT_EQ(t.intervalAt(d("2017-01-19")), 2u);
  EXPECT_EQ(t.intervalAt(d("2018-01-01")), 5u);
}

TEST(Timeline, ZeroTransitionDaysMeansInstantChanges) {
  const Timeline t = Timeline::build(sample(), 0);
  const auto states = t.controlAt(d("2017-01-20"));
  const PlaceState* a = find(states, "A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->transition, 1);
  EXPECT_FALSE(a->changing());
}

TEST(Timeline, EmptyTimelineHasNoStates) {
  const Timeline t = Timeline::build({}, 5);
  EXPECT_TRUE(t.empty());
  EXPECT_TRUE(t.controlAt(d("2017-01-01")).empty());
  EXPECT_EQ(t.intervalAt(d("2017-01-01")), 0u);
}

TEST(Timeline, ManyEventsPerPlaceMatchALinearScan) {
  // Checks the binary search against the obvious answer on uneven places (1..40 events).
  std::vector<Event> events;
  for (int p = 0; p < 40; ++p)
    for (int e = 0; e <= p; ++e) {
      Event ev = event("", "2017-01-01", e % 2 ? "X" : "Y", ControlStatus::Control, e);
      ev.placeId = std::to_string(p);
      ev.date = Date::fromDays(17000 + e * 3 + p % 3);
      events.push_back(ev);
    }
  const Timeline t = Timeline::build(events, 0);
  for (int day = 16990; day < 17140; day += 2) {
    const auto states = t.controlAt(Date::fromDays(day));
    for (const PlaceTrack& track : t.places()) {
      const Event* expected = nullptr;
      for (const Event& e : track.events)
        if (e.date.days() <= day) expected = &e;
      const PlaceState* s = find(states, track.id);
      EXPECT_EQ(s ? s->current : nullptr, expected) << track.id << " day " << day;
    }
  }
}

TEST(Timeline, InterleavedPlacesKeepTheirEventsInFileOrder) {
  // Rows of three places interleaved in every order, as a table lists them: each place's events
  // end up together, in file order for equal dates.
  std::vector<Event> events;
  const char* places[] = {"C", "A", "B", "A", "C", "C", "B", "A", "B", "C"};
  for (int row = 0; row < 10; ++row) events.push_back(event(places[row], "2017-05-01", "X", ControlStatus::Control, row));
  const Timeline t = Timeline::build(events, 0);
  ASSERT_EQ(t.places().size(), 3u);
  std::vector<std::vector<int>> rows;
  for (const PlaceTrack& track : t.places()) {
    rows.emplace_back();
    for (const Event& e : track.events) rows.back().push_back(e.where.row);
  }
  EXPECT_EQ(rows, (std::vector<std::vector<int>>{{0, 4, 5, 9}, {1, 3, 7}, {2, 6, 8}}));
}

TEST(Timeline, ACopyAnswersFromItsOwnEvents) {
  auto original = std::make_unique<Timeline>(Timeline::build(sample(), 10));
  const Timeline copy = *original;
  Timeline assigned;
  assigned = *original;
  original.reset();  // a copy that still pointed into the original would read freed memory here
  for (const Timeline* t : std::initializer_list<const Timeline*>{&copy, &assigned}) {
    ASSERT_EQ(t->places().size(), 2u);
    ASSERT_EQ(t->places()[0].events.size(), 5u);
    EXPECT_EQ(t->places()[0].events.back().where.row, 7);
    const auto states = t->controlAt(d("2017-01-25"));
    const PlaceState* a = find(states, "A");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->current->controller, "Y");
    EXPECT_EQ(a->current, &t->places()[0].events[1]);
  }
}

}  // namespace
}  // namespace frontline
