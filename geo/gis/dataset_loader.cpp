#include "geo/gis/dataset_loader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <system_error>
#include <unordered_map>

#include "geo/gazetteer/country_names.hpp"
#include "geo/gazetteer/gazetteer_loader.hpp"
#include "geo/gis/acled_import.hpp"
#include "geo/gis/actor_table.hpp"
#include "geo/gis/layer_reader.hpp"
#include "geo/gis/manifest.hpp"
#include "geo/gis/place_resolver.hpp"
#include "geo/gis/table_reader.hpp"
#include "geo/gis/text.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

using text::concat;
using text::equalsIgnoreCase;
using text::trim;

bool parseDouble(std::string_view text, double& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out);
}

std::optional<ControlStatus> parseStatus(std::string_view text) {
  if (text.empty() || equalsIgnoreCase(text, "control")) return ControlStatus::Control;
  if (equalsIgnoreCase(text, "contested")) return ControlStatus::Contested;
  if (equalsIgnoreCase(text, "besieged")) return ControlStatus::Besieged;
  return std::nullopt;
}

std::optional<Confidence> parseConfidence(std::string_view text) {
  if (text.empty() || equalsIgnoreCase(text, "high")) return Confidence::High;
  if (equalsIgnoreCase(text, "medium")) return Confidence::Medium;
  if (equalsIgnoreCase(text, "low")) return Confidence::Low;
  return std::nullopt;
}

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Where the event fields are in a table (indexes into TableRow::values; -1 when absent).
struct EventColumns {
  int date = -1, place = -1, country = -1, lat = -1, lon = -1, controller = -1, status = -1;
  int source = -1, url = -1, quote = -1, confidence = -1, notes = -1;
  bool acled = false;
  int subEventType = -1, geoPrecision = -1;
};

int firstOf(const TableHeader& header, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    if (int i = header.find(name); i >= 0) return i;
  return -1;
}

// URLs repeat in hand-made tables (one article reports several towns) but are all different in
// generated ones, where a pool entry per row costs more than it saves: pooled until kProbeRows
// rows show that most of them do not repeat, then stored as they come.
class UrlInterner {
 public:
  SharedText intern(std::string_view url) {
    if (!pooling_) return SharedText(url);
    SharedText text = pool_.intern(url);
    if (++rows_ == kProbeRows && pool_.size() > kProbeRows / 2) {
      pooling_ = false;
      pool_ = {};
    }
    return text;
  }

 private:
  static constexpr size_t kProbeRows = 4096;
  TextPool pool_;
  size_t rows_ = 0;
  bool pooling_ = true;
};

class Loader {
 public:
  explicit Loader(const DatasetLoadOptions& options) : options_(options) {}

  Result<LoadedDataset> load(const std::filesystem::path& path);

 private:
  void order(const SharedText& file) { fileOrder_.emplace(file, fileOrder_.size()); }
  void issue(SourceLocation where, std::string what, bool error) {
    order(where.file);
    out_.dataset.issues.push_back({std::move(where), std::move(what), error});
  }

  Result<void> loadGazetteer(const Manifest& manifest);
  Result<void> readEvents(const std::filesystem::path& path, const std::string& layer);
  void onHeader(const TableHeader& header);
  void onRow(const TableRow& row);
  const std::string* countryCodeOf(std::string_view text);
  void readAreas(const ManifestFile& file);
  void checkDuplicates();
  void resolveAmbiguousNearTheRest();

  // Rows whose place name fits several places about equally: settled once the table is read.
  struct AmbiguousRow {
    size_t event, issue;
    std::string name, country;
  };
  std::vector<AmbiguousRow> ambiguous_;

  const DatasetLoadOptions& options_;
  LoadedDataset out_;
  std::optional<Gazetteer> gazetteer_;
  std::optional<PlaceResolver> places_;
  std::optional<ActorIndex> actors_;
  std::vector<Event> events_;
  std::unordered_map<SharedText, size_t> fileOrder_;
  std::unordered_map<std::string, std::optional<std::string>> countries_;

  // Every text field of the events, once per distinct value (places, actors and sources repeat).
  TextPool texts_;
  UrlInterner urls_;
  // The event table being read.
  SharedText file_;
  EventColumns columns_;
  bool skipTable_ = false;
  size_t rowsRead_ = 0, acledTransfers_ = 0, acledSkipped_ = 0;
  size_t eventTables_ = 0;
};

