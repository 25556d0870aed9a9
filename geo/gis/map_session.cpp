#include "geo/gis/map_session.hpp"

#include <algorithm>

#include "geo/gazetteer/geonames_reader.hpp"

namespace frontline {

MapSession::MapSession(LoadedMap map, std::optional<LoadedDataset> data)
    : map_(std::move(map)), data_(std::move(data)) {}
MapSession::~MapSession() = default;

Result<std::unique_ptr<MapSession>> MapSession::open(MapSourceOptions source, std::optional<LoadedDataset> data) {
  if (data && !data->dataset.settings.focusCountries.empty()) source.focusCountries = data->dataset.settings.focusCountries;
  if (!source.view && data) {
    source.view = viewAroundPlaces(data->dataset.timeline);
    if (!source.view)
      return makeError(ErrorKind::Usage, "--bbox", "the dataset has no places with coordinates to fit the view to; give --bbox");
  } else if (source.view && data && source.warn) {
    if (auto r = checkView(*source.view, source.crs); !r) return r.error();  // an error before any warning
    const auto& places = data->dataset.timeline.places();
    const bool any = std::any_of(places.begin(), places.end(),
                                 [&](const PlaceTrack& p) { return source.view->contains(p.lon, p.lat); });
    if (!places.empty() && !any)
      source.warn("none of the dataset's " + std::to_string(places.size()) + " places is inside the view " +
                  source.view->text() + "; without --bbox the view fits them");
  }
  auto map = loadMap(source);
  if (!map) return map.error();
  std::unique_ptr<MapSession> session(new MapSession(std::move(map).value(), std::nullopt));
  session->focusCountries_ = source.focusCountries;
  session->view_ = source.view;
  session->baseTowns_ = session->map_.layers.towns.size();
  if (data) {
    auto prepared = session->prepareData(std::move(*data));
    if (!prepared) return prepared.error();
    session->adoptData(std::move(prepared).value());
  }
  return session;
}

struct MapSession::Prepared {
  LoadedDataset data;
  // The builder's own projection: PROJ objects must not be shared between threads, and this may
  // be prepared on one while the session draws on another.
  std::unique_ptr<Projection> projection;
  std::vector<Place> extraTowns;  // settlements the dataset's gazetteers add
  std::unique_ptr<ControlAreaBuilder> builder;
};

Result<std::shared_ptr<MapSession::Prepared>> MapSession::prepareData(LoadedDataset data) const {
  auto prepared = std::make_shared<Prepared>();
  prepared->data = std::move(data);
  const Dataset& dataset = prepared->data.dataset;
  AreaOptions options;
  options.capKm = dataset.settings.capKm;
  options.crossBorders = dataset.settings.crossBorders;
  options.focusCountries = focusCountries_;
  std::vector<Vec2> places;
  for (const PlaceTrack& p : dataset.timeline.places()) places.push_back({p.lon, p.lat});
  // Denser gazetteers the dataset brings (e.g. a GeoNames country dump) settle the land too.
  for (const std::filesystem::path& file : prepared->data.settlementFiles) {
    auto extra = readGeoNamesFile(file);
    if (!extra) return extra.error();
    const LonLatBox clip = loadBox(*view_);
    for (Place& p : *extra)
      if (p.featureClass == 'P' && clip.contains(p.lon, p.lat)) prepared->extraTowns.push_back(std::move(p));
  }
  const BaseLayers* layers = &map_.layers;
  std::optional<BaseLayers> withExtra;
  if (!prepared->extraTowns.empty()) {  // the session's own layers stay untouched until adoptData
    withExtra = map_.layers;
    withExtra->towns.insert(withExtra->towns.end(), prepared->extraTowns.begin(), prepared->extraTowns.end());
    layers = &*withExtra;
  }
  auto projection = Projection::create(map_.projection.definition(), view_ ? *view_ : LonLatBox{});
  if (!projection) return projection.error();
  prepared->projection = std::make_unique<Projection>(std::move(projection).value());
  auto builder = ControlAreaBuilder::create(*layers, *prepared->projection, map_.scene.metresPerUnit, options,
                                            map_.scene.viewExtent, places);
  if (!builder) return builder.error();
  prepared->builder = std::move(builder).value();
  return prepared;
}

void MapSession::adoptData(std::shared_ptr<Prepared> prepared) {
  cache_.reset();  // refers to the old timeline and builder
  builder_ = std::move(prepared->builder);
  builderProjection_ = std::move(prepared->projection);
  data_ = std::move(prepared->data);
  BaseLayers& layers = map_.layers;
  layers.towns.resize(baseTowns_);
  layers.towns.insert(layers.towns.end(), prepared->extraTowns.begin(), prepared->extraTowns.end());
  const Dataset& dataset = data_->dataset;
  addDatasetPlaces(map_.scene, map_.projection, dataset.timeline);
  std::vector<std::pair<Date, OverrideArea>> overrides;
  for (const AreaOverride& o : data_->areaOverrides)
    overrides.push_back({o.date, OverrideArea{o.controller, o.polygons, o.where.text()}});
  cache_ = std::make_unique<ControlAreaCache>(dataset.timeline, *builder_, std::move(overrides));
}

Result<ControlFrame> MapSession::frameAt(Date date, double dayFraction) {
  ControlFrame frame;
  if (!data_) return frame;
  auto entry = cache_->at(date);
  if (!entry) return entry.error();
  frame.dataset = &data_->dataset;
  frame.states = data_->dataset.timeline.controlAt(date, dayFraction);
  frame.areas = entry->areas;
  frame.interval = entry->interval;
  return frame;
}

}  // namespace frontline
