// How the map looks: colours, line widths and text sizes at scale 1 (a 1920x1080 image).
// Sizes are multiplied by the frame's scale factor so larger outputs are not tiny.
#pragma once

#include <string>

#include "render/color.hpp"

namespace frontline {

struct MapStyle {
  // Presets: the default look, and a high-contrast one for projectors in lit classrooms.
  static MapStyle standard() { return {}; }
  static MapStyle projector();

  Rgba sea = Rgba::hex("#c6d9e4");
  Rgba land = Rgba::hex("#e4dfd3");
  Rgba focusLand = Rgba::hex("#f6f3ea");
  Rgba coast = Rgba::hex("#7f9fb3");
  Rgba lakes = Rgba::hex("#c6d9e4");
  Rgba provinceLine = Rgba::hex("#a99f8e");
  Rgba river = Rgba::hex("#5b93c0");
  Rgba riverText = Rgba::hex("#2f6690");
  Rgba border = Rgba::hex("#5e5649");
  Rgba borderCasing = Rgba::hex("#ffffffa0");
  Rgba townDot = Rgba::hex("#2b2b2b");
  Rgba townDotStroke = Rgba::hex("#ffffff");
  Rgba townText = Rgba::hex("#1f1f1f");
  Rgba otherTownText = Rgba::hex("#6e6a62");  // towns outside the focus countries
  Rgba otherTownDot = Rgba::hex("#8a857b");
  Rgba textHalo = Rgba::hex("#ffffffd8");
  Rgba countryText = Rgba::hex("#8a806f");
  Rgba panel = Rgba::hex("#ffffffe0");
  Rgba panelText = Rgba::hex("#1d2731");
  Rgba dateText = Rgba::hex("#9b2226");
  Rgba attributionText = Rgba::hex("#4a4a4a");

  float coastWidth = 0.9f;
  float provinceWidth = 0.9f;
  float provinceDash = 5.0f, provinceGap = 3.0f;
  float borderWidth = 1.6f;
  float borderCasingWidth = 4.5f;
  float riverWidthMajor = 2.4f;  // scalerank <= 2
  float riverWidthMid = 1.6f;    // scalerank <= 5
  float riverWidthMinor = 1.0f;

  float areaAlpha = 0.42f;          // areas of control over the base map
  float areaOutlineWidth = 1.3f;
  float sparseLandShare = 0.5f;      // empty land is tinted this share of areaAlpha ("nominal" control)
  Rgba frontLine = Rgba::hex("#3a2a22e6");  // where two holders' areas meet
  float frontLineWidth = 2.2f;
  float markerRadius = 5.0f;         // places in the dataset
  Rgba siegeRing = Rgba::hex("#b2182b");
  Rgba legendText = Rgba::hex("#1d2731");
  float legendTextSize = 14.0f;

  float townTextSize = 13.5f;
  float majorTownTextSize = 15.5f;  // population >= 750,000
  float townDotRadius = 3.0f;
  float countryTextSize = 16.0f;
  float riverTextSize = 14.0f;
  float titleSize = 24.0f;
  float dateSize = 38.0f;
  float smallTextSize = 11.5f;
  float haloWidth = 1.6f;

  bool colourBlindPalette = false;  // replace the dataset's actor colours with Okabe-Ito

  std::string attribution = "Base map: Natural Earth (public domain) \xC2\xB7 Places: GeoNames (CC BY 4.0)";
};

}  // namespace frontline
