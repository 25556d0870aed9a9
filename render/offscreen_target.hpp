// Headless render target: an EGL surfaceless context (Mesa llvmpipe works) and a multisampled
// framebuffer resolved into a plain one for reading pixels. Needs no display server.
#pragma once

#include <memory>

#include "render/render_target.hpp"

namespace frontline {

class OffscreenTarget : public RenderTarget {
 public:
  // samples: MSAA sample count (0 or 1 disables multisampling; clamped to what the driver has).
  static Result<std::unique_ptr<OffscreenTarget>> create(int width, int height, int samples = 0);
  ~OffscreenTarget() override;

  int width() const override;
  int height() const override;
  void beginFrame() override;
  void endFrame() override;
  Result<Image> readPixels() override;
  // Reads into an existing buffer (no allocation per frame); rows bottom-up when flip is false.
  Result<void> readPixelsInto(Image& image, bool flipToTopDown = true);

  // Changes the framebuffer size, keeping the context (and everything created in it).
  Result<void> resize(int width, int height);
  int samples() const;

 private:
  struct Impl;
  explicit OffscreenTarget(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