Result<void> Loader::loadGazetteer(const Manifest& manifest) {
  GazetteerFiles files;
  std::filesystem::path cache;
  if (!options_.assetDir.empty()) {
    auto defaults = defaultGazetteerFiles(options_.assetDir);
    if (!defaults) return defaults.error();
    files = std::move(defaults->files);
    cache = std::move(defaults->cache);
    if (!defaults->warning.empty()) issue({}, defaults->warning, false);
  }
  const size_t defaultCount = files.geonames.size() + files.aliases.size();
  std::error_code ec;
  auto addFrom = [&](const std::vector<ManifestFile>& named, std::vector<std::filesystem::path>& to) {
    for (const ManifestFile& f : named) {
      if (auto ok = checkInputFile(f.path, "gazetteer", kMaxListBytes)) to.push_back(f.path);
      else issue(f.where, concat({"gazetteer file ", ok.error().message()}), true);
    }
  };
  const size_t bundled = files.geonames.size();
  addFrom(manifest.gazetteer, files.geonames);
  addFrom(manifest.aliases, files.aliases);
  files.geonames.insert(files.geonames.end(), options_.gazetteerFiles.begin(), options_.gazetteerFiles.end());
  out_.settlementFiles.assign(files.geonames.begin() + static_cast<long>(bundled), files.geonames.end());
  files.aliases.insert(files.aliases.end(), options_.aliasFiles.begin(), options_.aliasFiles.end());
  if (files.geonames.empty() && files.aliases.empty()) return {};
  // The cache holds the default files only; a dataset's own gazetteer files are indexed each time.
  std::string cacheWarning;
  auto loaded = !cache.empty() && files.geonames.size() + files.aliases.size() == defaultCount
                    ? loadGazetteerCached(files, cache, &cacheWarning)
                    : frontline::loadGazetteer(files);
  if (!cacheWarning.empty()) issue({}, cacheWarning, false);
  if (!loaded) return loaded.error();
  gazetteer_.emplace(std::move(*loaded));
  return {};
}

void Loader::resolveAmbiguousNearTheRest() {
  if (ambiguous_.empty()) return;
  std::vector<bool> isAmbiguous(events_.size(), false);
  for (const AmbiguousRow& a : ambiguous_) isAmbiguous[a.event] = true;
  std::vector<ContextPoint> points;
  std::unordered_map<std::string, bool> seen;
  for (size_t i = 0; i < events_.size(); ++i)
    if (!isAmbiguous[i] && seen.emplace(events_[i].placeId.str(), true).second) points.push_back({events_[i].lat, events_[i].lon});
  if (points.empty()) return;
  std::vector<size_t> dropIssues;
  for (const AmbiguousRow& a : ambiguous_) {
    const ResolvedPlace p = places_->geocodeNear(a.name, a.country, points);
    if (p.id.empty()) continue;
    Event& e = events_[a.event];
    e.placeId = texts_.intern(p.id);
    e.canonicalName = texts_.intern(p.canonicalName);
    e.lat = p.lat;
    e.lon = p.lon;
    e.country = texts_.intern(p.country);
    if (p.problem.empty()) dropIssues.push_back(a.issue);
    else out_.dataset.issues[a.issue].what = p.problem;
  }
  std::sort(dropIssues.begin(), dropIssues.end());
  for (auto it = dropIssues.rbegin(); it != dropIssues.rend(); ++it)
    out_.dataset.issues.erase(out_.dataset.issues.begin() + static_cast<std::ptrdiff_t>(*it));
}

const std::string* Loader::countryCodeOf(std::string_view text) {
  auto it = countries_.find(std::string(text));
  if (it == countries_.end()) it = countries_.emplace(std::string(text), countryCode(text)).first;
  return it->second ? &*it->second : nullptr;
}

void Loader::onHeader(const TableHeader& header) {
  columns_ = {};
  skipTable_ = false;
  EventColumns& c = columns_;
  if (auto acled = detectAcled(header)) {
    c.acled = true;
    c.date = acled->eventDate;
    c.place = acled->location;
    c.controller = acled->actor1;
    c.subEventType = acled->subEventType;
    c.lat = acled->latitude;
    c.lon = acled->longitude;
    c.country = acled->country;
    c.source = acled->source;
    c.notes = acled->notes;
    c.geoPrecision = acled->geoPrecision;
    return;
  }
  c.date = header.find("date");
  c.place = header.find("place");
  c.country = header.find("country");
  c.lat = firstOf(header, {"lat", "latitude"});
  c.lon = firstOf(header, {"lon", "lng", "long", "longitude"});
  c.controller = header.find("controller");
  c.status = header.find("status");
  c.source = header.find("source");
  c.url = header.find("url");
  c.quote = header.find("quote");
  c.confidence = header.find("confidence");
  c.notes = header.find("notes");
  std::string missing;
  for (auto [index, name] : std::initializer_list<std::pair<int, const char*>>{
           {c.date, "date"}, {c.place, "place"}, {c.controller, "controller"}})
    if (index < 0) missing += concat({missing.empty() ? "'" : ", '", name, "'"});
  if ((c.lat < 0) != (c.lon < 0)) missing += concat({missing.empty() ? "'" : ", '", c.lat < 0 ? "lat" : "lon", "'"});
  if (!missing.empty()) {
    std::string columns;
    for (const std::string& name : header.columns) columns += concat({columns.empty() ? "" : ", ", name});
    issue({file_, header.headerRow, 0},
          concat({"missing column ", missing, " (an event table needs date, place, controller; its columns are: ",
                  columns.empty() ? "none" : columns, ")"}),
          true);
    skipTable_ = true;
    return;
  }
  // Room for every row at once: growing a vector of a million events would move them all twice.
  events_.reserve(events_.size() + header.expectedRows);
}

