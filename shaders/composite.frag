#version 330 core
// Copies a cached layer pixel for pixel (layers are the size of the target).
uniform sampler2D u_layer;
out vec4 o_color;
void main() { o_color = texelFetch(u_layer, ivec2(gl_FragCoord.xy), 0); }
