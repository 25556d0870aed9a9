#include "render/label_placer.hpp"

namespace frontline {

LabelPlacer::LabelPlacer(float width, float height, float margin, float padding)
    : width_(width), height_(height), margin_(margin), padding_(padding) {}

void LabelPlacer::reserve(const ScreenBox& box) { occupied_.push_back(box); }

bool LabelPlacer::tryOccupy(const ScreenBox& box) {
  if (!fits(box)) return false;
  occupied_.push_back(box);
  return true;
}

bool LabelPlacer::fits(const ScreenBox& box, float padding) const {
  if (box.x0 < margin_ || box.y0 < margin_ || box.x1 > width_ - margin_ || box.y1 > height_ - margin_) return false;
  const ScreenBox padded = box.grown(padding);
  for (const ScreenBox& o : occupied_)
    if (padded.overlaps(o)) return false;
  return true;
}

std::optional<PlacedLabel> LabelPlacer::place(const LabelRequest& r) {
  const float h = r.ascent + r.descent;
  auto boxAt = [&](float x, float baseline) { return ScreenBox{x, baseline - r.ascent, x + r.width, baseline + r.descent}; };

  if (r.centred) {
    const float x = r.anchorX - r.width / 2, baseline = r.anchorY + (r.ascent - r.descent) / 2;
    const ScreenBox box = boxAt(x, baseline);
    if (!fits(box)) return std::nullopt;
    occupied_.push_back(box);
    return PlacedLabel{x, baseline, box};
  }

  const ScreenBox dot{r.anchorX - r.markerRadius, r.anchorY - r.markerRadius, r.anchorX + r.markerRadius,
                      r.anchorY + r.markerRadius};
  if (r.markerRadius > 0 && !fits(dot)) return std::nullopt;
  const float off = r.markerRadius + r.gap;
  const float midBaseline = r.anchorY + (r.ascent - r.descent) / 2;
  const float diag = off * 0.7f;
  const struct {
    float x, baseline;
  } spots[] = {
      {r.anchorX + off, midBaseline},                              // right
      {r.anchorX - off - r.width, midBaseline},                    // left
      {r.anchorX + diag, r.anchorY - diag - r.descent},            // upper right
      {r.anchorX + diag, r.anchorY + diag + r.ascent},             // lower right
      {r.anchorX - r.width / 2, r.anchorY - off - r.descent},      // above
      {r.anchorX - r.width / 2, r.anchorY + off + r.ascent},       // below
      {r.anchorX - diag - r.width, r.anchorY - diag - r.descent},  // upper left
      {r.anchorX - diag - r.width, r.anchorY + diag + r.ascent},   // lower left
  };
  (void)h;
  for (const auto& s : spots) {
    const ScreenBox box = boxAt(s.x, s.baseline);
    if (!fits(box, r.padding >= 0 ? r.padding : padding_) || (r.markerRadius > 0 && box.overlaps(dot))) continue;
    occupied_.push_back(box);
    if (r.markerRadius > 0) occupied_.push_back(dot);
    return PlacedLabel{s.x, s.baseline, box};
  }
  return std::nullopt;
}

}  // namespace frontline
