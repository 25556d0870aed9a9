#version 330 core
// Areas of control: triangles in map units (relative to the scene origin).
layout(location = 0) in vec2 a_pos;
uniform vec2 u_centre;
uniform float u_upp;
uniform vec2 u_viewport;
out vec2 v_map;
void main() {
  v_map = a_pos;
  vec2 px = (a_pos - u_centre) / u_upp;
  gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
}
