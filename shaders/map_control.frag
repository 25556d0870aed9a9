#version 330 core
// Areas of control from the territory model's grid: each pixel takes the place whose cost from
// the nearest grid cells is lowest (a smooth boundary between cells), in its holder's colour,
// lighter over empty land, hatched where contested, with the new holder's colour spreading out
// from the place while it changes hands, and a front line where two holders meet.
uniform isampler2D u_label;      // per cell: key * 2 + 1 if all 8 neighbours share the key, key * 2 else; -1 none
uniform sampler2D u_cost;        // per cell: cost from its place (map units)
uniform sampler2D u_inhabited;   // per cell: 0 empty land .. 1 settled (linear filtering)
uniform sampler2D u_sites;       // 4 texels per key (see control_layer.cpp)
uniform vec2 u_gridOrigin;       // map units relative to the scene origin
uniform float u_cell;
uniform ivec2 u_gridSize;
uniform int u_country;           // only places confined to this country (-1: any)
uniform float u_alpha;           // settled land
uniform float u_sparseAlpha;     // empty land (0: left blank)
uniform float u_upp;             // map units per pixel
uniform float u_frontWidth;      // pixels
uniform vec4 u_frontColor;
uniform float u_hatchSpacing;    // pixels
uniform float u_maxCost;         // a place's reach (cost units); beyond it the land stays blank
in vec2 v_map;
out vec4 o_color;

vec4 siteTexel(int key, int row) { return texelFetch(u_sites, ivec2(key % 1024, (key / 1024) * 4 + row), 0); }

bool usable(int key) {
  vec4 t3 = siteTexel(key, 3);
  return t3.w > 0.5 && (u_country < 0 || int(floor(t3.y + 0.5)) == u_country);
}

void main() {
  vec2 g = (v_map - u_gridOrigin) / u_cell;
  ivec2 base = ivec2(floor(g));
  if (base.x < 0 || base.y < 0 || base.x >= u_gridSize.x || base.y >= u_gridSize.y) discard;
  int k1 = -1;
  float d1 = 1e30, d2 = 1e30, c1 = -1.0;
  int centre = texelFetch(u_label, base, 0).r;
  if (centre >= 0 && (centre & 1) == 1) {
    // Inside a place's area: one candidate, no front.
    k1 = centre >> 1;
    if (!usable(k1)) discard;
    d1 = texelFetch(u_cost, base, 0).r + length(v_map - u_gridOrigin - (vec2(base) + 0.5) * u_cell);
    c1 = siteTexel(k1, 0).a;
  } else {
    int keys[9];
    float dists[9], ctrls[9];
    int n = 0;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        ivec2 c = base + ivec2(dx, dy);
        if (c.x < 0 || c.y < 0 || c.x >= u_gridSize.x || c.y >= u_gridSize.y) continue;
        int v = texelFetch(u_label, c, 0).r;
        if (v < 0) continue;
        int k = v >> 1;
        if (!usable(k)) continue;
        float d = texelFetch(u_cost, c, 0).r + length(v_map - u_gridOrigin - (vec2(c) + 0.5) * u_cell);
        keys[n] = k;
        dists[n] = d;
        ctrls[n] = siteTexel(k, 0).a;
        if (d < d1) {
          d1 = d;
          k1 = k;
          c1 = ctrls[n];
        }
        ++n;
      }
    if (k1 < 0) discard;
    for (int i = 0; i < n; ++i)
      if (ctrls[i] != c1) d2 = min(d2, dists[i]);
  }

  // The cap: a soft edge where the cheapest place's reach ends, not the grid's steps.
  float capFade = clamp(0.5 - (d1 - u_maxCost) / u_upp, 0.0, 1.0);
  if (capFade <= 0.0) discard;
  vec4 now = siteTexel(k1, 0), before = siteTexel(k1, 1), hatch = siteTexel(k1, 2), info = siteTexel(k1, 3);
  vec3 colour = now.rgb;
  float present = 1.0;
  if (before.a < 1.0) {
    // Changing hands: the new colour has reached `progress` of the place's area.
    float newness = clamp(0.5 - (d1 - before.a * info.x) / u_upp, 0.0, 1.0);
    if (info.z > 0.5) colour = mix(before.rgb, now.rgb, newness);
    else present = newness;  // nobody held it before: the area grows from nothing
  }
  if (hatch.a > 0.5) {
    float t = fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatchSpacing);
    float edge = clamp((abs(t - 0.5) - 0.25) * u_hatchSpacing + 0.5, 0.0, 1.0);
    colour = mix(colour, hatch.rgb, edge);
  }
  float settled = smoothstep(0.3, 0.7, texture(u_inhabited, g / vec2(u_gridSize)).r);
  float alpha = mix(u_sparseAlpha, u_alpha, settled) * present * capFade;
  if (d2 < 1e29) {
    float px = 0.5 * (d2 - d1) / u_upp;  // distance to where the two holders' costs are equal
    float line = clamp(0.5 * u_frontWidth + 0.5 - px, 0.0, 1.0) * u_frontColor.a;
    colour = mix(colour, u_frontColor.rgb, line);
    alpha = mix(alpha, 1.0, line);
  }
  if (alpha <= 0.0) discard;
  o_color = vec4(colour, alpha);
}
