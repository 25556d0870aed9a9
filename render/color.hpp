// Colours for styles and vertex data: straight (non-premultiplied) RGBA, 0..1.
#pragma once

#include <cstdint>
#include <string_view>

namespace frontline {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;

  // "#rrggbb" or "#rrggbbaa"; anything else gives magenta so mistakes are visible.
  static constexpr Rgba hex(std::string_view text) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6 && text.size() != 8) return {1, 0, 1, 1};
    float v[4] = {0, 0, 0, 1};
    for (size_t i = 0; i < text.size() / 2; ++i) {
      const int hi = nibble(text[2 * i]), lo = nibble(text[2 * i + 1]);
      if (hi < 0 || lo < 0) return {1, 0, 1, 1};
      v[i] = static_cast<float>(hi * 16 + lo) / 255.0f;
    }
    return {v[0], v[1], v[2], v[3]};
  }
  constexpr Rgba withAlpha(float alpha) const { return {r, g, b, alpha}; }
  // 8-bit channels for vertex data.
  void toBytes(uint8_t out[4]) const {
    const float v[4] = {r, g, b, a};
    for (int i = 0; i < 4; ++i) {
      const float c = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
      out[i] = static_cast<uint8_t>(c * 255.0f + 0.5f);
    }
  }
};

}  // namespace frontline
