// Measures deriving areas of control (Voronoi within the cap, clipped to land and countries,
// tessellated, unioned per controller) for N places on one date, on the bundled base map.
//   areas_bench [--places 1000] [--runs 5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "geo/gis/control_areas.hpp"
#include "geo/gis/map_loader.hpp"

using namespace frontline;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  int places = 1000, runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--places")) places = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
  }
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(FRONTLINE_ASSET_DIR);
  source.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  source.focusCountries = {"IQ", "SY"};
  auto map = loadMap(source);
  if (!map) return std::fprintf(stderr, "%s\n", map.error().message().c_str()), 1;
  const auto t0 = Clock::now();
  auto builder = ControlAreaBuilder::create(map->layers, map->projection, map->scene.metresPerUnit, {35, false});
  if (!builder) return std::fprintf(stderr, "%s\n", builder.error().message().c_str()), 1;
  const double setupMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  // Places spread over Iraq and Syria (uniform in the box; some fall outside land, as real data may).
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(36.0, 48.0), lat(30.0, 37.0);
  const char* controllers[] = {"a", "b", "c", "d", "e"};
  std::vector<ControlSite> sites;
  for (int i = 0; i < places; ++i) {
    ControlSite s;
    s.placeId = std::string("p").append(std::to_string(i));  // (GCC 12 -Wrestrict false positive on "p" + ...)
    s.name = s.placeId;
    s.lonLat = {lon(rng), lat(rng)};
    s.controller = controllers[i % 5];
    sites.push_back(s);
  }
  std::vector<double> times;
  size_t cells = 0;
  for (int r = 0; r < runs; ++r) {
    const auto a = Clock::now();
    auto areas = (*builder)->build(sites);
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    if (!areas) return std::fprintf(stderr, "%s\n", areas.error().message().c_str()), 1;
    cells = areas->cells.size();
  }
  std::sort(times.begin(), times.end());
  std::printf("builder setup (land + countries prepared): %.1f ms\n", setupMs);
  std::printf("%d places -> %zu cells with land, %d runs: median %.1f ms, min %.1f ms, max %.1f ms\n", places, cells,
              runs, times[times.size() / 2], times.front(), times.back());
  return 0;
}
