#include "render/gl/gl_objects.hpp"

#include <algorithm>
#include <vector>

#include "render/shader_sources.hpp"

namespace frontline::gl {

void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
void deleteProgram(GLuint id) { glDeleteProgram(id); }

Buffer makeBuffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return Buffer(id);
}
VertexArray makeVertexArray() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return VertexArray(id);
}
Texture makeTexture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return Texture(id);
}
Framebuffer makeFramebuffer() {
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  return Framebuffer(id);
}
Renderbuffer makeRenderbuffer() {
  GLuint id = 0;
  glGenRenderbuffers(1, &id);
  return Renderbuffer(id);
}

namespace {

Result<GLuint> compile(GLenum type, std::string_view name) {
  const std::string_view source = shaderSource(name);
  if (source.empty()) return makeError(ErrorKind::Internal, std::string(name), "no such embedded shader");
  GLuint shader = glCreateShader(type);
  const char* text = source.data();
  const auto length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint logLength = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &logLength);
    std::vector<char> log(static_cast<size_t>(std::max(logLength, 1)));
    glGetShaderInfoLog(shader, logLength, nullptr, log.data());
    glDeleteShader(shader);
    return makeError(ErrorKind::Render, "shaders/" + std::string(name), std::string("compile error: ") + log.data());
  }
  return shader;
}

}  // namespace

Result<Program> Program::fromEmbedded(std::string_view vertexName, std::string_view fragmentName) {
  auto vs = compile(GL_VERTEX_SHADER, vertexName);
  if (!vs) return vs.error();
  auto fs = compile(GL_FRAGMENT_SHADER, fragmentName);
  if (!fs) {
    glDeleteShader(*vs);
    return fs.error();
  }
  Program program;
  program.handle_ = ProgramHandle(glCreateProgram());
  glAttachShader(program.id(), *vs);
  glAttachShader(program.id(), *fs);
  glLinkProgram(program.id());
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = 0;
  glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint logLength = 0;
    glGetProgramiv(program.id(), GL_INFO_LOG_LENGTH, &logLength);
    std::vector<char> log(static_cast<size_t>(std::max(logLength, 1)));
    glGetProgramInfoLog(program.id(), logLength, nullptr, log.data());
    return makeError(ErrorKind::Render, "shaders/" + std::string(vertexName) + "+" + std::string(fragmentName),
                     std::string("link error: ") + log.data());
  }
  return program;
}

std::string pendingError() {
  switch (glGetError()) {
    case GL_NO_ERROR: return {};
    case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
    default: return "unknown GL error";
  }
}

}  // namespace frontline::gl
