#include "render/frame_damage.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>
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

// Everything the control layer's shader reads for one place (by key): equal draws, equal pixels.
struct SiteDraw {
  // Actor ids (views of the sites' and events' ids; empty: none).
  std::string_view controller;
  std::string_view other;     // contested: hatched in this holder's colour
  std::string_view previous;  // changing hands: the colour being replaced
  double progress = 1;
  ControlStatus status = ControlStatus::Control;
  bool operator==(const SiteDraw& o) const {
    return controller == o.controller && other == o.other && previous == o.previous && progress == o.progress &&
           status == o.status;
  }
};

std::vector<SiteDraw> siteDraws(const ControlFrame& frame) {
  std::vector<SiteDraw> out;
  if (!frame.areas) return out;
  const ControlAreas& areas = *frame.areas;
  std::unordered_map<std::string, const PlaceState*> stateById;
  for (const PlaceState& s : frame.states) stateById[s.place->id] = &s;
  out.resize(areas.siteOfKey.size());
  for (size_t key = 0; key < areas.siteOfKey.size(); ++key) {
    const int32_t i = areas.siteOfKey[key];
    if (i < 0) continue;
    const ControlSite& site = areas.sites[static_cast<size_t>(i)];
    SiteDraw& d = out[key];
    d.controller = site.controller;
    d.status = site.status;
    if (site.status == ControlStatus::Contested && !site.otherController.empty()) d.other = site.otherController;
    const auto found = stateById.find(site.placeId);
    const PlaceState* state = found == stateById.end() ? nullptr : found->second;
    if (state && state->transition < 1) {
      d.progress = state->transition;
      if (state->previous) {
        d.previous = state->previous->controller.view();
        if (state->previous->controller == site.controller) d.progress = 1, d.previous = {};
      }
    }
  }
  return out;
}

MapBounds cellsBounds(const GridSpec& g, int c0, int r0, int c1, int r1, double padCells) {
  MapBounds b;
  b.add({g.x0 + (c0 - padCells) * g.cell, g.y0 + (r0 - padCells) * g.cell});
  b.add({g.x0 + (c1 + 1 + padCells) * g.cell, g.y0 + (r1 + 1 + padCells) * g.cell});
  return b;
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

  // Area fills: a place whose draw changed repaints its cells and, for the front lines and the
  // smooth boundary, the neighbouring cells' pixels (the shader looks one cell around).
  if (after.areas && before.areas) {
    const ControlAreas& A = *before.areas;
    const ControlAreas& B = *after.areas;
    if (A.terrain != B.terrain || !A.labelling || !B.labelling) {
      damage.addAll();
      return;
    }
    const GridSpec& g = B.terrain->grid;
    const float pad = 0.5f * style.frontLineWidth * scale + 3;
    const double padCells = 1.5;
    auto addCells = [&](int c0, int r0, int c1, int r1) {
      if (c1 < c0 || r1 < r0) return;
      damage.add(toScreen(cellsBounds(g, c0, r0, c1, r1, padCells), view, width, height), pad);
    };
    if (A.labelling != B.labelling) {
      // Cells that changed hands between the two labellings.
      int c0 = g.cols, r0 = g.rows, c1 = -1, r1 = -1;
      for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
          const size_t i = g.index(c, r);
          if (A.labelling->site[i] == B.labelling->site[i] && A.labelling->cost[i] == B.labelling->cost[i]) continue;
          c0 = std::min(c0, c), r0 = std::min(r0, r), c1 = std::max(c1, c), r1 = std::max(r1, r);
        }
      addCells(c0, r0, c1, r1);
    }
    const auto da = siteDraws(before), db = siteDraws(after);
    const size_t keys = std::max(da.size(), db.size());
    static const SiteDraw kNone;
    for (size_t key = 0; key < keys; ++key) {
      const SiteDraw& x = key < da.size() ? da[key] : kNone;
      const SiteDraw& y = key < db.size() ? db[key] : kNone;
      const bool extentsSame = key < A.labelling->extent.size() && key < B.labelling->extent.size() &&
                               A.labelling->extent[key].reach == B.labelling->extent[key].reach;
      if (x == y && (extentsSame || (x.progress == 1 && y.progress == 1))) continue;
      for (const Labelling* L : {A.labelling.get(), B.labelling.get()})
        if (key < L->extent.size() && !L->extent[key].empty()) {
          const SiteExtent& e = L->extent[key];
          addCells(e.c0, e.r0, e.c1, e.r1);
        }
    }
  }

  // Markers: colour and status per place.
  struct Marker {
    std::string_view controller;
    ControlStatus status;
  };
  auto markers = [](const ControlFrame& f) {
    std::unordered_map<std::string, Marker> out;
    for (const PlaceState& s : f.states) out[s.place->id] = {s.current->controller.view(), s.current->status};
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
    if (other == mb.end() || other->second.controller != m.controller || other->second.status != m.status)
      addMarker(id);
  }
  for (const auto& [id, m] : mb)
    if (!ma.count(id)) addMarker(id);
}

}  // namespace frontline
