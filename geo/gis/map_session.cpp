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
  std::unique_ptr<MapSession> session(new MapSession(std::move(map).value(), std::move(data)));
  if (session->data_) {
    const Dataset& dataset = session->data_->dataset;
    addDatasetPlaces(session->map_.scene, session->map_.projection, dataset.timeline);
    AreaOptions options;
    options.capKm = dataset.settings.capKm;
    options.crossBorders = dataset.settings.crossBorders;
    options.focusCountries = source.focusCountries;
    std::vector<Vec2> places;
    for (const PlaceTrack& p : dataset.timeline.places()) places.push_back({p.lon, p.lat});
    // Denser gazetteers the dataset brings (e.g. a GeoNames country dump) settle the land too.
    BaseLayers& layers = session->map_.layers;
    for (const std::filesystem::path& file : session->data_->settlementFiles) {
      auto extra = readGeoNamesFile(file);
      if (!extra) return extra.error();
      const LonLatBox clip = loadBox(*source.view);
      for (Place& p : *extra)
        if (p.featureClass == 'P' && clip.contains(p.lon, p.lat)) layers.towns.push_back(std::move(p));
    }
    auto builder = ControlAreaBuilder::create(session->map_.layers, session->map_.projection,
                                              session->map_.scene.metresPerUnit, options,
                                              session->map_.scene.viewExtent, places);
    if (!builder) return builder.error();
    session->builder_ = std::move(builder).value();
    std::vector<std::pair<Date, OverrideArea>> overrides;
    for (const AreaOverride& o : session->data_->areaOverrides)
      overrides.push_back({o.date, OverrideArea{o.controller, o.polygons, o.where.text()}});
    session->cache_ = std::make_unique<ControlAreaCache>(dataset.timeline, *session->builder_, std::move(overrides));
  }
  return session;
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
