// Where MapRenderer draws: an offscreen framebuffer (headless) or a window. Both own their GL
// context; MapRenderer and other GL objects must be created after the target and destroyed first.
#pragma once

#include "geo/model/result.hpp"
#include "render/image.hpp"

namespace frontline {

class RenderTarget {
 public:
  virtual ~RenderTarget() = default;
  virtual int width() const = 0;
  virtual int height() const = 0;
  // Makes the context current and binds the framebuffer to draw into, with the viewport set.
  virtual void beginFrame() = 0;
  // Finishes the frame (resolves multisampling; a window presents it on the next swap).
  virtual void endFrame() = 0;
  // The finished frame's pixels, top row first.
  virtual Result<Image> readPixels() = 0;
};

}  // namespace frontline
