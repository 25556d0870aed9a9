#version 330 core
// An area in one colour; optionally only inside a circle (a capture spreading outward from the
// captured place) and optionally hatched with a second colour (a contested place).
uniform vec4 u_color;
uniform vec3 u_circle;       // centre (map units, relative to the origin) and radius; radius < 0: no circle
uniform float u_upp;
uniform vec4 u_hatchColor;   // alpha 0: no hatching
uniform float u_hatchSpacing;  // stripe period in pixels
in vec2 v_map;
out vec4 o_color;
void main() {
  float coverage = 1.0;
  if (u_circle.z >= 0.0) {
    float distPx = (length(v_map - u_circle.xy) - u_circle.z) / u_upp;
    coverage = clamp(0.5 - distPx, 0.0, 1.0);  // a one-pixel soft edge
    if (coverage <= 0.0) discard;
  }
  vec4 c = u_color;
  if (u_hatchColor.a > 0.0) {
    // Diagonal stripes fixed to the screen, half in each colour.
    float t = fract((gl_FragCoord.x + gl_FragCoord.y) / u_hatchSpacing);
    float edge = clamp((abs(t - 0.5) - 0.25) * u_hatchSpacing + 0.5, 0.0, 1.0);
    c = mix(u_color, u_hatchColor, edge);
  }
  o_color = vec4(c.rgb, c.a * coverage);
}
