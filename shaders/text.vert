#version 330 core
// Text quads in pixel coordinates (origin top-left, y down).
layout(location = 0) in vec4 a_posUv;
layout(location = 1) in vec4 a_color;
layout(location = 2) in vec4 a_halo;
uniform vec2 u_viewport;
out vec2 v_uv;
out vec4 v_color;
out vec4 v_halo;
void main() {
  vec2 ndc = vec2(a_posUv.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_posUv.y / u_viewport.y * 2.0);
  gl_Position = vec4(ndc, 0.0, 1.0);
  v_uv = a_posUv.zw;
  v_color = a_color;
  v_halo = a_halo;
}
