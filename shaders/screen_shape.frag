#version 330 core
in vec2 v_local;
flat in vec2 v_shape;
in vec4 v_fill;
in vec4 v_stroke;
out vec4 o_color;
void main() {
  if (v_shape.x <= 0.0) {
    o_color = v_fill;
    return;
  }
  float d = length(v_local);
  float outer = clamp(v_shape.x + 0.5 - d, 0.0, 1.0);
  float inner = clamp(v_shape.x - v_shape.y + 0.5 - d, 0.0, 1.0);
  vec4 c = mix(v_stroke, v_fill, inner);
  o_color = vec4(c.rgb, c.a * outer);
}
