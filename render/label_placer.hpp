// Greedy label placement: labels are offered in priority order and each takes the first of its
// candidate positions that overlaps nothing already placed (or reserved, like the title panel).
#pragma once

#include <optional>
#include <vector>

namespace frontline {

struct ScreenBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels, y down
  bool overlaps(const ScreenBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  ScreenBox grown(float by) const { return {x0 - by, y0 - by, x1 + by, y1 + by}; }
};

struct LabelRequest {
  float anchorX = 0, anchorY = 0;  // the point being labelled, pixels
  float width = 0, ascent = 0, descent = 0;
  float markerRadius = 0;  // a dot at the anchor that must stay clear (0: none)
  float gap = 4;           // distance between dot and text
  bool centred = false;    // centre the text on the anchor (area names) instead of beside it
  float padding = -1;      // distance kept from other labels; < 0: the placer's default
};

struct PlacedLabel {
  float x = 0, baselineY = 0;  // where to draw the text
  ScreenBox box;
};

class LabelPlacer {
 public:
  // Labels must stay `margin` pixels inside a width x height image and `padding` apart.
  LabelPlacer(float width, float height, float margin, float padding);

  void reserve(const ScreenBox& box);  // an area no label may cover
  // Tries right, left, upper right, lower right, above and below the anchor; nullopt if none fit.
  std::optional<PlacedLabel> place(const LabelRequest& request);
  // Takes `box` if it is free (for labels placed by other rules, like river names).
  bool tryOccupy(const ScreenBox& box);
  const std::vector<ScreenBox>& occupied() const { return occupied_; }

 private:
  bool fits(const ScreenBox& box, float padding) const;
  bool fits(const ScreenBox& box) const { return fits(box, padding_); }
  float width_, height_, margin_, padding_;
  std::vector<ScreenBox> occupied_;
};

}  // namespace frontline
