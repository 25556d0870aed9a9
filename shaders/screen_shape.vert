#version 330 core
// Rectangles and circles in pixel coordinates (origin top-left, y down): panels, dots, scale bar.
layout(location = 0) in vec4 a_posLocal;  // xy: pixel position, zw: offset from the circle centre (pixels)
layout(location = 1) in vec2 a_shape;     // x: circle radius (0 = solid rectangle), y: stroke width
layout(location = 2) in vec4 a_fill;
layout(location = 3) in vec4 a_stroke;
uniform vec2 u_viewport;
out vec2 v_local;
flat out vec2 v_shape;
out vec4 v_fill;
out vec4 v_stroke;
void main() {
  gl_Position = vec4(a_posLocal.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_posLocal.y / u_viewport.y * 2.0, 0.0, 1.0);
  v_local = a_posLocal.zw;
  v_shape = a_shape;
  v_fill = a_fill;
  v_stroke = a_stroke;
}
