// Measures the gazetteer on the bundled data and the labelled list of real spellings:
// load + index time, single-thread lookups per second (and on misspelled names, the slow path), top-1 accuracy (within 15 km) with and
// without country hints, the same without the extras file's aliases (the matcher alone), the
// accuracy of a plain exact-name lookup, and memory (index bytes, peak RSS from /proc/self/status).
//   gazetteer_bench [--runs 10] [--repeat 200] [--assets DIR] [--variants FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gazetteer/alias_reader.hpp"
#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/gazetteer/gazetteer_loader.hpp"
#include "geo/gazetteer/geonames_reader.hpp"

using namespace frontline;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kToleranceKm = 15;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Variant {
  std::string spelling, countryHint;
  double lat = 0, lon = 0;
};

std::vector<Variant> readVariants(const std::string& path) {
  std::ifstream in(path);
  std::vector<Variant> rows;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
    if (f.size() < 5) continue;
    rows.push_back({f[0], f[4], std::atof(f[2].c_str()), std::atof(f[3].c_str())});
  }
  return rows;
}

long statusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  return -1;
}

bool near(const Place& p, const Variant& v) { return greatCircleKm(p.lat, p.lon, v.lat, v.lon) <= kToleranceKm; }

double accuracy(const Gazetteer& g, const std::vector<Variant>& rows, bool hints) {
  int hits = 0;
  for (const Variant& v : rows) {
    MatchContext context;
    if (hints && !v.countryHint.empty()) context.countries = {v.countryHint};
    const MatchResult r = g.match(v.spelling, context);
    hits += r.resolved() && near(*r.best().place, v);
  }
  return 100.0 * hits / static_cast<double>(rows.size());
}

