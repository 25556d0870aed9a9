#version 330 core
uniform vec4 u_color;
uniform vec2 u_dash;  // dash and gap length in pixels; (0, 0) for a solid line
in float v_across;
in float v_along;
flat in float v_halfWidth;
out vec4 o_color;
void main() {
  if (u_dash.x > 0.0 && mod(v_along, u_dash.x + u_dash.y) > u_dash.x) discard;
  // Lines thinner than a pixel keep a pixel of footprint but fade with their width.
  float w = max(v_halfWidth, 0.5);
  float coverage = clamp(w + 0.5 - abs(v_across), 0.0, 1.0) * min(1.0, v_halfWidth * 2.0);
  o_color = vec4(u_color.rgb, u_color.a * coverage);
}
