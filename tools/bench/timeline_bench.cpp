// Timeline and dataset loading benchmark: prints what it measured (not a test).
//   1. writes a CSV event table of PLACES x EVENTS rows (with lat/lon, so no geocoding) and times
//      loadDataset on it, with the peak resident memory (VmHWM);
//   2. builds a Timeline of the same size in memory and times controlAt over many dates.
// Usage: timeline_bench [--places N] [--events-per-place M] [--dates D] [--csv PATH] [--keep-csv]
//                       [--assets DIR]   (default: the bundled assets; its world gazetteer index
//                                         should be current, or it is rebuilt in the measurement)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "geo/gis/dataset_loader.hpp"
#include "geo/model/timeline.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace frontline;

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// A field of /proc/self/status in MiB ("VmHWM", "VmRSS").
double procStatusMiB(const char* field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field, 0) == 0) return std::strtod(line.c_str() + std::string(field).size() + 1, nullptr) / 1024.0;
  return 0;
}

const char* kActors[] = {"islamic_state", "iraqi_forces", "syrian_government", "sdf", "peshmerga"};
const char* kStatuses[] = {"control", "control", "control", "contested", "besieged"};

struct Config {
  int places = 10000;
  int eventsPerPlace = 100;
  int dates = 500;
  std::filesystem::path csv = "/tmp/frontline-timeline-bench.csv";
  bool keepCsv = false;
  std::filesystem::path assets = FRONTLINE_ASSET_DIR;
};

// Place i sits on a jittered grid over Iraq and Syria; its events are spread over 2014-2019.
void placePosition(int i, double& lat, double& lon) {
  lat = 29.0 + 9.0 * ((i * 7919) % 10007) / 10007.0;
  lon = 35.0 + 14.0 * ((i * 104729) % 10009) / 10009.0;
}

// Event e of a place: one in each of eventsPerPlace equal slices of 2014-2019, on a random day of
// the slice, so a place never has two events on one day (that would be a duplicate row).
Date dateOf(std::mt19937& rng, Date start, int e, int eventsPerPlace) {
  const int slice = std::max(1, 2000 / eventsPerPlace);
  return start.plusDays(static_cast<int32_t>(e * slice + static_cast<int>(rng() % static_cast<unsigned>(slice))));
}

void writeCsv(const Config& c) {
  std::ofstream out(c.csv, std::ios::binary);
  out << "date,place,lat,lon,controller,status,source,url,confidence,notes\n";
  std::mt19937 rng(42);
  const Date start = *Date::parse("2014-01-01");
  char line[512];
  for (int e = 0; e < c.eventsPerPlace; ++e)
    for (int p = 0; p < c.places; ++p) {
      double lat = 0, lon = 0;
      placePosition(p, lat, lon);
      const Date d = dateOf(rng, start, e, c.eventsPerPlace);
      std::snprintf(line, sizeof line, "%s,Place %d,%.4f,%.4f,%s,%s,Benchmark wire report,https://example.org/%d/%d,high,\n",
                    d.iso().c_str(), p, lat, lon, kActors[rng() % 5], kStatuses[rng() % 5], p, e);
      out << line;
    }
}

std::vector<Event> makeEvents(const Config& c) {
  std::vector<Event> events;
  events.reserve(static_cast<size_t>(c.places) * static_cast<size_t>(c.eventsPerPlace));
  std::mt19937 rng(7);
  const Date start = *Date::parse("2014-01-01");
  for (int e = 0; e < c.eventsPerPlace; ++e)
    for (int p = 0; p < c.places; ++p) {
      Event ev;
      ev.date = dateOf(rng, start, e, c.eventsPerPlace);
      ev.placeId = "ll:" + std::to_string(p);
      ev.placeName = "Place " + std::to_string(p);
      placePosition(p, ev.lat, ev.lon);
      ev.controller = kActors[rng() % 5];
      ev.status = rng() % 4 == 0 ? ControlStatus::Contested : ControlStatus::Control;
      ev.source = "Benchmark wire report";
      events.push_back(std::move(ev));
    }
  return events;
}

