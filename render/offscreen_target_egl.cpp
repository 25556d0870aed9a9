// OffscreenTarget on EGL (EGL_PLATFORM_SURFACELESS_MESA): no X server, no window.
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>
#include <string>

#include "render/gl/gl_objects.hpp"
#include "render/offscreen_target.hpp"

namespace frontline {
namespace {

std::string eglErrorText() {
  char buf[32];
  std::snprintf(buf, sizeof buf, "EGL error 0x%04x", eglGetError());
  return buf;
}

constexpr const char* kHint = "; headless rendering needs Mesa's EGL (apt-get install libegl-mesa0 libgl1-mesa-dri)";

}  // namespace

struct OffscreenTarget::Impl {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  int width = 0, height = 0, samples = 0;
  gl::Framebuffer msaaFbo, resolveFbo;
  gl::Renderbuffer msaaColor, resolveColor, depthStencil;

  ~Impl() {
    if (display != EGL_NO_DISPLAY) {
      if (context != EGL_NO_CONTEXT) {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);
        msaaFbo.reset(), resolveFbo.reset(), msaaColor.reset(), resolveColor.reset(), depthStencil.reset();
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
      }
      eglTerminate(display);
    }
  }

  Result<void> makeFramebuffers(int w, int h) {
    width = w, height = h;
    resolveColor = gl::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, resolveColor.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    resolveFbo = gl::makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColor.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      return makeError(ErrorKind::Render, "", "cannot create a " + std::to_string(w) + "x" + std::to_string(h) +
                                                  " framebuffer (" + gl::pendingError() + ")");
    if (samples > 1) {
      msaaColor = gl::makeRenderbuffer();
      glBindRenderbuffer(GL_RENDERBUFFER, msaaColor.id());
      glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
      depthStencil = gl::makeRenderbuffer();
      glBindRenderbuffer(GL_RENDERBUFFER, depthStencil.id());
      glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, w, h);
      msaaFbo = gl::makeFramebuffer();
      glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.id());
      glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaaColor.id());
      glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depthStencil.id());
      if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return makeError(ErrorKind::Render, "", "cannot create a multisampled framebuffer");
    } else {
      depthStencil = gl::makeRenderbuffer();
      glBindRenderbuffer(GL_RENDERBUFFER, depthStencil.id());
      glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
      glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo.id());
      glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depthStencil.id());
    }
    const std::string err = gl::pendingError();
    if (!err.empty()) return makeError(ErrorKind::Render, "", "framebuffer setup failed: " + err);
    return {};
  }
};

OffscreenTarget::OffscreenTarget(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OffscreenTarget::~OffscreenTarget() = default;

Result<std::unique_ptr<OffscreenTarget>> OffscreenTarget::create(int width, int height, int samples) {
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
    return makeError(ErrorKind::Usage, "", "image size must be 1..16384 pixels per side");
  auto impl = std::make_unique<Impl>();
  auto getPlatformDisplay =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!getPlatformDisplay)
    return makeError(ErrorKind::Render, "EGL", std::string("eglGetPlatformDisplayEXT is missing") + kHint);
  impl->display = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (impl->display == EGL_NO_DISPLAY || !eglInitialize(impl->display, nullptr, nullptr)) {
    impl->display = EGL_NO_DISPLAY;
    return makeError(ErrorKind::Render, "EGL", "no surfaceless EGL display (" + eglErrorText() + ")" + kHint);
  }
  if (!eglBindAPI(EGL_OPENGL_API))
    return makeError(ErrorKind::Render, "EGL", "desktop OpenGL is not available (" + eglErrorText() + ")");
  const EGLint configAttribs[] = {EGL_SURFACE_TYPE, 0, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8,
                                  EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (!eglChooseConfig(impl->display, configAttribs, &config, 1, &count) || count == 0)
    return makeError(ErrorKind::Render, "EGL", "no suitable EGL config (" + eglErrorText() + ")" + kHint);
  const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  impl->context = eglCreateContext(impl->display, config, EGL_NO_CONTEXT, contextAttribs);
  if (impl->context == EGL_NO_CONTEXT)
    return makeError(ErrorKind::Render, "EGL", "cannot create an OpenGL 3.3 core context (" + eglErrorText() + ")");
  if (!eglMakeCurrent(impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl->context))
    return makeError(ErrorKind::Render, "EGL", "cannot make the context current (" + eglErrorText() + ")");
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress)))
    return makeError(ErrorKind::Render, "EGL", "cannot load OpenGL functions");

  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  impl->samples = samples > 1 ? std::min(samples, static_cast<int>(maxSamples)) : 0;
  if (auto fb = impl->makeFramebuffers(width, height); !fb) return fb.error();
  return std::unique_ptr<OffscreenTarget>(new OffscreenTarget(std::move(impl)));
}

int OffscreenTarget::width() const { return impl_->width; }
int OffscreenTarget::height() const { return impl_->height; }
int OffscreenTarget::samples() const { return impl_->samples; }

void OffscreenTarget::beginFrame() {
  eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context);
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->samples > 1 ? impl_->msaaFbo.id() : impl_->resolveFbo.id());
  glViewport(0, 0, impl_->width, impl_->height);
}

void OffscreenTarget::endFrame() {
  if (impl_->samples > 1) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->msaaFbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, impl_->resolveFbo.id());
    glBlitFramebuffer(0, 0, impl_->width, impl_->height, 0, 0, impl_->width, impl_->height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->resolveFbo.id());
}

Result<void> OffscreenTarget::readPixelsInto(Image& image, bool flipToTopDown) {
  if (image.width != impl_->width || image.height != impl_->height) image = Image(impl_->width, impl_->height);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->resolveFbo.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, impl_->width, impl_->height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "reading pixels failed: " + err);
  if (flipToTopDown) {
    const size_t row = static_cast<size_t>(impl_->width) * 4;
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < impl_->height / 2; ++y) {
      uint8_t* a = image.pixel(0, y);
      uint8_t* b = image.pixel(0, impl_->height - 1 - y);
      std::memcpy(tmp.data(), a, row);
      std::memcpy(a, b, row);
      std::memcpy(b, tmp.data(), row);
    }
  }
  return {};
}

Result<Image> OffscreenTarget::readPixels() {
  Image image(impl_->width, impl_->height);
  if (auto r = readPixelsInto(image, true); !r) return r.error();
  return image;
}

Result<void> OffscreenTarget::resize(int width, int height) {
  if (width == impl_->width && height == impl_->height) return {};
  eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context);
  return impl_->makeFramebuffers(width, height);
}

}  // namespace frontline
