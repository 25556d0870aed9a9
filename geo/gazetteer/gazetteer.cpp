#include "geo/gazetteer/gazetteer.hpp"

#include <algorithm>
#include <cmath>

#include "geo/gazetteer/byte_io.hpp"

#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/normalize.hpp"

namespace frontline {
namespace {

constexpr double kNameScore = 1.0;
constexpr double kAlternateScore = 0.99;  // a town 50x bigger under an alternate name beats a village's own name
constexpr double kPhoneticScore = 0.9;
constexpr double kSimilarScore = 0.86;     // at distance 0 between different phonetic keys
constexpr double kSimilarPerEdit = 0.08;   // lost per unit of phoneticDistance
constexpr double kGoodEnough = 0.8;        // below this, fuzzy search and article stripping are tried
constexpr double kStrippedArticle = 0.97;  // "Alraqqa" read as "raqqa"
constexpr size_t kFuzzyKeys = 48;          // phonetic keys verified per fuzzy search

// How far (phoneticDistance) a spelling may stray, by the length of its phonetic key.
// Short names get little slack: three letters off in a four-letter name is another name.
double allowedDistance(size_t length) {
  if (length <= 3) return 0.25;
  if (length <= 5) return 0.75;
  if (length <= 8) return 1.5;
  return 2.5;
}

// Towns first, then their sections, then other features; capitals and seats before villages.
double featureWeight(const Place& p) {
  const std::string& code = p.featureCode;
  if (p.featureClass == 'P') {
    if (code == "PPLC") return 1.0;
    if (code == "PPLA") return 0.9;
    if (code == "PPLA2") return 0.75;
    if (code == "PPLA3") return 0.65;
    if (code == "PPLA4" || code == "PPLA5" || code == "PPLG") return 0.6;
    if (code == "PPLX") return 0.35;  // a section of a town
    if (code == "PPLQ" || code == "PPLW" || code == "PPLH" || code == "PPLCH") return 0.15;  // abandoned, destroyed
    return 0.5;
  }
  if (p.featureClass == 'A') return 0.4;
  return 0.3;
}

// GeoNames gives population 0 for "unknown", which is common for Iraqi district seats: assume a
// typical size for the feature instead of none.
double knownOrTypicalPopulation(const Place& p) {
  if (p.population > 0) return static_cast<double>(p.population);
  if (p.featureClass != 'P') return 0;
  const std::string& code = p.featureCode;
  if (code == "PPLC") return 1e6;
  if (code == "PPLA") return 1e5;
  if (code == "PPLA2") return 2e4;
  if (code == "PPLA3") return 5e3;
  return 500;  // cities500 and similar extracts: at least 500 people
}

// 0.9..1: breaks ties between equally good spellings without overriding a better spelling.
double importance(const Place& p) {
  const double population = std::min(1.0, std::log10(knownOrTypicalPopulation(p) + 1) / 6.5);
  return 0.9 + 0.1 * (0.6 * featureWeight(p) + 0.4 * population);
}

bool inCountries(const Place& p, const MatchContext& context) {
  return context.countries.empty() ||
         std::find(context.countries.begin(), context.countries.end(), p.countryCode) != context.countries.end();
}

double contextFactor(const Place& p, const MatchContext& context) {
  double factor = 1.0;
  if (!inCountries(p, context)) factor *= 0.75;
  if (!context.points.empty()) {
    double nearest = 1e9;
    for (const ContextPoint& q : context.points) nearest = std::min(nearest, greatCircleKm(q.lat, q.lon, p.lat, p.lon));
    constexpr double k = Gazetteer::kContextKm;
    if (nearest > k) factor *= std::max(0.8, 0.95 - 0.15 * (nearest - k) / (3 * k));
  }
  if (context.box && !context.box->contains(p.lon, p.lat)) factor *= 0.8;
  if (context.near) {
    const NearPoint& near = *context.near;
    const double km = greatCircleKm(near.lat, near.lon, p.lat, p.lon);
    const double radius = std::max(near.radiusKm, 0.1);
    if (km > radius) factor *= std::max(0.6, 0.85 - 0.25 * (km - radius) / (2 * radius));
  }
  return factor;
}

// "alraqqa" -> "raqqa", "arraqqa" -> "raqqa", "elkaim" -> "kaim": an article written together
// with the name. Empty when the first word does not look like that.
std::string withoutGluedArticle(std::string_view folded) {
  const size_t space = folded.find(' ');
  const std::string_view first = folded.substr(0, space);
  if (first.size() < 5) return {};
  const bool al = (first[0] == 'a' || first[0] == 'e') && first[1] == 'l';
  const bool assimilated = (first[0] == 'a' || first[0] == 'e') && first[1] == first[2] &&
                           std::string_view("tdrzsn").find(first[1]) != std::string_view::npos;
  if (!al && !assimilated) return {};
  return std::string(folded.substr(2));
}

class CandidateSet {
 public:
  CandidateSet(const std::vector<Place>& places, double scale) : places_(places), scale_(scale) {}

