// The numbers behind the viewer's area chart: land held per controller (km², on the ellipsoid)
// at sample dates from the dataset's start to its end. Computed a few samples at a time (the
// viewer does it on idle frames, with the session the map uses), coarse to fine so that a partial
// series already spans the whole range. No ImGui, no GL: unit-tested on its own.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/date.hpp"
#include "geo/territory/territory_stats.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// The dates to sample: every `stepDays` from `first` (and `last` itself) plus every event date in
// first .. last, sorted, without repeats. More than `cap`: thinned to `cap` evenly spread ones,
// keeping the first and the last.
std::vector<Date> areaSampleDates(Date first, Date last, const std::vector<Date>& eventDates, int stepDays = 7,
                                  size_t cap = 400);

// The order to compute `n` samples in: 0 and n-1 first, then every 2^k-th index for falling k,
// so that any prefix is spread over the whole range. A permutation of 0 .. n-1.
std::vector<size_t> coarseToFineOrder(size_t n);

class AreaSeries {
 public:
  // The totals on a date (the viewer: MapSession::frameAt, then ControlAreaBuilder::totals).
  using TotalsAt = std::function<Result<TerritoryTotals>(Date)>;

  AreaSeries() = default;
  explicit AreaSeries(std::vector<Date> dates);

  // Computes samples in coarse-to-fine order until `deadline` (at least one if any is left).
  // Returns how many it computed; the first error stops the series (error() says why).
  size_t step(const TotalsAt& totalsAt, std::chrono::steady_clock::time_point deadline);
  // All at once (tests, the benchmark).
  void computeAll(const TotalsAt& totalsAt);

  bool complete() const { return next_ >= order_.size() || !error_.empty(); }
  size_t computed() const { return next_; }
  const std::string& error() const { return error_; }

  const std::vector<Date>& dates() const { return dates_; }
  bool has(size_t sample) const { return sample < done_.size() && done_[sample]; }
  // Controllers in the order they first appeared in a computed sample.
  const std::vector<std::string>& controllers() const { return controllers_; }
  // km² held by controller `c` at sample `sample` (0 when not computed or not held).
  double km2(size_t sample, size_t c) const;
  // The largest value of any controller at any computed sample (0: nothing yet).
  double maxKm2() const { return max_; }
  // The computed sample nearest to `day`, if any.
  std::optional<size_t> nearestComputed(double day) const;

 private:
  std::vector<Date> dates_;
  std::vector<size_t> order_;
  size_t next_ = 0;
  std::vector<char> done_;
  std::vector<std::vector<double>> values_;  // per sample, per controller index
  std::vector<std::string> controllers_;
  double max_ = 0;
  std::string error_;
};

// A round step for an axis from 0 to `maxValue` with about `ticks` ticks: 1, 2 or 5 times a power of ten.
double niceStep(double maxValue, int ticks);

}  // namespace frontline
