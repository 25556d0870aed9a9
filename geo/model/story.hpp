// A story: the slides a teacher steps through in the viewer's presentation mode (and that
// `export --story` can render). A slide shows one date, or plays a range of dates, optionally over
// a chosen part of the map, with a title, a caption and its sources. Read from TOML by
// geo/gis/story_loader.hpp; the file format is documented there and in the README.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/model/date.hpp"
#include "geo/model/event.hpp"
#include "geo/model/lonlat_box.hpp"

namespace frontline {

// What part of the map a slide shows: a centre and how much ground fits across the screen, or a
// box shown whole (centred; the screen's aspect ratio adds room on two sides).
struct SlideView {
  enum class Kind { Centre, Box };
  Kind kind = Kind::Box;
  double lon = 0, lat = 0;  // Centre: the point in the middle of the screen (degrees)
  double widthKm = 0;       // Centre: ground distance across the screen's width
  LonLatBox box;            // Box: longitude/latitude rectangle

  static SlideView centred(double lon, double lat, double widthKm);
  static SlideView boxed(const LonLatBox& box);
};

struct Slide {
  Date from;               // the date shown, or the first date of the range played
  std::optional<Date> to;  // with a range: played from `from` to `to` once the slide is reached
  double playSeconds = 0;  // how long playing the range takes; 0: the story's default
  std::optional<SlideView> view;  // none: the previous slide's view (the first slide: the whole map)
  std::string title, caption;
  std::vector<std::string> sources;  // free text: publisher, headline, URL
  SourceLocation where;    // the slide's first line in the story file

  bool isRange() const { return to.has_value(); }
  Date last() const { return to ? *to : from; }  // the date the slide ends on
};

// A problem with a story file that does not stop it from being shown (e.g. an unknown key).
struct StoryWarning {
  SourceLocation where;
  std::string what;
  std::string text() const { return (where.file.empty() ? "" : where.text() + ": ") + what; }
};

struct Story {
  std::string source;  // the file it came from
  std::string title;
  double transitionSeconds = 2.0;  // moving between slides animates date and view this long
  double playSeconds = 8.0;        // default time to play a slide's range
  std::vector<Slide> slides;
  std::vector<StoryWarning> warnings;

  // The span the slides cover (first slide's `from` .. the latest date any slide reaches).
  // Only meaningful when there are slides.
  Date first() const;
  Date last() const;
  // The seconds slide `index` plays its range for (its own, or the story's default).
  double playSecondsOf(size_t index) const;
};

}  // namespace frontline