  void add(NameRef ref, MatchKind kind, double nameScore) {
    nameScore *= scale_;
    for (Candidate& c : list_) {
      if (c.place == &places_[ref.place]) {
        if (nameScore > c.nameScore) c = make(ref, kind, nameScore);
        return;
      }
    }
    list_.push_back(make(ref, kind, nameScore));
  }

  // The best spelling among the candidates the context allows (with countries: inside them), so
  // that a good spelling elsewhere does not stop the search for one in the countries.
  double bestNameScore(const MatchContext& context) const {
    double best = 0;
    for (const Candidate& c : list_)
      if (inCountries(*c.place, context)) best = std::max(best, c.nameScore);
    return best;
  }

  std::vector<Candidate>& list() { return list_; }

 private:
  Candidate make(NameRef ref, MatchKind kind, double nameScore) const {
    const Place& place = places_[ref.place];
    return Candidate{&place, nameOf(place, ref.name), kind, nameScore, 0.0};
  }

  const std::vector<Place>& places_;
  double scale_;
  std::vector<Candidate> list_;
};

}  // namespace

const char* matchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::Name: return "name";
    case MatchKind::Alternate: return "alternate";
    case MatchKind::Phonetic: return "phonetic";
    case MatchKind::Similar: return "similar";
  }
  return "?";
}

Gazetteer Gazetteer::build(std::vector<Place> places) {
  Gazetteer g;
  g.places_ = std::move(places);
  g.index_ = NameIndex::build(g.places_);
  return g;
}

std::vector<Candidate> Gazetteer::collect(std::string_view name, const MatchContext& context, Mode mode) const {
  const std::string folded = foldName(name);
  std::vector<Candidate> merged;
  // The query as written, then (if that finds nothing good) without an article glued to it.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const std::string query = attempt == 0 ? folded : withoutGluedArticle(folded);
    if (query.empty()) break;
    CandidateSet set(places_, attempt == 0 ? 1.0 : kStrippedArticle);
    const std::vector<std::string_view> words = coreWords(query);
    std::string exact;
    for (const std::string_view w : words) exact += w;
    if (exact.empty()) break;
    for (const NameRef ref : index_.exact(exact))
      set.add(ref, ref.name <= 1 ? MatchKind::Name : MatchKind::Alternate, ref.name <= 1 ? kNameScore : kAlternateScore);

    const std::string phonetic = phoneticKey(words);
    if (!phonetic.empty()) {
      const size_t own = index_.phoneticId(phonetic);
      if (own < index_.phoneticCount())
        for (const NameRef ref : index_.phoneticNames(own)) set.add(ref, MatchKind::Phonetic, kPhoneticScore);
      auto addSimilar = [&](uint32_t id, double limit) {
        if (id == own) return;
        const double d = phoneticDistance(phonetic, index_.phoneticKey(id), limit);
        if (d > limit) return;
        const double score = std::max(0.01, kSimilarScore - kSimilarPerEdit * d);
        for (const NameRef ref : index_.phoneticNames(id)) set.add(ref, MatchKind::Similar, score);
      };
      const double allowed = allowedDistance(phonetic.size());
      // Same consonants (Telafer ~ Tal Afar): vowels may differ a little more. Not needed once the
      // name or an alternate name matched: a similar spelling (at most kSimilarScore) never ranks
      // above it, and in a world gazetteer a short skeleton has hundreds of keys to compare.
      if (mode == Mode::Suggest || set.bestNameScore(context) < kAlternateScore)
        for (const uint32_t id : index_.skeleton(skeletonKey(phonetic))) addSimilar(id, allowed + 0.5);
      if (mode == Mode::Suggest || set.bestNameScore(context) < kGoodEnough) {
        const double limit = mode == Mode::Suggest ? std::max(allowed, 0.5 * static_cast<double>(phonetic.size()))
                                                   : allowed;
        const auto lengthSlack = static_cast<size_t>(std::ceil(2 * limit));
        for (const uint32_t id : index_.similarKeys(phonetic, lengthSlack, kFuzzyKeys)) addSimilar(id, limit);
      }
    }
    for (Candidate& c : set.list()) {
      auto same = std::find_if(merged.begin(), merged.end(), [&](const Candidate& m) { return m.place == c.place; });
      if (same == merged.end()) merged.push_back(c);
      else if (c.nameScore > same->nameScore) *same = c;
    }
    double best = 0;
    for (const Candidate& c : merged)
      if (inCountries(*c.place, context)) best = std::max(best, c.nameScore);
    if (best >= kGoodEnough) break;
  }

  for (Candidate& c : merged) c.score = c.nameScore * importance(*c.place) * contextFactor(*c.place, context);
  if (mode == Mode::Match)
    std::erase_if(merged, [](const Candidate& c) { return c.nameScore < kMinNameScore || c.score < kMinScore; });
  std::sort(merged.begin(), merged.end(), [&](const Candidate& a, const Candidate& b) {
    const bool aIn = inCountries(*a.place, context), bIn = inCountries(*b.place, context);
    if (aIn != bIn) return aIn;
    if (a.score != b.score) return a.score > b.score;
    if (a.place->population != b.place->population) return a.place->population > b.place->population;
    return a.place->id < b.place->id;
  });
  return merged;
}

