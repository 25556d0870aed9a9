// Measures the territory model: the per-view setup (terrain grid, settlements) and the areas of
// one new interval, (1) for the bundled dataset, interval after interval as export and playback
// meet them, and (2) for N synthetic places and S synthetic settlements computed from scratch.
//   areas_bench [--places 1000] [--settlements 20000] [--runs 5] [--dataset FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "geo/gis/control_area_cache.hpp"
#include "geo/gis/control_areas.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/map_loader.hpp"

using namespace frontline;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

// CPU time of this thread, ms: on a busy machine wall time also counts other processes' turns.
double cpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void report(const char* what, std::vector<double> times) {
  if (times.empty()) return;
  std::sort(times.begin(), times.end());
  std::printf("%s: %zu runs, median %.1f ms, p90 %.1f ms, max %.1f ms\n", what, times.size(), times[times.size() / 2],
              times[times.size() * 9 / 10], times.back());
}

}  // namespace

int main(int argc, char** argv) {
  int places = 1000, settlements = 20000, runs = 5;
  std::string datasetPath = std::string(FRONTLINE_ASSET_DIR) + "/datasets/isis-2014-2019/dataset.toml";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--places")) places = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--settlements")) settlements = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dataset")) datasetPath = argv[i + 1];
  }
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(FRONTLINE_ASSET_DIR);
  source.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  source.focusCountries = {"IQ", "SY"};
  auto map = loadMap(source);
  if (!map) return std::fprintf(stderr, "%s\n", map.error().message().c_str()), 1;

  // (1) The bundled dataset.
  DatasetLoadOptions loadOptions;
  loadOptions.assetDir = FRONTLINE_ASSET_DIR;
  auto data = loadDataset(datasetPath, loadOptions);
  if (!data) return std::fprintf(stderr, "%s\n", data.error().message().c_str()), 1;
  const Dataset& dataset = data->dataset;
  std::vector<Vec2> placePoints;
  for (const PlaceTrack& p : dataset.timeline.places()) placePoints.push_back({p.lon, p.lat});
  AreaOptions options;
  options.capKm = dataset.settings.capKm;
  options.crossBorders = dataset.settings.crossBorders;
  options.focusCountries = dataset.settings.focusCountries;
  auto t0 = Clock::now();
  auto builder = ControlAreaBuilder::create(map->layers, map->projection, map->scene.metresPerUnit, options,
                                            map->scene.viewExtent, placePoints);
  if (!builder) return std::fprintf(stderr, "%s\n", builder.error().message().c_str()), 1;
  const double setupMs = ms(t0);
  const GridSpec& g = (*builder)->terrain().grid;
  std::printf("view setup (terrain %dx%d cells of %.1f km, %zu settlements): %.1f ms\n", g.cols, g.rows,
              g.cell * map->scene.metresPerUnit / 1000, (*builder)->settlements().size(), setupMs);
  {
    ControlAreaCache cache(dataset.timeline, **builder);
    std::vector<double> times, cpu;
    for (const Date& d : dataset.timeline.eventDates()) {
      const auto a = Clock::now();
      const double c = cpuMs();
      if (auto e = cache.at(d); !e) return std::fprintf(stderr, "%s\n", e.error().message().c_str()), 1;
      times.push_back(ms(a));
      cpu.push_back(cpuMs() - c);
    }
    std::printf("bundled dataset: %zu places, %zu intervals\n", dataset.timeline.places().size(), times.size());
    report("  one new interval, in date order (export, playback), wall", times);
    report("  one new interval, in date order (export, playback), CPU", cpu);
  }
  {
    // Scrubbing at random: intervals met out of order (the labelling is often rebuilt).
    auto shuffled = ControlAreaBuilder::create(map->layers, map->projection, map->scene.metresPerUnit, options,
                                               map->scene.viewExtent, placePoints);
    ControlAreaCache cache(dataset.timeline, **shuffled);
    std::vector<Date> dates = dataset.timeline.eventDates();
    std::shuffle(dates.begin(), dates.end(), std::mt19937(3));
    std::vector<double> times, cpu;
    for (const Date& d : dates) {
      const auto a = Clock::now();
      const double c = cpuMs();
      if (auto e = cache.at(d); !e) return 1;
      times.push_back(ms(a));
      cpu.push_back(cpuMs() - c);
    }
    report("  one new interval, in random order (scrubbing), wall", times);
    report("  one new interval, in random order (scrubbing), CPU", cpu);
  }

  // (2) Synthetic: N places and S settlements spread over Iraq and Syria.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(36.0, 48.0), lat(30.0, 37.0);
  BaseLayers layers = map->layers;
  layers.towns.clear();
  for (int i = 0; i < settlements; ++i) {
    Place p;
    p.featureClass = 'P';
    p.lon = lon(rng), p.lat = lat(rng);
    p.population = 500 + static_cast<int64_t>(rng() % 20000);
    layers.towns.push_back(p);
  }
  const char* controllers[] = {"a", "b", "c", "d", "e"};
  std::vector<ControlSite> sites;
  std::vector<Vec2> points;
  for (int i = 0; i < places; ++i) {
    ControlSite s;
    s.placeId = std::string("p").append(std::to_string(i));  // (GCC 12 -Wrestrict false positive on "p" + ...)
    s.name = s.placeId;
    s.lonLat = {lon(rng), lat(rng)};
    s.controller = controllers[i % 5];
    s.key = static_cast<size_t>(i);
    sites.push_back(s);
    points.push_back(s.lonLat);
  }
  t0 = Clock::now();
  auto synthetic = ControlAreaBuilder::create(layers, map->projection, map->scene.metresPerUnit, options,
                                              map->scene.viewExtent, points);
  if (!synthetic) return 1;
  std::printf("synthetic: %d places, %d settlements; view setup %.1f ms\n", places, settlements, ms(t0));
  std::vector<double> times, cpu;
  for (int r = 0; r < runs; ++r) {
    // A fresh builder state each run: no labelling to grow from.
    auto fresh = ControlAreaBuilder::create(layers, map->projection, map->scene.metresPerUnit, options,
                                            map->scene.viewExtent, points);
    if (!fresh) return 1;
    const auto a = Clock::now();
    const double c = cpuMs();
    auto areas = (*fresh)->build(sites);
    times.push_back(ms(a));
    cpu.push_back(cpuMs() - c);
    if (!areas) return std::fprintf(stderr, "%s\n", areas.error().message().c_str()), 1;
  }
  report("  areas for one new interval, from scratch, wall", times);
  report("  areas for one new interval, from scratch, CPU", cpu);
  return 0;
}
