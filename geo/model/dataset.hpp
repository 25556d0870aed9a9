// A dataset: its settings, actors and timeline, as loaded from a manifest or a bare event table.
#pragma once

#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "geo/model/display_text.hpp"
#include "geo/model/event.hpp"
#include "geo/model/timeline.hpp"

namespace frontline {

// How land far from any settlement is drawn: a light tint of the holder of the places around it
// (the convention of overview maps) or left blank (the Coalition maps' "sparsely populated").
enum class SparseLand { Nominal, Blank };

struct DatasetSettings {
  std::string title;
  std::string description;
  double transitionDays = 5;     // how long a change of control animates, in map days
  double capKm = 35;             // a place controls land up to this far (nearest place wins)
  bool crossBorders = false;     // may a place's area cross country borders?
  SparseLand sparseLand = SparseLand::Nominal;
  std::vector<std::string> focusCountries;
  std::optional<Date> start, end;  // the span shown; default: the events' span
};

// A problem found while loading or checking a dataset, with where it is.
struct DatasetIssue {
  SourceLocation where;
  std::string what;
  bool error = true;  // false: a warning (the dataset is still usable)

  // Built member by member: brace-initialising the aggregate trips a false -Wmaybe-uninitialized in GCC 12.
  static DatasetIssue make(SourceLocation where, std::string what, bool error) {
    DatasetIssue issue;
    issue.where = std::move(where);
    issue.what = safeMessage(what);
    issue.error = error;
    return issue;
  }
  std::string text() const {
    return safeMessage((where.file.empty() ? "" : where.text() + ": ") + (error ? "" : "warning: ") + what);
  }
};

struct Dataset {
  std::string source;  // the manifest or table it came from
  DatasetSettings settings;
  std::vector<Actor> actors;
  Timeline timeline;
  std::vector<DatasetIssue> issues;

  const Actor* actor(const std::string& id) const;
  bool hasErrors() const;
  Date start() const { return settings.start ? *settings.start : timeline.first(); }
  Date end() const { return settings.end ? *settings.end : timeline.last(); }
};

}  // namespace frontline
