// Presentation mode's sequence of slides: which slide is showing, and the map time and view at any
// moment while moving between slides (both animate: time runs through the dates in between, the
// view glides and zooms) and while a slide plays its range of dates. Pure logic without SDL or
// GL: wall-clock seconds are handed in, so tests drive it with made-up timings.
#pragma once

#include <cstddef>
#include <vector>

#include "render/map_view.hpp"

namespace frontline {

// One slide as the player needs it: dates as day numbers (Date::days()) and a resolved view.
struct StoryStop {
  double from = 0, to = 0;  // equal for a one-day slide
  MapView view;
  double playSeconds = 0;   // how long from .. to plays (ignored when from == to)
};

class StoryPlayer {
 public:
  struct State {
    double day = 0;  // map time (day number with fraction)
    MapView view;
    bool settled = true;  // not moving: arrived, and any range has finished playing
  };

  StoryPlayer(std::vector<StoryStop> stops, double transitionSeconds);

  size_t size() const { return stops_.size(); }
  size_t index() const { return index_; }
  const StoryStop& stop(size_t i) const { return stops_[i]; }
  double transitionSeconds() const { return transition_; }

  // New views for the stops (the window changed size), keeping the current slide and timing.
  void setViews(const std::vector<MapView>& views);

  // Shows slide `i` (clamped) at once, at its first date; a range starts playing at `now`.
  void jumpTo(size_t i, double now);
  // Moves from `from` (what is on screen now) to slide `i` (clamped), starting at `now`.
  void goTo(size_t i, double now, const State& from);
  // Next / previous slide from where the animation is at `now`; false at either end.
  bool next(double now);
  bool previous(double now);
  // Plays the current slide again from the start of its transition.
  void restart(double now, const State& from) { goTo(index_, now, from); }

  State at(double now) const;

 private:
  std::vector<StoryStop> stops_;
  double transition_ = 2;
  size_t index_ = 0;
  double start_ = 0;     // when the move to index_ began
  double duration_ = 0;  // of that move (0: no move needed)
  State from_;
};

// Eases 0..1 in and out (smoothstep); clamps outside.
double easeInOut(double t);
// A view between `a` (t = 0) and `b` (t = 1): the centre moves in a straight line, the zoom changes
// at a constant rate (geometric interpolation of units per pixel).
MapView interpolateView(const MapView& a, const MapView& b, double t);

}  // namespace frontline