void Loader::onRow(const TableRow& row) {
  if (skipTable_ || row.blank()) return;
  const EventColumns& c = columns_;
  auto cell = [&](int i) { return i >= 0 ? trim(row.values[static_cast<size_t>(i)]) : std::string_view(); };
  auto at = [&](int i) { return SourceLocation{file_, row.row, i >= 0 ? TableHeader::columnNumber(i) : 0}; };
  if (c.acled) {
    if (!isTerritorialTransfer(cell(c.subEventType))) {
      ++acledSkipped_;
      return;
    }
    ++acledTransfers_;
  }
  ++rowsRead_;
  bool ok = true;
  auto error = [&](int column, std::string what) {
    issue(at(column), std::move(what), true);
    ok = false;
  };

  Event e;
  const std::string_view dateText = cell(c.date);
  if (dateText.empty()) {
    error(c.date, "empty date");
  } else if (auto date = parseEventDate(dateText)) {
    e.date = *date;
  } else {
    error(c.date, date.error().what);
  }

  const std::string_view place = cell(c.place);
  if (place.empty()) error(c.place, "empty place");

  // Coordinates: both columns, or a point geometry, or none (geocode).
  std::optional<std::pair<double, double>> latLon;
  bool coordinatesBad = false;
  const std::string_view latText = cell(c.lat), lonText = cell(c.lon);
  if (!latText.empty() || !lonText.empty()) {
    double lat = 0, lon = 0;
    if (latText.empty()) error(c.lat, "lon given without lat");
    else if (lonText.empty()) error(c.lon, "lat given without lon");
    else if (!parseDouble(latText, lat)) error(c.lat, concat({"lat '", latText, "' is not a number"}));
    else if (!parseDouble(lonText, lon)) error(c.lon, concat({"lon '", lonText, "' is not a number"}));
    else if (lat < -90 || lat > 90) error(c.lat, concat({"lat ", latText, " is out of range (-90..90)"}));
    else if (lon < -180 || lon > 180) error(c.lon, concat({"lon ", lonText, " is out of range (-180..180)"}));
    else latLon = std::pair{lat, lon};
    coordinatesBad = !latLon;
  } else if (row.point) {
    if (std::abs(row.point->y) <= 90 && std::abs(row.point->x) <= 180) latLon = std::pair{row.point->y, row.point->x};
    else error(-1, "the point geometry is not a longitude/latitude");
    coordinatesBad = !latLon;
  }

  std::string country;
  if (const std::string_view countryText = cell(c.country); !countryText.empty()) {
    if (const std::string* code = countryCodeOf(countryText)) country = *code;
    else issue(at(c.country), concat({"country '", countryText, "' is not an ISO code or a country name; ignored"}), false);
  }

  const std::string_view controller = cell(c.controller);
  if (controller.empty()) {
    error(c.controller, "empty controller");
  } else if (const std::string* id = actors_->resolve(controller)) {
    e.controller = texts_.intern(*id);
  } else {
    std::string what = concat({"unknown actor '", controller, "'"});
    const auto suggestions = actors_->suggest(controller);
    for (size_t i = 0; i < suggestions.size(); ++i) what += concat({i == 0 ? "; did you mean " : ", ", suggestions[i]});
    if (suggestions.empty()) {
      const auto& actors = actors_->actors();
      what += "; the actors are ";
      for (size_t i = 0; i < actors.size() && i < 12; ++i) what += concat({i == 0 ? "" : ", ", actors[i].id});
      if (actors.size() > 12) what += ", ...";
    }
    error(c.controller, concat({what, suggestions.empty() ? "" : "?", " (add it, or an alias, to the actors table)"}));
  }

  if (auto status = parseStatus(cell(c.status))) e.status = *status;
  else error(c.status, concat({"status '", cell(c.status), "' is not control, contested or besieged"}));

  if (c.acled) {
    e.confidence = confidenceFromGeoPrecision(cell(c.geoPrecision));
  } else if (auto confidence = parseConfidence(cell(c.confidence))) {
    e.confidence = *confidence;
  } else {
    error(c.confidence, concat({"confidence '", cell(c.confidence), "' is not high, medium or low"}));
  }

  if (!place.empty() && !coordinatesBad) {
    const ResolvedPlace& p = latLon ? places_->at(place, latLon->first, latLon->second) : places_->byName(place, country);
    if (p.ambiguous && ok) ambiguous_.push_back({events_.size(), out_.dataset.issues.size(), std::string(place), std::string(country)});
    if (!p.problem.empty()) issue(at(c.place), p.problem, p.problemIsError);
    if (p.id.empty()) ok = false;
    if (ok) {
      e.placeId = texts_.intern(p.id);
      e.canonicalName = texts_.intern(p.canonicalName.empty() ? place : std::string_view(p.canonicalName));
      e.lat = p.lat;
      e.lon = p.lon;
      e.country = texts_.intern(p.country.empty() ? country : p.country);
    }
  }
  if (!ok) return;
  e.placeName = texts_.intern(place);
  e.source = texts_.intern(cell(c.source));
  e.url = urls_.intern(cell(c.url));
  e.quote = SharedText(cell(c.quote));  // quotes and notes seldom repeat: not worth a pool entry
  e.notes = SharedText(cell(c.notes));
  e.where = SourceLocation{file_, row.row, 0};
  events_.push_back(std::move(e));
}

