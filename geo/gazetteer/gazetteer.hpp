// Geocoding: a place name as reports spell it -> ranked gazetteer places with scores.
// Exact and alternate-name hits come first, then phonetic and fuzzy hits (normalize.hpp); ranking
// weighs the feature (towns before other features), population and an optional context.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer/name_index.hpp"
#include "geo/gazetteer/place.hpp"
#include "geo/model/lonlat_box.hpp"

namespace frontline {

struct NearPoint {
  double lat = 0, lon = 0;
  double radiusKm = 50;
};

struct ContextPoint {
  double lat = 0, lon = 0;
};

// What the caller knows about where the places are; each part is optional. Places that do not fit
// rank lower (they are not removed): outside `box` x0.8, beyond `near`'s radius x0.85 falling to
// x0.6 at three times the radius, further than kContextKm from every one of `points` x0.95 falling
// to x0.8 at four times that. `countries` is stronger: any candidate inside them ranks before every
// candidate outside (whose score is also x0.75), however much better the outside spelling matches.
struct MatchContext {
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, e.g. {"SY", "IQ"}
  std::optional<LonLatBox> box;
  std::optional<NearPoint> near;
  // Where the other places of the same table are (a dataset's located places): of two towns of one
  // name, the one near them wins.
  std::vector<ContextPoint> points;
};

// How a candidate's name matched the query, best first.
enum class MatchKind {
  Name,       // the place's own name, after folding case, diacritics, marks and articles
  Alternate,  // one of its alternate names (or an alias from an extras file), likewise
  Phonetic,   // equal after transliteration classes (Boukamal ~ Albu Kamal)
  Similar,    // close after transliteration classes (Telafer ~ Tall 'Afar)
};
const char* matchKindName(MatchKind kind);

struct Candidate {
  const Place* place = nullptr;  // owned by the Gazetteer
  std::string_view matchedName;  // the name or alternate name that matched
  MatchKind kind = MatchKind::Similar;
  double nameScore = 0;  // spelling only: 1 name, 0.99 alternate, 0.9 phonetic, 0.86..0.6 similar
  double score = 0;      // nameScore x importance (0.9..1) x context factors; what candidates are ranked by
};

struct MatchResult {
  std::vector<Candidate> candidates;  // best first; empty when nothing matched well enough
  // The best two candidates are within kAmbiguityMargin in score but more than kAmbiguityKm apart:
  // the answer is a guess that context (countries, box, near) should settle.
  bool ambiguous = false;
  // Countries were given but the best candidate lies outside all of them: nothing of that name was
  // found in the countries (the caller should say so rather than place it elsewhere silently).
  bool outsideCountries = false;

  bool resolved() const { return !candidates.empty(); }
  const Candidate& best() const { return candidates.front(); }
};

class Gazetteer {
 public:
  // A candidate needs both: a close enough spelling, and not a weak spelling in the wrong place.
  static constexpr double kMinNameScore = 0.6;
  static constexpr double kMinScore = 0.5;
  static constexpr double kAmbiguityMargin = 0.05;
  static constexpr double kAmbiguityKm = 15;
  static constexpr size_t kMaxCandidates = 4;  // the best and three alternatives
  static constexpr double kContextKm = 150;     // MatchContext::points: this near counts as "near"

  // Indexes every name and alternate name. Places keep their order; ids need not be unique.
  static Gazetteer build(std::vector<Place> places);

  Gazetteer(Gazetteer&&) noexcept = default;
  Gazetteer& operator=(Gazetteer&&) noexcept = default;
  Gazetteer(const Gazetteer&) = delete;  // candidates point into places_
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Ranked places for a name; thread-safe.
  MatchResult match(std::string_view name, const MatchContext& context = {}) const;

  // For names that match nothing: up to `count` places with the closest spellings, however far,
  // best first ("did you mean ...").
  std::vector<Candidate> suggest(std::string_view name, const MatchContext& context = {}, size_t count = 3) const;

  const std::vector<Place>& places() const { return places_; }

  // The places and the index as bytes (gazetteer_loader writes them to a cache file after a header),
  // and back from a stream; read returns nothing unless the rest of the stream holds exactly one
  // whole, consistent gazetteer.
  std::string toBytes() const;
  static std::optional<Gazetteer> read(std::istream& in);

  // Bytes held by the places and the index (capacity, approximately).
  size_t memoryBytes() const;

 private:
  Gazetteer() = default;
  enum class Mode { Match, Suggest };
  std::vector<Candidate> collect(std::string_view name, const MatchContext& context, Mode mode) const;

  std::vector<Place> places_;
  NameIndex index_;
};

}  // namespace frontline
