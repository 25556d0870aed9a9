// A map with its dataset, ready to draw frames: the base map (projected, tessellated), the
// dataset's places added to it, and areas of control computed once per interval between event
// dates. The viewer, the exporter and `render` all draw through one of these.
#pragma once

#include <memory>
#include <optional>

#include "geo/gis/control_area_cache.hpp"
#include "geo/gis/control_frame.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/map_loader.hpp"

namespace frontline {

class MapSession {
 public:
  // `data` may be empty for a bare base map (then `source.view` is required). The dataset's focus
  // countries (if any) replace `source.focusCountries`; without `source.view` the view fits the
  // dataset's places (viewAroundPlaces). A view that misses every place gets a warning.
  static Result<std::unique_ptr<MapSession>> open(MapSourceOptions source, std::optional<LoadedDataset> data);
  ~MapSession();

  const LoadedMap& map() const { return map_; }
  const MapScene& scene() const { return map_.scene; }
  const LoadedDataset* data() const { return data_ ? &*data_ : nullptr; }

  // The control state at `date` plus `dayFraction` of a day (0 .. 1) for smooth animation.
  // Without a dataset: an empty frame (no dataset, no areas).
  Result<ControlFrame> frameAt(Date date, double dayFraction = 0);

  // The territory model's builder (areas as polygons, totals); null without a dataset.
  const ControlAreaBuilder* areaBuilder() const { return builder_.get(); }

  size_t intervalsComputed() const { return cache_ ? cache_->computedCount() : 0; }

  // A changed dataset (the viewer's edits) in two steps: prepareData does the slow part (the
  // territory model for its places) and may run on another thread while frames are drawn from
  // the current data; adoptData swaps it in. Frames and pointers from before it are invalid.
  struct Prepared;
  Result<std::shared_ptr<Prepared>> prepareData(LoadedDataset data) const;
  void adoptData(std::shared_ptr<Prepared> prepared);

 private:
  MapSession(LoadedMap map, std::optional<LoadedDataset> data);
  LoadedMap map_;
  std::vector<std::string> focusCountries_;
  std::optional<LonLatBox> view_;
  size_t baseTowns_ = 0;  // map_.layers.towns before a dataset's settlements were added
  std::optional<LoadedDataset> data_;
  std::unique_ptr<Projection> builderProjection_;  // declared before builder_: it outlives it
  std::unique_ptr<ControlAreaBuilder> builder_;
  std::unique_ptr<ControlAreaCache> cache_;
};

}  // namespace frontline
