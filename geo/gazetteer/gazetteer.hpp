// Geocoding: a place name as reports spell it -> ranked gazetteer places with scores.
// Exact and alternate-name hits come first, then phonetic and fuzzy hits (normalize.hpp); ranking
// weighs the feature (towns before other features), population and an optional context.
#pragma once

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

// What the caller knows about where the places are; each part is optional. Places that do not fit
// rank lower (they are not removed): outside `countries` x0.75, outside `box` x0.8, beyond `near`'s
// radius x0.85 falling to x0.6 at three times the radius.
struct MatchContext {
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, e.g. {"SY", "IQ"}
  std::optional<LonLatBox> box;
  std::optional<NearPoint> near;
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
  double nameScore = 0;  // spelling only: 1 name, 0.98 alternate, 0.9 phonetic, 0.86..0.6 similar
  double score = 0;      // nameScore x importance (0.9..1) x context factors; what candidates are ranked by
};

struct MatchResult {
  std::vector<Candidate> candidates;  // best first; empty when nothing matched well enough
  // The best two candidates are within kAmbiguityMargin in score but more than kAmbiguityKm apart:
  // the answer is a guess that context (countries, box, near) should settle.
  bool ambiguous = false;

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