Result<void> Loader::readEvents(const std::filesystem::path& path, const std::string& layer) {
  file_ = texts_.intern(path.string());
  order(file_);
  rowsRead_ = acledTransfers_ = acledSkipped_ = 0;
  const auto replaced = options_.replacedTables.find(file_);
  auto scanned = scanTable(
      replaced == options_.replacedTables.end() ? path : replaced->second, {layer}, [&](const TableHeader& header) { onHeader(header); }, [&](const TableRow& row) { onRow(row); });
  if (!scanned) return scanned;
  if (columns_.acled)
    out_.notes.push_back(concat({file_, ": ACLED export: ", std::to_string(acledTransfers_), " territorial transfers read, ",
                                 std::to_string(acledSkipped_), " other rows skipped"}));
  // An empty table among several is worth a word; a dataset with no events at all is an error anyway.
  if (!skipTable_ && rowsRead_ == 0 && (columns_.acled || eventTables_ > 1))
    issue({file_, 0, 0}, columns_.acled ? "no territorial transfers (sub_event_type) in this ACLED export" : "no event rows",
          false);
  return {};
}

void Loader::readAreas(const ManifestFile& f) {
  const std::string file = f.path.string();
  order(file);
  auto table = readTable(f.path, {f.layer});
  if (!table) {
    issue(f.where, concat({"areas file: ", table.error().message()}), true);
    return;
  }
  LayerReadOptions layerOptions;
  layerOptions.layerName = f.layer;
  layerOptions.allowEmpty = true;
  layerOptions.warn = [&](const std::string& message) { issue({}, message, false); };
  auto layer = readVectorLayer(f.path, layerOptions);
  if (!layer) {
    issue(f.where, concat({"areas file: ", layer.error().message()}), true);
    return;
  }
  std::unordered_map<long long, const Feature*> byFid;
  for (const Feature& feature : layer->features) byFid.emplace(feature.fid, &feature);

  const TableHeader& h = table->header;
  const int date = h.find("date"), controller = h.find("controller");
  if (date < 0 || controller < 0) {
    issue({file, h.headerRow, 0}, "an areas file needs 'date' and 'controller' fields", true);
    return;
  }
  for (const TableRow& row : table->rows) {
    auto at = [&](int i) { return SourceLocation{file, row.row, i >= 0 ? TableHeader::columnNumber(i) : 0}; };
    AreaOverride area;
    area.where = at(-1);
    bool ok = true;
    const std::string_view dateText = trim(row.values[static_cast<size_t>(date)]);
    if (auto d = parseEventDate(dateText)) {
      area.date = *d;
    } else {
      issue(at(date), dateText.empty() ? "empty date" : d.error().what, true);
      ok = false;
    }
    const std::string_view who = trim(row.values[static_cast<size_t>(controller)]);
    if (const std::string* id = who.empty() ? nullptr : actors_->resolve(who)) {
      area.controller = *id;
    } else {
      issue(at(controller), who.empty() ? std::string("empty controller") : concat({"unknown actor '", who, "'"}), true);
      ok = false;
    }
    auto feature = byFid.find(row.fid);
    if (feature == byFid.end() || feature->second->polygons.empty()) {
      issue(at(-1), "no polygon geometry", true);
      ok = false;
    } else {
      area.polygons = feature->second->polygons;
    }
    if (ok) out_.areaOverrides.push_back(std::move(area));
  }
}

