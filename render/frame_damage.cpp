#include "render/frame_damage.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_set>

namespace frontline {
namespace {

// Damage is collected on a grid of 16 px tiles: any number of small boxes (segments of a changed
// outline) becomes a handful of rectangles.
constexpr int kTile = 16;
// Each redrawn rectangle repeats the frame's per-draw work (about as much as rasterising 200k
// pixels on llvmpipe), so two rectangles are merged when that adds less than this many pixels.
constexpr long long kMergeSlack = 200'000;

PixelRect unite(const PixelRect& a, const PixelRect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

struct MapBounds {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
  double x1 = -std::numeric_limits<double>::infinity(), y1 = x1;
  void add(const Vec2& p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  bool valid() const { return x0 <= x1 && y0 <= y1; }
};

ScreenBox toScreen(const MapBounds& b, const MapView& view, int w, int h) {
  const Vec2 p = mapToScreen(view, w, h, {b.x0, b.y0});
  const Vec2 q = mapToScreen(view, w, h, {b.x1, b.y1});
  return {static_cast<float>(std::min(p.x, q.x)), static_cast<float>(std::min(p.y, q.y)),
          static_cast<float>(std::max(p.x, q.x)), static_cast<float>(std::max(p.y, q.y))};
}

// Everything ControlLayer::drawAreas uses to draw one cell.
struct CellDraw {
  const ControlCell* cell = nullptr;
  const ControlSite* site = nullptr;
  const PlaceState* state = nullptr;  // only when the place is changing hands (transition drawn)
};

std::unordered_map<std::string, CellDraw> cellDraws(const ControlFrame& frame) {
  std::unordered_map<std::string, CellDraw> out;
  if (!frame.areas) return out;
  std::unordered_map<std::string, const PlaceState*> stateById;
  for (const PlaceState& s : frame.states) stateById[s.place->id] = &s;
  for (const ControlCell& cell : frame.areas->cells) {
    const ControlSite& site = frame.areas->sites[cell.site];
    CellDraw d{&cell, &site, nullptr};
    const auto found = stateById.find(site.placeId);
    if (found != stateById.end() && found->second->changing()) d.state = found->second;
    out.emplace(site.placeId, d);
  }
  return out;
}

bool sameTriangles(const std::vector<Triangle>& a, const std::vector<Triangle>& b) {
  if (&a == &b) return true;
  if (a.size() != b.size()) return false;
  auto same = [](const Vec2& p, const Vec2& q) { return p.x == q.x && p.y == q.y; };
  for (size_t i = 0; i < a.size(); ++i)
    if (!same(a[i].a, b[i].a) || !same(a[i].b, b[i].b) || !same(a[i].c, b[i].c)) return false;
  return true;
}

bool sameCellDraw(const CellDraw& a, const CellDraw& b) {
  if (!sameTriangles(a.cell->triangles, b.cell->triangles)) return false;
  if (a.site->controller != b.site->controller || a.site->status != b.site->status ||
      a.site->otherController != b.site->otherController)
    return false;
  if ((a.state == nullptr) != (b.state == nullptr)) return false;
  if (a.state) {
    // The previous holder's colour with the new one growing from the place.
    if (a.state->previous->controller != b.state->previous->controller) return false;
    if (a.state->transition != b.state->transition) return false;
    if (a.cell->reach != b.cell->reach || a.cell->position.x != b.cell->position.x ||
        a.cell->position.y != b.cell->position.y)
      return false;
  }
  return true;
}

MapBounds cellBounds(const ControlCell& cell) {
  MapBounds b;
  for (const Triangle& t : cell.triangles) b.add(t.a), b.add(t.b), b.add(t.c);
  return b;
}

// Outline segments of one controller, as drawn by ControlLayer (closed rings, both directions
// of a segment being the same pixels).
struct Segment {
  Vec2 a, b;
  bool operator==(const Segment& o) const { return a.x == o.a.x && a.y == o.a.y && b.x == o.b.x && b.y == o.b.y; }
};
struct SegmentHash {
  size_t operator()(const Segment& s) const {
    const std::hash<double> h;
    size_t v = h(s.a.x);
    for (double d : {s.a.y, s.b.x, s.b.y}) v = v * 1000003u ^ h(d);
    return v;
  }
};

Segment ordered(Vec2 a, Vec2 b) {
  if (b.x < a.x || (b.x == a.x && b.y < a.y)) std::swap(a, b);
  return {a, b};
}

void forEachRing(const std::vector<Polygon>& polygons, const std::function<void(const Ring&)>& fn) {
  for (const Polygon& p : polygons) {
    fn(p.outer);
    for (const Ring& hole : p.holes) fn(hole);
  }
}

std::unordered_set<Segment, SegmentHash> segmentsOf(const std::vector<Polygon>& polygons) {
  std::unordered_set<Segment, SegmentHash> out;
  forEachRing(polygons, [&](const Ring& ring) {
    for (size_t i = 0; i < ring.size(); ++i) out.insert(ordered(ring[i], ring[(i + 1) % ring.size()]));
  });
  return out;
}

bool samePolygons(const std::vector<Polygon>& a, const std::vector<Polygon>& b) {
  auto sameRing = [](const Ring& p, const Ring& q) {
    if (p.size() != q.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (p[i].x != q[i].x || p[i].y != q[i].y) return false;
    return true;
  };
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!sameRing(a[i].outer, b[i].outer) || a[i].holes.size() != b[i].holes.size()) return false;
    for (size_t k = 0; k < a[i].holes.size(); ++k)
      if (!sameRing(a[i].holes[k], b[i].holes[k])) return false;
  }
  return true;
}

const std::vector<Polygon>* polygonsOf(const ControlAreas& areas, const std::string& controller) {
  for (const ControllerArea& a : areas.byController)
    if (a.controller == controller) return &a.polygons;
  return nullptr;
}

}  // namespace

void Damage::add(const PixelRect& rect) {
  const PixelRect r{std::max(rect.x0, 0), std::max(rect.y0, 0), std::min(rect.x1, width_), std::min(rect.y1, height_)};
  if (!r.empty()) rects_.push_back(r);
}

void Damage::add(const ScreenBox& box, float pad) {
  if (!(box.x0 <= box.x1) || !(box.y0 <= box.y1)) return;  // also rejects NaN
  const double big = 1e7;
  auto lo = [&](float v) { return static_cast<int>(std::clamp(std::floor(static_cast<double>(v) - pad), -big, big)); };
  auto hi = [&](float v) { return static_cast<int>(std::clamp(std::ceil(static_cast<double>(v) + pad), -big, big)); };
  add(PixelRect{lo(box.x0), lo(box.y0), hi(box.x1), hi(box.y1)});
}

std::vector<PixelRect> Damage::rects(size_t maxRects) const {
  const PixelRect full{0, 0, width_, height_};
  if (all_) return {full};
  if (rects_.empty()) return {};
  // Mark the tiles, then read rectangles off the grid: runs of tiles per row, stacked where rows
  // have the same run.
  const int tw = (width_ + kTile - 1) / kTile, th = (height_ + kTile - 1) / kTile;
  std::vector<uint8_t> tiles(static_cast<size_t>(tw) * static_cast<size_t>(th), 0);
  for (const PixelRect& r : rects_)
    for (int ty = r.y0 / kTile; ty <= (r.y1 - 1) / kTile; ++ty)
      for (int tx = r.x0 / kTile; tx <= (r.x1 - 1) / kTile; ++tx) tiles[static_cast<size_t>(ty * tw + tx)] = 1;
  std::vector<PixelRect> out;
  std::vector<size_t> open;  // rectangles that end on the previous row of tiles
  for (int ty = 0; ty < th; ++ty) {
    std::vector<size_t> nextOpen;
    for (int tx = 0; tx < tw;) {
      if (!tiles[static_cast<size_t>(ty * tw + tx)]) {
        ++tx;
        continue;
      }
      int end = tx;
      while (end < tw && tiles[static_cast<size_t>(ty * tw + end)]) ++end;
      const PixelRect run{tx * kTile, ty * kTile, end * kTile, (ty + 1) * kTile};
      auto same = std::find_if(open.begin(), open.end(),
                               [&](size_t i) { return out[i].x0 == run.x0 && out[i].x1 == run.x1; });
      if (same != open.end()) {
        out[*same].y1 = run.y1;
        nextOpen.push_back(*same);
      } else {
        out.push_back(run);
        nextOpen.push_back(out.size() - 1);
      }
      tx = end;
    }
    open = std::move(nextOpen);
  }
  // Merge pairs while that is cheap or while there are too many.
  while (out.size() > 1) {
    size_t bi = 0, bj = 1;
    long long best = std::numeric_limits<long long>::max();
    for (size_t i = 0; i < out.size(); ++i)
      for (size_t j = i + 1; j < out.size(); ++j) {
        const long long extra = unite(out[i], out[j]).area() - out[i].area() - out[j].area();
        if (extra < best) best = extra, bi = i, bj = j;
      }
    if (best > kMergeSlack && out.size() <= maxRects) break;
    out[bi] = unite(out[bi], out[bj]);
    out.erase(out.begin() + static_cast<long>(bj));
  }
  long long total = 0;
  for (PixelRect& r : out) {
    r = {r.x0, r.y0, std::min(r.x1, width_), std::min(r.y1, height_)};
    total += r.area();
  }
  // Most of the frame: one full redraw is cheaper than several partial ones.
  if (total * 10 > full.area() * 7) return {full};
  return out;
}

void addControlDamage(const ControlFrame& before, const ControlFrame& after, const MapView& view, int width,
                      int height, float scale, const MapStyle& style,
                      const std::unordered_map<std::string, Vec2>& placeScreen, Damage& damage) {
  if (before.dataset != after.dataset || (before.areas == nullptr) != (after.areas == nullptr)) {
    damage.addAll();
    return;
  }
  if (!after.dataset) return;
  // One pixel of anti-aliasing around fills (the transition circle has a soft edge) and more.
  const float fillPad = 2;

  // Area fills, cell by cell.
  if (after.areas) {
    const auto a = cellDraws(before), b = cellDraws(after);
    for (const auto& [id, draw] : a) {
      const auto other = b.find(id);
      if (other != b.end() && sameCellDraw(draw, other->second)) continue;
      if (const MapBounds bounds = cellBounds(*draw.cell); bounds.valid())
        damage.add(toScreen(bounds, view, width, height), fillPad);
      if (other != b.end())
        if (const MapBounds bounds = cellBounds(*other->second.cell); bounds.valid())
          damage.add(toScreen(bounds, view, width, height), fillPad);
    }
    for (const auto& [id, draw] : b)
      if (!a.count(id))
        if (const MapBounds bounds = cellBounds(*draw.cell); bounds.valid())
          damage.add(toScreen(bounds, view, width, height), fillPad);

    // Outlines, per controller: the segments drawn in one frame and not the other. Where a ring
    // changed, its first vertex too (the closing join is drawn in another order there).
    if (before.areas != after.areas) {
      const float linePad = 0.5f * style.areaOutlineWidth * scale + 3;
      std::vector<std::string> controllers;
      for (const ControlFrame* f : {&before, &after})
        for (const ControllerArea& area : f->areas->byController) controllers.push_back(area.controller);
      std::sort(controllers.begin(), controllers.end());
      controllers.erase(std::unique(controllers.begin(), controllers.end()), controllers.end());
      static const std::vector<Polygon> kNone;
      for (const std::string& controller : controllers) {
        const std::vector<Polygon>* pa = polygonsOf(*before.areas, controller);
        const std::vector<Polygon>* pb = polygonsOf(*after.areas, controller);
        const std::vector<Polygon>& polyA = pa ? *pa : kNone;
        const std::vector<Polygon>& polyB = pb ? *pb : kNone;
        if (samePolygons(polyA, polyB)) continue;
        const auto segA = segmentsOf(polyA), segB = segmentsOf(polyB);
        auto addSegment = [&](const Segment& s) {
          MapBounds m;
          m.add(s.a), m.add(s.b);
          damage.add(toScreen(m, view, width, height), linePad);
        };
        for (const Segment& s : segA)
          if (!segB.count(s)) addSegment(s);
        for (const Segment& s : segB)
          if (!segA.count(s)) addSegment(s);
        for (const std::vector<Polygon>* polygons : {&polyA, &polyB})
          forEachRing(*polygons, [&](const Ring& ring) {
            if (!ring.empty()) addSegment({ring.front(), ring.front()});
          });
      }
    }
  }

  // Markers: colour and status per place.
  struct Marker {
    const std::string* controller;
    ControlStatus status;
  };
  auto markers = [](const ControlFrame& f) {
    std::unordered_map<std::string, Marker> out;
    for (const PlaceState& s : f.states) out[s.place->id] = {&s.current->controller, s.current->status};
    return out;
  };
  const auto ma = markers(before), mb = markers(after);
  // The largest marker: a besieged place's ring, plus its stroke and anti-aliasing.
  const float reach = (style.markerRadius + 3.5f + 2.0f) * scale + 2;
  auto addMarker = [&](const std::string& id) {
    const auto pos = placeScreen.find(id);
    if (pos == placeScreen.end()) return;
    const auto x = static_cast<float>(pos->second.x), y = static_cast<float>(pos->second.y);
    damage.add(ScreenBox{x, y, x, y}, reach);
  };
  for (const auto& [id, m] : ma) {
    const auto other = mb.find(id);
    if (other == mb.end() || *other->second.controller != *m.controller || other->second.status != m.status)
      addMarker(id);
  }
  for (const auto& [id, m] : mb)
    if (!ma.count(id)) addMarker(id);
}

}  // namespace frontline
