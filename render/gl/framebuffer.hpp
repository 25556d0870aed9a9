// An RGBA8 framebuffer with depth/stencil, optionally multisampled, that can be resolved into
// another framebuffer. Offscreen and window targets both draw into one, so that anti-aliasing is
// the same everywhere. Needs a current GL context.
#pragma once

#include <string>

#include "geo/model/result.hpp"
#include "render/gl/gl_objects.hpp"

namespace frontline::gl {

class ColorFramebuffer {
 public:
  // samples <= 1: a plain framebuffer.
  static Result<ColorFramebuffer> create(int width, int height, int samples);

  GLuint id() const { return fbo_.id(); }
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }
  // Copies (and resolves) the colour into framebuffer `target` (0: the window) of the same size.
  void resolveInto(GLuint target) const;

 private:
  Framebuffer fbo_;
  Renderbuffer color_, depthStencil_;
  int width_ = 0, height_ = 0, samples_ = 0;
};

// A framebuffer whose colour is a texture (RGBA8), for layers that are drawn once and composited
// into many frames.
class TextureFramebuffer {
 public:
  static Result<TextureFramebuffer> create(int width, int height);
  GLuint id() const { return fbo_.id(); }
  GLuint texture() const { return texture_.id(); }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  Framebuffer fbo_;
  Texture texture_;
  int width_ = 0, height_ = 0;
};

}  // namespace frontline::gl