void Loader::checkDuplicates() {
  for (const PlaceTrack& track : out_.dataset.timeline.places()) {
    const auto& ev = track.events;
    for (size_t first = 0; first < ev.size();) {
      size_t end = first + 1;
      while (end < ev.size() && ev[end].date == ev[first].date) ++end;
      for (size_t i = first + 1; i < end; ++i) {
        const Event& a = ev[first];
        const Event& b = ev[i];
        if (a.controller == b.controller && a.status == b.status) {
          issue(b.where, concat({"duplicate of ", a.where.text(), " (same place, date, controller and status)"}), false);
          continue;
        }
        auto describe = [](const Event& e) { return concat({e.controller, " ", statusName(e.status)}); };
        const std::string what = concat({" (", track.name, ", ", a.date.iso(), "): "});
        issue(a.where, concat({"conflicts with ", b.where.text(), what, describe(a), " here, ", describe(b), " there"}), true);
        issue(b.where, concat({"conflicts with ", a.where.text(), what, describe(b), " here, ", describe(a), " there"}), true);
      }
      first = end;
    }
  }
}

Result<LoadedDataset> Loader::load(const std::filesystem::path& path) {
  const bool isManifest = lowerExtension(path) == ".toml";
  Manifest manifest;
  if (isManifest) {
    auto read = readManifest(path);
    if (!read) return read.error();
    manifest = std::move(*read);
    order(path.string());
    for (DatasetIssue& i : manifest.issues) issue(std::move(i.where), std::move(i.what), i.error);
  } else {
    manifest.path = path;
    manifest.settings.title = path.stem().string();
    manifest.events.push_back({path, "", {}});
  }
  out_.dataset.source = path.string();
  out_.dataset.settings = manifest.settings;

  if (auto g = loadGazetteer(manifest); !g) return g.error();
  places_.emplace(gazetteer_ ? &*gazetteer_ : nullptr, manifest.settings.focusCountries);

  actors_.emplace(manifest.actors.has_value());
  if (manifest.actors) {
    if (auto r = readActorTable(manifest.actors->path, manifest.actors->layer, *actors_, out_.dataset.issues); !r) {
      issue(manifest.actors->where, concat({"actors table: ", r.error().message()}), true);
      actors_.emplace(false);  // one error here, not one per row
    }
    for (const DatasetIssue& i : out_.dataset.issues) order(i.where.file);
  }

  eventTables_ = manifest.events.size();
  for (const ManifestFile& f : manifest.events) {
    auto read = readEvents(f.path, f.layer);
    if (read) continue;
    if (!isManifest) return read.error();
    issue(f.where, concat({"events table: ", read.error().message()}), true);
  }
  resolveAmbiguousNearTheRest();
  for (const ManifestFile& f : manifest.areas) readAreas(f);

  const size_t eventCount = events_.size();
  out_.dataset.timeline = Timeline::build(std::move(events_), manifest.settings.transitionDays);
  checkDuplicates();
  out_.dataset.actors = actors_->takeActors();
  if (eventCount == 0 && !out_.dataset.hasErrors()) issue({out_.dataset.source, 0, 0}, "the dataset has no events", true);

  auto& issues = out_.dataset.issues;
  auto rank = [&](const SharedText& file) {
    const auto it = fileOrder_.find(file);
    return it == fileOrder_.end() ? fileOrder_.size() : it->second;
  };
  std::stable_sort(issues.begin(), issues.end(), [&](const DatasetIssue& a, const DatasetIssue& b) {
    const size_t fa = rank(a.where.file), fb = rank(b.where.file);
    if (fa != fb) return fa < fb;
    if (a.where.row != b.where.row) return a.where.row < b.where.row;
    return a.where.column < b.where.column;
  });
  return std::move(out_);
}

}  // namespace

Result<LoadedDataset> loadDataset(const std::filesystem::path& path, const DatasetLoadOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return makeError(ErrorKind::Input, path.string(), "no such file");
  return Loader(options).load(path);
}

std::filesystem::path bundledDatasetPath(const std::filesystem::path& assetDir) {
  return assetDir / "datasets" / "isis-2014-2019" / "dataset.toml";
}

}  // namespace frontline
