#include "geo/gazetteer/gazetteer_loader.hpp"

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "geo/gazetteer/alias_reader.hpp"
#include "geo/gazetteer/byte_io.hpp"
#include "geo/gazetteer/geonames_reader.hpp"
#include "geo/model/atomic_file.hpp"

namespace frontline {
namespace {

constexpr std::string_view kCacheMagic = "frontline gazetteer index\n";

// What the cache was made from: the index version and each file's path, size and modification time.
Result<std::string> signatureOf(const GazetteerFiles& files) {
  ByteWriter out;
  out.value(kGazetteerIndexVersion);
  auto add = [&](const std::filesystem::path& path) -> Result<void> {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError(ErrorKind::Input, path.string(), "cannot open gazetteer file (" + ec.message() + ")");
    const auto time = std::filesystem::last_write_time(path, ec);
    if (ec) return makeError(ErrorKind::Input, path.string(), "cannot read the file's time (" + ec.message() + ")");
    out.string(std::filesystem::absolute(path).lexically_normal().string());
    out.value(static_cast<uint64_t>(size));
    out.value(static_cast<int64_t>(time.time_since_epoch().count()));
    return {};
  };
  out.value(static_cast<uint32_t>(files.geonames.size()));
  for (const auto& path : files.geonames)
    if (auto r = add(path); !r) return r.error();
  out.value(static_cast<uint32_t>(files.aliases.size()));
  for (const auto& path : files.aliases)
    if (auto r = add(path); !r) return r.error();
  return std::move(out.bytes());
}

std::optional<Gazetteer> readCache(const std::filesystem::path& cache, std::string_view signature) {
  std::ifstream in(cache, std::ios::binary);
  if (!in) return std::nullopt;
  std::string header(kCacheMagic.size() + sizeof(uint64_t) + signature.size(), '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(header.size()))) return std::nullopt;
  ByteWriter expected;
  expected.bytes() += kCacheMagic;
  expected.string(signature);
  if (header != expected.bytes()) return std::nullopt;
  return Gazetteer::read(in);
}

Result<void> writeCache(const Gazetteer& g, const std::filesystem::path& cache, std::string_view signature) {
  ByteWriter out;
  out.bytes() += kCacheMagic;
  out.string(signature);
  out.bytes() += g.toBytes();
  return writeFileAtomic(cache, out.bytes());
}

}  // namespace

GazetteerFiles bundledGazetteerFiles(const std::filesystem::path& assetDir) {
  GazetteerFiles files;
  files.geonames.push_back(assetDir / "gazetteer" / "geonames-region.tsv");
  files.aliases.push_back(assetDir / "gazetteer" / "extras.tsv");
  return files;
}

Result<DefaultGazetteer> defaultGazetteerFiles(const std::filesystem::path& assetDir) {
  DefaultGazetteer d;
  const std::filesystem::path world = assetDir / "world" / "cities500.txt";
  const GazetteerFiles regional = bundledGazetteerFiles(assetDir);
  std::error_code ec;
  if (std::filesystem::is_regular_file(world, ec)) {
    d.files.geonames.push_back(world);
    d.files.aliases = regional.aliases;
    d.cache = assetDir / "world" / "cities500.frontline-index";
    return d;
  }
  if (!std::filesystem::is_regular_file(regional.geonames.front(), ec))
    return makeError(ErrorKind::Input, world.string(),
                     "missing world gazetteer (and no regional one): run tools/setup.sh to build assets/world/");
  d.files = regional;
  d.warning = world.string() + " is missing (tools/setup.sh builds it): using the regional gazetteer " +
              regional.geonames.front().string() + ", which only knows the Middle East";
  return d;
}

Result<std::vector<Place>> loadPlaces(const GazetteerFiles& files) {
  std::vector<Place> places;
  std::unordered_map<int64_t, size_t> byId;
  for (const std::filesystem::path& path : files.geonames) {
    auto read = readGeoNamesFile(path);
    if (!read) return read.error();
    if (places.empty()) {
      places = std::move(*read);
      byId.reserve(places.size());
      for (size_t i = 0; i < places.size(); ++i) byId.emplace(places[i].id, i);
      continue;
    }
    for (Place& p : *read) {
      const auto [it, added] = byId.emplace(p.id, places.size());
      if (added) places.push_back(std::move(p));
      else places[it->second] = std::move(p);
    }
  }
  int64_t nextNewId = -1;
  for (const std::filesystem::path& path : files.aliases) {
    auto file = readAliasFile(path);
    if (!file) return file.error();
    if (auto applied = applyAliases(*file, places, nextNewId); !applied) return applied.error();
  }
  return places;
}

Result<Gazetteer> loadGazetteer(const GazetteerFiles& files) {
  auto places = loadPlaces(files);
  if (!places) return places.error();
  return Gazetteer::build(std::move(*places));
}

Result<Gazetteer> loadGazetteerCached(const GazetteerFiles& files, const std::filesystem::path& cache,
                                      std::string* warning) {
  auto signature = signatureOf(files);
  if (!signature) return signature.error();
  if (auto cached = readCache(cache, *signature)) return std::move(*cached);
  auto built = loadGazetteer(files);
  if (!built) return built.error();
  if (auto written = writeCache(*built, cache, *signature); !written && warning)
    *warning = "cannot keep the gazetteer index (" + written.error().message() + "); the next start will be slow";
  return built;
}

Result<void> buildGazetteerIndex(const GazetteerFiles& files, const std::filesystem::path& cache) {
  auto signature = signatureOf(files);
  if (!signature) return signature.error();
  auto built = loadGazetteer(files);
  if (!built) return built.error();
  return writeCache(*built, cache, *signature);
}

}  // namespace frontline
