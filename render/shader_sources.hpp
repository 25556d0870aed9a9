// GLSL sources from shaders/, compiled into the binary so it runs from any directory.
#pragma once

#include <string_view>

namespace frontline {

// The text of shaders/<name> (e.g. "fill.vert"); empty if there is no such shader.
std::string_view shaderSource(std::string_view name);

}  // namespace frontline
