// From report texts to proposed events: place mentions (gazetteer, article context), actor mentions
// (dataset actors, aliases, generic "government forces" / "Iraqi troops"), dates, and statements of
// control found by a small pattern grammar over each sentence (see README "Reading reports").
// Standard library + gazetteer + model only. An Ingestor is not thread-safe (it caches matches).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"
#include "geo/ingest/article.hpp"
#include "geo/ingest/report_dates.hpp"
#include "geo/model/event.hpp"
#include "geo/model/timeline.hpp"

namespace frontline::ingest {

struct PlaceMention {
  size_t begin = 0, end = 0;  // byte offsets in Article::text
  std::string text;           // as written
  bool resolved = false;
  std::string name, country;  // the gazetteer's place (when resolved)
  double lat = 0, lon = 0;
  double score = 0;
  bool ambiguous = false;     // settled by context; worth a look
  std::string why;            // for unresolved mentions: what was tried
};

struct ActorMention {
  size_t begin = 0, end = 0;
  std::string text;
  std::string actor;  // actor id (for Opposing: the side opposed); empty for a generic phrase resolved per statement
  enum class Kind { Named, Demonym, Government, Backed, Coreference, Adjective, Opposing } kind = Kind::Named;
};

struct Proposal {
  std::optional<Date> date;
  std::string dateText;        // the expression the date came from ("on Friday", "publication date")
  PlaceMention place;
  std::string controller;      // actor id
  ControlStatus status = ControlStatus::Control;
  Confidence confidence = Confidence::High;
  std::string quote;           // the sentence
  size_t sentenceBegin = 0, sentenceEnd = 0;
  std::string source, url;
  std::string notes;           // which rule, what lowered the confidence, date warnings
};

struct IngestResult {
  std::vector<PlaceMention> places;      // resolved and unresolved, in text order
  std::vector<ActorMention> actors;
  std::vector<DateMention> dates;
  std::vector<std::string> countries;    // the countries the article is about, most named first
  std::vector<Proposal> proposals;
  std::vector<std::string> warnings;     // one line each, without the file name
};

struct IngestConfig {
  std::vector<std::string> focusCountries;  // the dataset's; used when an article names none
  const Timeline* timeline = nullptr;       // who held a place before (for sieges and withdrawals)
  std::optional<Date> latest;               // no report is about later days (the dataset's end, else today)
};

// Sentences of a text as [begin, end) byte ranges (abbreviations such as "Nov." and "U.S." do not end one).
std::vector<std::pair<size_t, size_t>> splitSentences(std::string_view text);

class Ingestor {
 public:
  Ingestor(const Gazetteer& gazetteer, std::vector<Actor> actors, IngestConfig config);
  ~Ingestor();
  Ingestor(Ingestor&&) noexcept;

  IngestResult analyse(const Article& article);

  const std::vector<Actor>& actors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::ingest