template <class F>
std::vector<double> timeEach(int n, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    const auto t = Clock::now();
    f(i);
    ms.push_back(seconds(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--places") c.places = std::atoi(next());
    else if (a == "--events-per-place") c.eventsPerPlace = std::atoi(next());
    else if (a == "--dates") c.dates = std::atoi(next());
    else if (a == "--csv") c.csv = next();
    else if (a == "--keep-csv") c.keepCsv = true;
    else if (a == "--assets") c.assets = next();
    else {
      std::fprintf(stderr, "usage: timeline_bench [--places N] [--events-per-place M] [--dates D] [--csv PATH] [--keep-csv] [--assets DIR]\n");
      return 2;
    }
  }
  if (c.places <= 0 || c.eventsPerPlace <= 0 || c.dates <= 0) return 2;
  const size_t rows = static_cast<size_t>(c.places) * static_cast<size_t>(c.eventsPerPlace);

  // 1. Loading a CSV event table through loadDataset (OGR, validation, place identity, Timeline).
  {
    auto t = Clock::now();
    writeCsv(c);
    std::printf("wrote %zu rows to %s (%.1f MB) in %.2f s\n", rows, c.csv.c_str(),
                static_cast<double>(std::filesystem::file_size(c.csv)) / 1e6, seconds(t));
    const double rssBefore = procStatusMiB("VmRSS");
    DatasetLoadOptions options;
    options.assetDir = c.assets;  // the bundled gazetteer: rows near a town of that name would join it
    t = Clock::now();
    auto loaded = loadDataset(c.csv, options);
    const double loadSeconds = seconds(t);
    if (!loaded) {
      std::fprintf(stderr, "timeline_bench: %s\n", loaded.error().message().c_str());
      return 1;
    }
    size_t events = 0;
    for (const PlaceTrack& p : loaded->dataset.timeline.places()) events += p.events.size();
    std::printf("loadDataset: %zu events, %zu places, %zu issues in %.2f s (%.2f us/row); "
                "RSS %.0f MiB before, peak (VmHWM) %.0f MiB, now %.0f MiB\n",
                events, loaded->dataset.timeline.places().size(), loaded->dataset.issues.size(), loadSeconds,
                loadSeconds * 1e6 / static_cast<double>(rows), rssBefore, procStatusMiB("VmHWM"),
                procStatusMiB("VmRSS"));
    const Timeline& timeline = loaded->dataset.timeline;
    const int32_t first = timeline.first().days(), span = timeline.last().days() - first;
    const auto ms = timeEach(c.dates, [&](int i) {
      const auto states = timeline.controlAt(Date::fromDays(first + static_cast<int32_t>(int64_t{span} * i / c.dates)));
      if (states.size() > static_cast<size_t>(c.places)) std::abort();
    });
    std::printf("controlAt on the loaded dataset: median %.3f ms, p90 %.3f ms per date (%d dates)\n",
                ms[ms.size() / 2], ms[ms.size() * 9 / 10], c.dates);
  }
  if (!c.keepCsv) std::filesystem::remove(c.csv);

  // 2. The same size built in memory.
  auto t = Clock::now();
  std::vector<Event> events = makeEvents(c);
  std::printf("generated %zu events in memory in %.2f s\n", events.size(), seconds(t));
  t = Clock::now();
  const Timeline timeline = Timeline::build(std::move(events), 5);
  std::printf("Timeline::build: %zu places, %zu distinct dates in %.2f s\n", timeline.places().size(),
              timeline.eventDates().size(), seconds(t));
  const int32_t first = timeline.first().days(), span = timeline.last().days() - first;
  size_t changing = 0;
  const auto ms = timeEach(c.dates, [&](int i) {
    const auto states = timeline.controlAt(Date::fromDays(first + static_cast<int32_t>(int64_t{span} * i / c.dates)), 0.5);
    for (const PlaceState& s : states) changing += s.changing();
  });
  std::printf("controlAt (%d places, %d events each): median %.3f ms, p90 %.3f ms, max %.3f ms per date over %d dates "
              "(%zu changing states seen)\n",
              c.places, c.eventsPerPlace, ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back(), c.dates, changing);
  std::printf("peak RSS (VmHWM) %.0f MiB\n", procStatusMiB("VmHWM"));
  return 0;
}
