// Measures MapRenderer::draw alone at a given size on the offscreen target (llvmpipe here):
// frames drawn with glFinish after each, so the time includes the GPU (CPU rasteriser) work.
//   render_bench [--size 1920x1080] [--frames 60] [--samples 4]
#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "geo/gis/map_loader.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

using namespace frontline;
using Clock = std::chrono::steady_clock;

static double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int main(int argc, char** argv) {
  int width = 1920, height = 1080, frames = 60, samples = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--size")) std::sscanf(argv[i + 1], "%dx%d", &width, &height);
    else if (!std::strcmp(argv[i], "--frames")) frames = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--samples")) samples = std::atoi(argv[i + 1]);
  }
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(FRONTLINE_ASSET_DIR);
  source.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  source.focusCountries = {"IQ", "SY"};
  const auto t0 = Clock::now();
  auto map = loadMap(source);
  if (!map) return std::fprintf(stderr, "%s\n", map.error().message().c_str()), 1;
  const auto t1 = Clock::now();
  auto target = OffscreenTarget::create(width, height, 0);
  if (!target) return std::fprintf(stderr, "%s\n", target.error().message().c_str()), 1;
  const auto t2 = Clock::now();
  auto renderer = MapRenderer::create(map->scene, MapStyle{}, samples);
  if (!renderer) return std::fprintf(stderr, "%s\n", renderer.error().message().c_str()), 1;
  const auto t3 = Clock::now();

  FrameInput frame;
  frame.title = "Iraq and Syria";
  frame.view = fitView(map->scene.viewExtent, width, height);
  frame.scale = defaultScaleFor(width, height);
  std::vector<double> draw, readback;
  Image image;
  for (int i = 0; i < frames + 1; ++i) {
    frame.date = Date::fromDays(17000 + i);  // a new date each frame, as in an animation
    const auto a = Clock::now();
    if (auto r = (*renderer)->draw(frame, **target); !r) return std::fprintf(stderr, "%s\n", r.error().message().c_str()), 1;
    glFinish();
    const auto b = Clock::now();
    (void)(*target)->readPixelsInto(image, false);
    const auto c = Clock::now();
    if (i == 0) {
      std::printf("first frame (shader JIT, glyph rasterising): %.1f ms\n", ms(b - a));
      continue;
    }
    draw.push_back(ms(b - a));
    readback.push_back(ms(c - b));
  }
  // A pan on every frame (as when dragging in the viewer): the cached layers are redrawn each time.
  std::vector<double> panned;
  for (int i = 0; i < std::max(5, frames / 4); ++i) {
    frame.view.centre.x += frame.view.unitsPerPixel * 3;
    const auto a = Clock::now();
    if (auto r = (*renderer)->draw(frame, **target); !r) return std::fprintf(stderr, "%s\n", r.error().message().c_str()), 1;
    glFinish();
    panned.push_back(ms(Clock::now() - a));
  }
  auto report = [](const char* name, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    std::printf("%-28s median %6.2f ms   p90 %6.2f ms   min %6.2f ms\n", name, v[v.size() / 2],
                v[v.size() * 9 / 10], v.front());
  };
  std::printf("size %dx%d, %d frames, MSAA %d, scene: %zu land + %zu lake triangles, %zu towns\n", width, height,
              frames, samples, map->scene.land.size(), map->scene.lakes.size(), map->scene.towns.size());
  std::printf("load + project + tessellate: %.1f ms; GL context: %.1f ms; renderer setup: %.1f ms\n", ms(t1 - t0),
              ms(t2 - t1), ms(t3 - t2));
  report("draw, new date", draw);
  report("draw, new view (pan)", panned);
  report("glReadPixels", readback);
  renderer->reset();
  return 0;
}
