#include "render/map_style.hpp"

namespace frontline {

MapStyle MapStyle::projector() {
  MapStyle s;
  // Projectors wash out pale tones: stronger land/sea contrast, darker lines, bolder areas.
  s.sea = Rgba::hex("#9ec3dc");
  s.land = Rgba::hex("#d9d2c0");
  s.focusLand = Rgba::hex("#fbf8ef");
  s.coast = Rgba::hex("#3f6f8f");
  s.provinceLine = Rgba::hex("#7d7260");
  s.river = Rgba::hex("#2f6fb0");
  s.border = Rgba::hex("#2b261f");
  s.borderWidth = 2.2f;
  s.coastWidth = 1.2f;
  s.riverWidthMajor = 3.0f;
  s.riverWidthMid = 2.0f;
  s.areaAlpha = 0.58f;
  s.areaOutlineWidth = 1.8f;
  s.markerRadius = 6.0f;
  s.townText = Rgba::hex("#000000");
  s.townTextSize = 15.0f;
  s.majorTownTextSize = 17.0f;
  s.countryTextSize = 18.0f;
  s.legendTextSize = 16.0f;
  s.dateSize = 44.0f;
  s.titleSize = 26.0f;
  s.haloWidth = 2.0f;
  return s;
}

}  // namespace frontline
