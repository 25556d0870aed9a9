#version 330 core
// R = glyph coverage, G = halo coverage; the glyph is drawn over its halo.
uniform sampler2D u_atlas;
in vec2 v_uv;
in vec4 v_color;
in vec4 v_halo;
out vec4 o_color;
void main() {
  vec2 cov = texture(u_atlas, v_uv).rg;
  float haloA = max(cov.g, cov.r) * v_halo.a;
  float textA = cov.r * v_color.a;
  float a = textA + haloA * (1.0 - textA);
  vec3 rgb = a > 0.0 ? (v_color.rgb * textA + v_halo.rgb * haloA * (1.0 - textA)) / a : vec3(0.0);
  o_color = vec4(rgb, a);
}
