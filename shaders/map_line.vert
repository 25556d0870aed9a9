#version 330 core
// Polyline segments expanded to screen-space quads: width is in pixels whatever the zoom.
layout(location = 0) in vec4 a_ab;    // segment start and end, map units relative to the scene origin
layout(location = 1) in vec4 a_info;  // x: 0 at start / 1 at end, y: side -1/+1, z: distance at start (map units), w: width px
uniform vec2 u_centre;
uniform float u_upp;
uniform vec2 u_viewport;
uniform float u_widthScale;  // output scale factor times the style's width multiplier
out float v_across;
out float v_along;
flat out float v_halfWidth;
void main() {
  vec2 pa = (a_ab.xy - u_centre) / u_upp;
  vec2 pb = (a_ab.zw - u_centre) / u_upp;
  vec2 d = pb - pa;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float halfWidth = 0.5 * a_info.w * u_widthScale;
  float reach = halfWidth + 1.0;  // one more pixel for the anti-aliased edge
  float endSign = a_info.x * 2.0 - 1.0;
  // Extending each segment by half its width past both ends closes the gaps at joins.
  vec2 p = mix(pa, pb, a_info.x) + normal * a_info.y * reach + dir * endSign * halfWidth;
  gl_Position = vec4(p / (u_viewport * 0.5), 0.0, 1.0);
  v_across = a_info.y * reach;
  v_along = a_info.z / u_upp + a_info.x * len + endSign * halfWidth;
  v_halfWidth = halfWidth;
}