// The baseline: the spelling exactly as written against names and alternate names, no folding;
// of several places with that name, the most populous.
double exactLookupAccuracy(const std::vector<Place>& places, const std::vector<Variant>& rows, bool hints) {
  std::unordered_multimap<std::string, const Place*> byName;
  for (const Place& p : places) {
    byName.emplace(p.name, &p);
    if (p.asciiName != p.name) byName.emplace(p.asciiName, &p);
    for (const std::string& a : p.alternates) byName.emplace(a, &p);
  }
  int hits = 0;
  for (const Variant& v : rows) {
    const Place* best = nullptr;
    auto [begin, end] = byName.equal_range(v.spelling);
    for (auto it = begin; it != end; ++it) {
      const Place* p = it->second;
      const bool wanted = !hints || v.countryHint.empty() || p->countryCode == v.countryHint;
      if (!wanted) continue;
      if (!best || p->population > best->population) best = p;
    }
    hits += best && near(*best, v);
  }
  return 100.0 * hits / static_cast<double>(rows.size());
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 10, repeat = 200;
  std::string assets = std::string(FRONTLINE_SOURCE_DIR) + "/assets";
  std::string variantsPath = std::string(FRONTLINE_SOURCE_DIR) + "/tests/fixtures/gazetteer/variants.tsv";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--assets")) assets = argv[i + 1];
    else if (!std::strcmp(argv[i], "--variants")) variantsPath = argv[i + 1];
  }
  const GazetteerFiles files = bundledGazetteerFiles(assets);
  const std::vector<Variant> rows = readVariants(variantsPath);
  if (rows.empty()) return std::fprintf(stderr, "no labelled spellings in %s\n", variantsPath.c_str()), 1;

  // Load + index, timed separately; median of `runs`.
  std::vector<double> readMs, indexMs, totalMs;
  for (int run = 0; run < runs; ++run) {
    const auto t0 = Clock::now();
    auto places = loadPlaces(files);
    if (!places) return std::fprintf(stderr, "%s\n", places.error().message().c_str()), 1;
    const auto t1 = Clock::now();
    const Gazetteer g = Gazetteer::build(std::move(*places));
    const auto t2 = Clock::now();
    readMs.push_back(ms(t1 - t0));
    indexMs.push_back(ms(t2 - t1));
    totalMs.push_back(ms(t2 - t0));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  auto loaded = loadGazetteer(files);
  if (!loaded) return std::fprintf(stderr, "%s\n", loaded.error().message().c_str()), 1;
  const Gazetteer& g = *loaded;
  const long rssAfterLoadKb = statusKb("VmHWM:");

  // Lookups: the labelled spellings, `repeat` times, one thread, no context.
  size_t resolved = 0;
  const auto l0 = Clock::now();
  for (int i = 0; i < repeat; ++i)
    for (const Variant& v : rows) resolved += g.match(v.spelling).resolved();
  const double lookupSeconds = std::chrono::duration<double>(Clock::now() - l0).count();
  const double lookupsPerSecond = static_cast<double>(repeat) * static_cast<double>(rows.size()) / lookupSeconds;

  // The slow path: every name misspelled at its end ("Raqqa" -> "Raqqazq"), so that no exact or
  // phonetic key matches and the fuzzy search runs for every lookup.
  size_t fuzzyResolved = 0;
  const auto f0 = Clock::now();
  const int fuzzyRepeat = std::max(1, repeat / 10);
  for (int i = 0; i < fuzzyRepeat; ++i)
    for (const Variant& v : rows) fuzzyResolved += g.match(v.spelling + "zq").resolved();
  const double fuzzySeconds = std::chrono::duration<double>(Clock::now() - f0).count();
  const double fuzzyPerSecond = static_cast<double>(fuzzyRepeat) * static_cast<double>(rows.size()) / fuzzySeconds;

  // The matcher alone: the extras file's new places, without its aliases.
  auto geonamesOnly = loadPlaces(GazetteerFiles{files.geonames, {}});
  auto extras = readAliasFile(files.aliases.front());
  if (!geonamesOnly || !extras) return std::fprintf(stderr, "cannot load the bundled files\n"), 1;
  AliasFile newPlacesOnly = *extras;
  std::erase_if(newPlacesOnly.rows, [](const AliasRow& r) { return !r.isNewPlace(); });
  int64_t nextId = -1;
  if (!applyAliases(newPlacesOnly, *geonamesOnly, nextId)) return 1;
  const Gazetteer withoutAliases = Gazetteer::build(std::move(*geonamesOnly));

  auto allPlaces = loadPlaces(files);
  if (!allPlaces) return 1;

  std::printf("gazetteer: %zu places, bundled files (GeoNames extract + extras.tsv)\n", g.places().size());
  std::printf("labelled spellings: %zu (%s)\n", rows.size(), variantsPath.c_str());
  std::printf("load (read + parse + aliases): %.1f ms median of %d\n", median(readMs), runs);
  std::printf("index build:                   %.1f ms median of %d\n", median(indexMs), runs);
  std::printf("load + index:                  %.1f ms median, %.1f ms min\n", median(totalMs),
              *std::min_element(totalMs.begin(), totalMs.end()));
  std::printf("lookups: %.0f names/s single thread (%zu lookups in %.3f s, %zu resolved)\n", lookupsPerSecond,
              static_cast<size_t>(repeat) * rows.size(), lookupSeconds, resolved);
  std::printf("lookups of misspelled names (fuzzy search every time): %.0f names/s (%zu of %zu resolved)\n",
              fuzzyPerSecond, fuzzyResolved, static_cast<size_t>(fuzzyRepeat) * rows.size());
  std::printf("top-1 within %.0f km, no context:          %.1f%%\n", kToleranceKm, accuracy(g, rows, false));
  std::printf("top-1 within %.0f km, with country hints:  %.1f%%\n", kToleranceKm, accuracy(g, rows, true));
  std::printf("  matcher alone (extras' aliases removed): %.1f%% no context, %.1f%% with hints\n",
              accuracy(withoutAliases, rows, false), accuracy(withoutAliases, rows, true));
  std::printf("plain exact-name lookup (no folding):     %.1f%% no context, %.1f%% with hints\n",
              exactLookupAccuracy(*allPlaces, rows, false), exactLookupAccuracy(*allPlaces, rows, true));
  std::printf("memory: index + places %.1f MiB (estimate); peak RSS %.1f MiB after load, %.1f MiB at end\n",
              static_cast<double>(g.memoryBytes()) / (1024.0 * 1024.0), static_cast<double>(rssAfterLoadKb) / 1024.0,
              static_cast<double>(statusKb("VmHWM:")) / 1024.0);
  return 0;
}
