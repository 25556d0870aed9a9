// OffscreenTarget on EGL (EGL_PLATFORM_SURFACELESS_MESA): no X server, no window.
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>
#include <string>

#include "render/gl/framebuffer.hpp"
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
  int samples = 0;
  std::optional<gl::ColorFramebuffer> draw;     // multisampled when samples > 1
  std::optional<gl::ColorFramebuffer> resolved; // single-sampled copy for reading pixels

  ~Impl() {
    if (display != EGL_NO_DISPLAY) {
      if (context != EGL_NO_CONTEXT) {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);
        draw.reset();
        resolved.reset();
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
      }
      eglTerminate(display);
    }
  }

  Result<void> makeFramebuffers(int w, int h) {
    auto single = gl::ColorFramebuffer::create(w, h, 0);
    if (!single) return single.error();
    resolved = std::move(single).value();
    draw.reset();
    if (samples > 1) {
      auto multi = gl::ColorFramebuffer::create(w, h, samples);
      if (!multi) return multi.error();
      draw = std::move(multi).value();
    }
    return {};
  }
  const gl::ColorFramebuffer& drawTarget() const { return draw ? *draw : *resolved; }
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

int OffscreenTarget::width() const { return impl_->resolved->width(); }
int OffscreenTarget::height() const { return impl_->resolved->height(); }
int OffscreenTarget::samples() const { return impl_->samples; }

void OffscreenTarget::beginFrame() {
  eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context);
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->drawTarget().id());
  glViewport(0, 0, width(), height());
}

void OffscreenTarget::endFrame() {
  if (impl_->draw) impl_->draw->resolveInto(impl_->resolved->id());
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->resolved->id());
}

Result<void> OffscreenTarget::readPixelsInto(Image& image, bool flipToTopDown) {
  const int w = width(), h = height();
  if (image.width != w || image.height != h) image = Image(w, h);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->resolved->id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "reading pixels failed: " + err);
  if (flipToTopDown) {
    const size_t row = static_cast<size_t>(w) * 4;
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < h / 2; ++y) {
      uint8_t* a = image.pixel(0, y);
      uint8_t* b = image.pixel(0, h - 1 - y);
      std::memcpy(tmp.data(), a, row);
      std::memcpy(a, b, row);
      std::memcpy(b, tmp.data(), row);
    }
  }
  return {};
}

Result<Image> OffscreenTarget::readPixels() {
  Image image(width(), height());
  if (auto r = readPixelsInto(image, true); !r) return r.error();
  return image;
}

Result<void> OffscreenTarget::resize(int width, int height) {
  if (width == this->width() && height == this->height()) return {};
  eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context);
  return impl_->makeFramebuffers(width, height);
}

}  // namespace frontline
