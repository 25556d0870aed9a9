#include "render/gl/framebuffer.hpp"

namespace frontline::gl {

Result<ColorFramebuffer> ColorFramebuffer::create(int width, int height, int samples) {
  ColorFramebuffer fb;
  fb.width_ = width;
  fb.height_ = height;
  fb.samples_ = samples > 1 ? samples : 0;
  fb.color_ = makeRenderbuffer();
  fb.depthStencil_ = makeRenderbuffer();
  fb.fbo_ = makeFramebuffer();
  glBindRenderbuffer(GL_RENDERBUFFER, fb.color_.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, fb.samples_, GL_RGBA8, width, height);
  glBindRenderbuffer(GL_RENDERBUFFER, fb.depthStencil_.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, fb.samples_, GL_DEPTH24_STENCIL8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fb.fbo_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fb.color_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, fb.depthStencil_.id());
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  const std::string err = pendingError();
  if (status != GL_FRAMEBUFFER_COMPLETE || !err.empty())
    return makeError(ErrorKind::Render, "",
                     "cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " framebuffer with " +
                         std::to_string(fb.samples_) + " samples" + (err.empty() ? "" : " (" + err + ")"));
  return fb;
}

void ColorFramebuffer::resolveInto(GLuint target) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

Result<TextureFramebuffer> TextureFramebuffer::create(int width, int height) {
  TextureFramebuffer fb;
  fb.width_ = width;
  fb.height_ = height;
  fb.texture_ = makeTexture();
  glBindTexture(GL_TEXTURE_2D, fb.texture_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  fb.fbo_ = makeFramebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, fb.fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, fb.texture_.id(), 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  const std::string err = pendingError();
  if (status != GL_FRAMEBUFFER_COMPLETE || !err.empty())
    return makeError(ErrorKind::Render, "",
                     "cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " layer texture" +
                         (err.empty() ? "" : " (" + err + ")"));
  return fb;
}

}  // namespace frontline::gl