MatchResult Gazetteer::match(std::string_view name, const MatchContext& context) const {
  MatchResult result;
  result.candidates = collect(name, context, Mode::Match);
  if (result.candidates.size() > kMaxCandidates) result.candidates.resize(kMaxCandidates);
  if (!result.candidates.empty()) {
    const Candidate& best = result.candidates.front();
    result.outsideCountries = !inCountries(*best.place, context);
    for (size_t i = 1; i < result.candidates.size(); ++i) {
      const Candidate& other = result.candidates[i];
      if (other.score < best.score - kAmbiguityMargin) break;
      if (inCountries(*other.place, context) != inCountries(*best.place, context)) break;
      if (greatCircleKm(best.place->lat, best.place->lon, other.place->lat, other.place->lon) > kAmbiguityKm) {
        result.ambiguous = true;
        break;
      }
    }
  }
  return result;
}

std::vector<Candidate> Gazetteer::suggest(std::string_view name, const MatchContext& context, size_t count) const {
  std::vector<Candidate> candidates = collect(name, context, Mode::Suggest);
  if (candidates.size() > count) candidates.resize(count);
  return candidates;
}

std::string Gazetteer::toBytes() const {
  ByteWriter out;
  out.value(static_cast<uint64_t>(places_.size()));
  for (const Place& p : places_) {
    out.value(p.id);
    out.string(p.name);
    out.string(p.asciiName);
    out.value(static_cast<uint32_t>(p.alternates.size()));
    for (const std::string& a : p.alternates) out.string(a);
    out.value(p.lat);
    out.value(p.lon);
    out.value(p.featureClass);
    out.string(p.featureCode);
    out.string(p.countryCode);
    out.value(p.population);
    out.string(p.source);
  }
  index_.write(out);
  return std::move(out.bytes());
}

std::optional<Gazetteer> Gazetteer::read(std::istream& stream) {
  ByteReader in(stream);
  const auto count = in.value<uint64_t>();
  if (in.failed() || count > (uint64_t{1} << 28)) return std::nullopt;
  Gazetteer g;
  g.places_.resize(count);
  for (Place& p : g.places_) {
    p.id = in.value<int64_t>();
    p.name = in.string();
    p.asciiName = in.string();
    const auto alternates = in.value<uint32_t>();
    if (in.failed() || alternates > (uint32_t{1} << 24)) return std::nullopt;
    p.alternates.reserve(alternates);
    for (uint32_t i = 0; i < alternates; ++i) p.alternates.emplace_back(in.string());
    p.lat = in.value<double>();
    p.lon = in.value<double>();
    p.featureClass = in.value<char>();
    p.featureCode = in.string();
    p.countryCode = in.string();
    p.population = in.value<int64_t>();
    p.source = in.string();
    if (in.failed()) return std::nullopt;
  }
  if (!g.index_.read(in, g.places_) || !in.atEnd()) return std::nullopt;
  return g;
}

size_t Gazetteer::memoryBytes() const {
  size_t bytes = places_.capacity() * sizeof(Place) + index_.memoryBytes();
  auto text = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };  // beyond SSO
  for (const Place& p : places_) {
    bytes += text(p.name) + text(p.asciiName) + text(p.featureCode) + text(p.countryCode) + text(p.source);
    bytes += p.alternates.capacity() * sizeof(std::string);
    for (const std::string& a : p.alternates) bytes += text(a);
  }
  return bytes;
}

}  // namespace frontline
