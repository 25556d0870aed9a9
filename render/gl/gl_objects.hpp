// Move-only RAII wrappers for OpenGL objects. Needs a current GL 3.3 core context both when an
// object is created and when it is destroyed.
#pragma once

#include <glad/gl.h>

#include <string>
#include <string_view>
#include <utility>

#include "geo/model/result.hpp"

namespace frontline::gl {

// Holds one GL name and deletes it with `Deleter` when it goes out of scope.
template <void (*Deleter)(GLuint)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(GLuint id) : id_(id) {}
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_) Deleter(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteRenderbuffer(GLuint id);
void deleteProgram(GLuint id);

using Buffer = Handle<deleteBuffer>;
using VertexArray = Handle<deleteVertexArray>;
using Texture = Handle<deleteTexture>;
using Framebuffer = Handle<deleteFramebuffer>;
using Renderbuffer = Handle<deleteRenderbuffer>;
using ProgramHandle = Handle<deleteProgram>;

Buffer makeBuffer();
VertexArray makeVertexArray();
Texture makeTexture();
Framebuffer makeFramebuffer();
Renderbuffer makeRenderbuffer();

// A linked shader program built from two embedded shader sources.
class Program {
 public:
  static Result<Program> fromEmbedded(std::string_view vertexName, std::string_view fragmentName);
  GLuint id() const { return handle_.id(); }
  GLint uniform(const char* name) const { return glGetUniformLocation(handle_.id(), name); }
  void use() const { glUseProgram(handle_.id()); }

 private:
  ProgramHandle handle_;
};

// "GL_OUT_OF_MEMORY" etc. for the pending GL error, or empty when there is none.
std::string pendingError();

}  // namespace frontline::gl
