#include "geo/model/story.hpp"

#include <algorithm>

namespace frontline {

SlideView SlideView::centred(double lon, double lat, double widthKm) {
  SlideView v;
  v.kind = Kind::Centre;
  v.lon = lon;
  v.lat = lat;
  v.widthKm = widthKm;
  return v;
}

SlideView SlideView::boxed(const LonLatBox& box) {
  SlideView v;
  v.kind = Kind::Box;
  v.box = box;
  return v;
}

Date Story::first() const {
  Date d = slides.empty() ? Date() : slides.front().from;
  for (const Slide& s : slides) d = std::min(d, s.from);
  return d;
}

Date Story::last() const {
  Date d = slides.empty() ? Date() : slides.front().last();
  for (const Slide& s : slides) d = std::max(d, s.last());
  return d;
}

double Story::playSecondsOf(size_t index) const {
  if (index >= slides.size()) return playSeconds;
  return slides[index].playSeconds > 0 ? slides[index].playSeconds : playSeconds;
}

}  // namespace frontline
