#version 330 core
// Triangles in map units (relative to the scene origin) to clip space through the map view.
layout(location = 0) in vec2 a_pos;
uniform vec2 u_centre;    // view centre, map units relative to the scene origin
uniform float u_upp;      // map units per pixel
uniform vec2 u_viewport;  // pixels
void main() {
  vec2 px = (a_pos - u_centre) / u_upp;
  gl_Position = vec4(px / (u_viewport * 0.5), 0.0, 1.0);
}
