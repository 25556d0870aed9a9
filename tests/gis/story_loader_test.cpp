// Story files: the format, its errors (file:line:column), and the bundled story.
#include "geo/gis/story_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "geo/gis/dataset_loader.hpp"

namespace frontline {
namespace {

TEST(StoryLoader, ReadsSlidesWithDatesRangesViewsAndSources) {
  auto story = parseStory(R"(
title = "Test"
transition_seconds = 1.5
play_seconds = 5

[[slide]]
date = 2014-06-10
title = "Mosul"
caption = "Falls."
sources = ["Reuters", "AP"]
view = { centre = [43.13, 36.34], width_km = 400 }

[[slide]]
from = "2016-10"
to = 2017-07-10
play_seconds = 9
source = "One source"
view = { bbox = [41.5, 35.5, 44.5, 37.0] }

[[slide]]
date = "2019-03-23"
title = "End"
)",
                          "story.toml");
  ASSERT_TRUE(story.ok()) << story.error().message();
  EXPECT_EQ(story->title, "Test");
  EXPECT_EQ(story->transitionSeconds, 1.5);
  ASSERT_EQ(story->slides.size(), 3u);
  const Slide& a = story->slides[0];
  EXPECT_EQ(a.from.iso(), "2014-06-10");
  EXPECT_FALSE(a.isRange());
  EXPECT_EQ(a.sources, (std::vector<std::string>{"Reuters", "AP"}));
  ASSERT_TRUE(a.view);
  EXPECT_EQ(a.view->kind, SlideView::Kind::Centre);
  EXPECT_EQ(a.view->lon, 43.13);
  EXPECT_EQ(a.view->widthKm, 400);
  EXPECT_EQ(a.where.text(), "story.toml:6:1");
  const Slide& b = story->slides[1];
  EXPECT_TRUE(b.isRange());
  EXPECT_EQ(b.from.iso(), "2016-10");
  EXPECT_EQ(b.last().iso(), "2017-07-10");
  EXPECT_EQ(story->playSecondsOf(1), 9);
  EXPECT_EQ(story->playSecondsOf(2), 5);
  EXPECT_EQ(b.view->kind, SlideView::Kind::Box);
  EXPECT_EQ(b.view->box.lat1, 37.0);
  EXPECT_FALSE(story->slides[2].view);
  EXPECT_EQ(story->first().iso(), "2014-06-10");
  EXPECT_EQ(story->last().iso(), "2019-03-23");
  // The second slide has no title: a warning, not an error.
  ASSERT_EQ(story->warnings.size(), 1u);
  EXPECT_NE(story->warnings[0].text().find("slide 2 has no title"), std::string::npos);
}

struct BadStory {
  const char* text;
  const char* where;  // expected Error::where
  const char* what;   // part of the message
};

TEST(StoryLoader, ErrorsNameTheLineAndColumn) {
  const BadStory cases[] = {
      {"title = \"x\"\n", "s.toml:1", "no slides"},
      {"[[slide]]\ntitle = \"x\"\n", "s.toml:1:1", "has no date"},
      {"[[slide]]\ndate = \"2017-02-30\"\n", "s.toml:2:8", "is not a date"},
      {"[[slide]]\nfrom = 2017-01-01\n", "s.toml:2:8", "needs both 'from' and 'to'"},
      {"[[slide]]\nfrom = 2017-05-01\nto = 2017-01-01\n", "s.toml:3:6", "is before 'from'"},
      {"[[slide]]\ndate = 2017-01-01\nfrom = 2017-01-01\nto = 2017-02-01\n", "s.toml:2:8", "use date for one day"},
      {"[[slide]]\ndate = 2017-01-01\nview = { centre = [43, 36] }\n", "s.toml:3:8", "needs centre"},
      {"[[slide]]\ndate = 2017-01-01\nview = { centre = [243, 36], width_km = 10 }\n", "s.toml:3:19", "longitude"},
      {"[[slide]]\ndate = 2017-01-01\nview = { bbox = [44, 30, 40, 35] }\n", "s.toml:3:17", "bbox"},
      {"[[slide]]\ndate = 2017-01-01\nview = { bbox = [1, 2, 3] }\n", "s.toml:3:17", "list of 4 numbers"},
      {"[[slide]]\ndate = 2017-01-01\ntitle = 3\n", "s.toml:3:9", "must be a string"},
      {"transition_seconds = -1\n[[slide]]\ndate = 2017-01-01\n", "s.toml:1:22", "between 0 and 60"},
      {"[[slide]\ndate = 2017-01-01\n", "s.toml:1:", "not valid TOML"},
      {"slide = 3\n", "s.toml:1:9", "[[slide]] tables"},
  };
  for (const BadStory& c : cases) {
    auto story = parseStory(c.text, "s.toml");
    ASSERT_FALSE(story.ok()) << c.text;
    EXPECT_EQ(story.error().where.rfind(c.where, 0), 0u) << c.text << " -> " << story.error().message();
    EXPECT_NE(story.error().what.find(c.what), std::string::npos) << c.text << " -> " << story.error().message();
  }
}

TEST(StoryLoader, UnknownKeysAreWarnings) {
  auto story = parseStory("speed = 3\n[[slide]]\ndate = 2017-01-01\ntitle = \"a\"\ncaptoin = \"typo\"\n", "s.toml");
  ASSERT_TRUE(story.ok());
  ASSERT_EQ(story->warnings.size(), 2u);
  EXPECT_EQ(story->warnings[0].where.text(), "s.toml:1:9");
  EXPECT_NE(story->warnings[1].what.find("'captoin'"), std::string::npos);
}

TEST(StoryLoader, MissingFilesAreInputErrors) {
  auto story = loadStory("/nonexistent/story.toml");
  ASSERT_FALSE(story.ok());
  EXPECT_EQ(story.error().kind, ErrorKind::Input);
  EXPECT_FALSE(storyBesideDataset("/nonexistent/events.csv").has_value());
}

// The bundled story loads without warnings, has 10+ slides in order from 2014 to 2019, and each
// slide's dates lie in the dataset's span with a report in its range (or the week up to its date),
// so the map shows the change the slide talks about.
TEST(StoryLoader, BundledStoryFitsTheBundledDataset) {
  const std::filesystem::path assets = FRONTLINE_SOURCE_DIR "/assets";
  const auto manifest = bundledDatasetPath(assets);
  const auto path = storyBesideDataset(manifest);
  ASSERT_TRUE(path.has_value());
  auto story = loadStory(*path);
  ASSERT_TRUE(story.ok()) << story.error().message();
  for (const StoryWarning& w : story->warnings) ADD_FAILURE() << w.text();
  ASSERT_GE(story->slides.size(), 10u);
  EXPECT_EQ(story->first().year(), 2014);
  EXPECT_EQ(story->last().year(), 2019);

  DatasetLoadOptions options;
  options.assetDir = assets;
  auto data = loadDataset(manifest, options);
  ASSERT_TRUE(data.ok());
  const Dataset& dataset = data->dataset;
  std::vector<int32_t> eventDays;
  for (const Date& d : dataset.timeline.eventDates()) eventDays.push_back(d.days());
  for (size_t i = 0; i < story->slides.size(); ++i) {
    const Slide& s = story->slides[i];
    EXPECT_FALSE(s.title.empty()) << "slide " << i + 1;
    EXPECT_FALSE(s.caption.empty()) << "slide " << i + 1;
    EXPECT_FALSE(s.sources.empty()) << "slide " << i + 1;
    EXPECT_GE(s.from, dataset.start()) << "slide " << i + 1;
    EXPECT_LE(s.last(), dataset.end()) << "slide " << i + 1;
    if (i > 0) {
      EXPECT_GE(s.from, story->slides[i - 1].from) << "slide " << i + 1 << " goes back in time";
    }
  }
  // Slide 3 is Sinjar on 3 August 2014 (the viewer test steps to it).
  EXPECT_EQ(story->slides[2].from.iso(), "2014-08-03");
  for (size_t i = 0; i < story->slides.size(); ++i) {
    const Slide& s = story->slides[i];
    const int32_t from = s.isRange() ? s.from.days() : s.from.days() - 7;  // a date: the week up to it
    bool reported = false;
    for (int32_t day : eventDays) reported |= day >= from && day <= s.last().days();
    EXPECT_TRUE(reported) << "slide " << i + 1 << " (" << s.title << ") has no report in its span";
  }
}

}  // namespace
}  // namespace frontline
