#include "geo/ingest/ingest.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "geo/gazetteer/country_names.hpp"
#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/normalize.hpp"
#include "geo/ingest/text_tokens.hpp"

namespace frontline::ingest {
namespace {

using Words = std::unordered_set<std::string_view>;

bool in(const Words& set, std::string_view w) { return set.count(w) != 0; }

// Capitalised words that are not places (sentence starts, titles, organisations, calendar words).
const Words& stopWords() {
  static const Words words{
      "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "but", "and", "or", "if", "as", "after",
      "before", "when", "while", "with", "by", "for", "from", "to", "of", "this", "that", "these", "those", "there",
      "its", "their", "his", "her", "our", "mr", "mrs", "ms", "dr", "gen", "general", "president", "prime", "minister",
      "ministry", "spokesman", "spokeswoman", "commander", "colonel", "col", "lt", "maj", "major", "brigadier",
      "lieutenant", "captain", "sheikh", "reuters", "ap", "afp", "associated", "press", "agence", "presse", "state",
      "islamic", "army", "forces", "force", "government", "coalition", "police", "council", "defense", "defence",
      "interior", "news", "agency", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "us",
      "un", "u.n", "uk", "eu", "nato", "kurdish", "kurds", "arab", "arabs", "sunni", "sunnis", "shi'ite", "shiite",
      "shia", "christian", "christians", "muslim", "yazidi", "yazidis", "euphrates", "tigris", "river", "valley",
      "desert", "province", "district", "city", "town", "village", "operations", "operation", "command", "joint",
      "international", "western", "eastern", "northern", "southern", "north", "south", "east", "west", "central",
      "twitter", "facebook", "telegram", "tass", "ria", "interfax", "bbc", "cnn", "god", "allah", "iraqi", "syrian",
      "ukrainian", "russian", "turkish", "iranian", "american", "americans", "israeli", "western", "european", "all",
      "some", "many", "most", "one", "two", "three", "several", "both", "no", "not", "what", "who", "where", "why",
      "how", "also", "however", "meanwhile", "earlier", "later", "since", "until", "during", "about", "around",
      "near", "under", "over", "between", "against", "into", "through", "there", "here", "then", "now", "today",
      "yesterday", "tomorrow", "last", "next", "first", "second", "third", "final", "new", "old", "great", "greater",
      "mount", "mountain", "mountains", "lake", "dam", "airport", "base", "air", "airbase", "border", "crossing",
      "republic", "kingdom", "federation", "democratic", "people", "peoples", "popular", "mobilization",
      "mobilisation", "units", "unit", "division", "brigade", "battalion", "regiment", "corps", "ministry",
      "headquarters", "security", "national", "royal", "federal", "special", "counter", "terrorism", "service",
      "revolutionary", "guard", "guards", "party", "front", "group", "fighters", "militants", "militia", "militias",
      "jihadists", "jihadist", "rebels", "rebel", "troops", "soldiers", "civilians", "officials", "official", "media",
      "statement", "video", "photo", "photos", "reporting", "editing", "writing", "additional", "by", "read", "more",
      "related", "advertisement", "update", "updated", "breaking", "live", "exclusive", "analysis", "opinion",
      "sources", "source", "witnesses", "residents", "saturday's", "sunday's", "friday's", "thursday's",
      "wednesday's", "tuesday's", "monday's", "it's", "he's", "that's", "there's", "we're", "they're", "i'm",
      "youtube", "google", "whatsapp", "english", "arabic", "russian", "ukrainian", "kremlin", "pentagon", "white",
      "house", "senate", "congress", "parliament", "cabinet", "foreign", "affairs", "war", "battle", "victory",
      "day", "week", "month", "year", "morning", "evening", "night", "afternoon", "hospital", "university", "mosque",
      "church", "street", "square", "bridge", "road", "highway", "route", "oil", "field", "fields", "gas", "plant",
      "humanitarian", "human", "rights", "watch", "amnesty", "red", "cross", "crescent", "observatory", "syria's",
      "iraq's", "ukraine's", "russia's", "iraq", "syria", "ukraine", "russia", "turkey", "iran", "israel", "lebanon",
      "jordan", "saudi", "arabia", "egypt", "libya", "yemen", "afghanistan", "america", "europe", "africa", "asia"};
  return words;
}

// Words before a name that make it a person's name, not a place.
const Words& titleWords() {
  static const Words words{"president", "minister", "spokesman", "spokeswoman", "gen", "general", "commander",
                           "mr", "mrs", "ms", "dr", "leader", "colonel", "col", "brigadier", "lieutenant", "lt",
                           "major", "maj", "captain", "capt", "sgt", "sergeant", "cleric", "sheikh", "emir",
                           "envoy", "ambassador", "secretary", "chief", "correspondent", "reporter", "analyst",
                           "told", "said", "abu"};
  return words;
}

// Words before a name that make it likely a place.
const Words& locationCues() {
  static const Words words{"in", "near", "into", "outside", "around", "toward", "towards", "town", "city",
                           "village", "villages", "towns", "district", "recaptured", "retook", "captured",
                           "took", "seized", "liberated", "entered", "besieged", "of", "from", "at"};
  return words;
}

// Articles and particles inside place names ("Deir al Zor", "Ras al Ain").
const Words& nameConnectors() {
  static const Words words{"al", "el", "ad", "ar", "as", "an", "ash", "az", "ez", "at", "ath", "adh", "ad-", "bin"};
  return words;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

struct Demonym {
  std::string_view adjective, country, code;
};
constexpr std::array<Demonym, 14> kDemonyms{{{"iraqi", "iraq", "IQ"},
                                              {"syrian", "syria", "SY"},
                                              {"ukrainian", "ukraine", "UA"},
                                              {"russian", "russia", "RU"},
                                              {"turkish", "turkey", "TR"},
                                              {"iranian", "iran", "IR"},
                                              {"american", "united states", "US"},
                                              {"israeli", "israel", "IL"},
                                              {"lebanese", "lebanon", "LB"},
                                              {"jordanian", "jordan", "JO"},
                                              {"afghan", "afghanistan", "AF"},
                                              {"yemeni", "yemen", "YE"},
                                              {"libyan", "libya", "LY"},
                                              {"belarusian", "belarus", "BY"}}};

const Demonym* demonym(std::string_view lower) {
  for (const Demonym& d : kDemonyms)
    if (d.adjective == lower) return &d;
  return nullptr;
}

const Words& forceNouns() {
  static const Words words{"forces", "troops", "army", "soldiers", "military", "units", "force", "servicemen",
                           "government", "regime", "fighters", "militias", "paratroopers", "marines", "defenders",
                           "armed"};
  return words;
}

const Words& militantNouns() {
  static const Words words{"militants", "jihadists", "insurgents", "extremists", "fighters", "terrorists"};
  return words;
}

enum class Trigger { None, Capture, Enter, Fell, Withdraw, Siege, Fight, Victory, Noun, Expel, Flag };

struct TriggerInfo {
  Trigger kind = Trigger::None;
  bool participle = false;  // may head a passive ("was captured", "besieged by")
  bool gerund = false;
};

TriggerInfo triggerOf(std::string_view w) {
  static const std::map<std::string_view, TriggerInfo, std::less<>> table{
      {"captured", {Trigger::Capture, true, false}},    {"capture", {Trigger::Capture, false, false}},
      {"captures", {Trigger::Capture, false, false}},   {"capturing", {Trigger::Capture, false, true}},
      {"recaptured", {Trigger::Capture, true, false}},  {"recapture", {Trigger::Capture, false, false}},
      {"recaptures", {Trigger::Capture, false, false}}, {"recapturing", {Trigger::Capture, false, true}},
      {"retook", {Trigger::Capture, false, false}},     {"retake", {Trigger::Capture, false, false}},
      {"retakes", {Trigger::Capture, false, false}},    {"retaking", {Trigger::Capture, false, true}},
      {"retaken", {Trigger::Capture, true, false}},     {"took", {Trigger::Capture, false, false}},
      {"take", {Trigger::Capture, false, false}},       {"takes", {Trigger::Capture, false, false}},
      {"taking", {Trigger::Capture, false, true}},      {"taken", {Trigger::Capture, true, false}},
      {"seized", {Trigger::Capture, true, false}},      {"seize", {Trigger::Capture, false, false}},
      {"seizes", {Trigger::Capture, false, false}},     {"seizing", {Trigger::Capture, false, true}},
      {"regained", {Trigger::Capture, true, false}},    {"regain", {Trigger::Capture, false, false}},
      {"liberated", {Trigger::Capture, true, false}},   {"liberate", {Trigger::Capture, false, false}},
      {"liberates", {Trigger::Capture, false, false}},  {"liberating", {Trigger::Capture, false, true}},
      {"freed", {Trigger::Capture, true, false}},       {"overran", {Trigger::Capture, false, false}},
      {"overrun", {Trigger::Capture, true, false}},     {"conquered", {Trigger::Capture, true, false}},
      {"wrested", {Trigger::Capture, true, false}},     {"cleared", {Trigger::Capture, true, false}},
      {"secured", {Trigger::Capture, true, false}},     {"occupied", {Trigger::Capture, true, false}},
      {"controls", {Trigger::Capture, false, false}},   {"control", {Trigger::Capture, false, false}},   {"entered", {Trigger::Enter, true, false}},
      {"enter", {Trigger::Enter, false, false}},        {"enters", {Trigger::Enter, false, false}},
      {"entering", {Trigger::Enter, false, true}},      {"stormed", {Trigger::Enter, true, false}},
      {"storm", {Trigger::Enter, false, false}},        {"fell", {Trigger::Fell, false, false}},
      {"reached", {Trigger::Enter, false, false}},      {"advanced", {Trigger::Enter, false, false}},
      {"arrived", {Trigger::Enter, false, false}},      {"arriving", {Trigger::Enter, false, false}},
      {"fallen", {Trigger::Fell, false, false}},        {"falls", {Trigger::Fell, false, false}},
      {"withdrew", {Trigger::Withdraw, false, false}},  {"withdrawal", {Trigger::Withdraw, false, false}},  {"withdrawn", {Trigger::Withdraw, false, false}},
      {"withdraws", {Trigger::Withdraw, false, false}}, {"retreated", {Trigger::Withdraw, false, false}},
      {"pulled", {Trigger::Withdraw, false, false}},    {"fled", {Trigger::Withdraw, false, false}},
      {"abandoned", {Trigger::Withdraw, false, false}}, {"evacuated", {Trigger::Withdraw, false, false}},
      {"besieged", {Trigger::Siege, true, false}},      {"besieging", {Trigger::Siege, false, true}},
      {"encircled", {Trigger::Siege, true, false}},     {"surrounded", {Trigger::Siege, true, false}},
      {"encircling", {Trigger::Siege, false, true}},     {"isolated", {Trigger::Siege, true, false}},    {"surrounding", {Trigger::Siege, false, true}},
      {"fighting", {Trigger::Fight, false, false}},     {"clashes", {Trigger::Fight, false, false}},
      {"battles", {Trigger::Fight, false, false}},      {"fought", {Trigger::Fight, false, false}},
      {"victory", {Trigger::Victory, false, false}},    {"liberation", {Trigger::Noun, false, false}},
      {"fall", {Trigger::Noun, false, false}},          {"expelled", {Trigger::Expel, false, false}},
      {"expel", {Trigger::Expel, false, false}},        {"drove", {Trigger::Expel, false, false}},
      {"ousted", {Trigger::Expel, false, false}},       {"routed", {Trigger::Expel, false, false}},
      {"raised", {Trigger::Flag, false, false}},        {"raising", {Trigger::Flag, false, true}},
      {"hoisted", {Trigger::Flag, false, false}},       {"hoisting", {Trigger::Flag, false, true}}};
  const auto it = table.find(w);
  return it == table.end() ? TriggerInfo{} : it->second;
}

const Words& auxiliaries() {
  static const Words words{"was", "were", "been", "is", "are", "be", "being", "got", "get", "gets", "remains",
                           "remained", "remain", "stays", "stayed", "became", "becomes"};
  return words;
}
const Words& negators() {
  static const Words words{"not", "never", "failed", "fail", "fails", "failing", "unable", "without", "no",
                           "cannot", "denied", "deny", "denies", "refuted", "false"};
  return words;
}
const Words& modals() {
  static const Words words{"could", "may", "might", "would", "will", "should", "can", "must", "shall", "'ll",
                           "if", "unless", "whether"};
  return words;
}
const Words& claimWords() {
  static const Words words{"claimed", "claims", "claim", "claiming", "purportedly", "reportedly", "allegedly",
                           "unconfirmed", "rumours", "rumors", "unverified", "propaganda"};
  return words;
}
// Words that end the clause a statement can reach across.
const Words& clauseBreaks() {
  static const Words words{";", "while", "whereas", "but", "although", "though", "because", "since", "meanwhile",
                           "where", "which", "who", "as", "after", "before", "when", "amid", "until"};
  return words;
}
const Words& approachWords() {
  static const Words words{"outskirts", "edge", "edges", "approaches", "gates", "near", "toward", "towards",
                           "outside", "close", "around", "km", "kilometres", "kilometers", "miles", "mi", "south",
                           "north", "east", "west", "southeast", "southwest", "northeast", "northwest",
                           "south-east", "south-west", "north-east", "north-west", "vicinity", "countryside",
                           "direction", "road", "beyond", "past", "via", "on"};
  return words;
}

// Words after a name that make it a region, river or the like rather than the town.
const Words& notTownNouns() {
  static const Words words{"region", "regions", "oblast", "province", "governorate", "river", "sea", "lake",
                           "mountains", "mountain", "valley", "basin", "front", "direction", "axis", "sector",
                           "krai", "republic", "peninsula", "gulf", "strait", "desert", "plain", "plains"};
  return words;
}
const Words& governmentVerbs() {
  static const Words words{"said", "says", "announced", "claimed", "claims", "denied", "denies", "launched",
                           "accused", "warned", "insisted", "responded", "rejected", "confirmed", "stated", "wants",
                           "has", "had", "will", "would", "believes", "hopes"};
  return words;
}
const Words& governmentNouns() {
  static const Words words{"forces", "troops", "army", "military", "war", "invasion", "government", "defence",
                           "defense", "claim", "claims", "offensive", "counteroffensive", "counter-offensive",
                           "pushback", "allies", "leaders", "officials", "soldiers", "units", "gains"};
  return words;
}
// Capitalised words that may follow a town's name as part of a compound ("Raqqa Civilian Council").
const Words& compoundWords() {
  static const Words words{"city", "council", "university", "province", "district", "dam", "airport", "base",
                           "governorate", "oblast", "region", "military", "operations", "civilian", "front",
                           "airbase", "street", "square", "mosque", "old", "road", "highway", "bridge",
                           "offensive", "operation", "battle", "liberation", "police", "command", "hospital",
                           "countryside", "sub-district", "town", "village", "plant", "refinery", "axis", "direction"};
  return words;
}

struct CachedMatch {
  bool resolved = false;
  const Place* place = nullptr;
  MatchKind kind = MatchKind::Similar;
  double nameScore = 0, score = 0;
  bool ambiguous = false;
  std::vector<const Place*> close;  // candidates within the ambiguity margin, best first
  bool fromDataset = false;         // a place the dataset's own event tables name
};

}  // namespace

struct Ingestor::Impl {
  const Gazetteer& gazetteer;
  std::vector<Actor> actors;
  IngestConfig config;

  struct Phrase {
    std::vector<std::string> words;  // lower-case tokens
    size_t actor = 0;
    bool caseSensitive = false;      // short all-caps aliases: IS, SDF
    std::string exact;               // the alias as written, for case-sensitive ones
  };
  std::vector<Phrase> phrases;                          // longest first
  std::map<std::string, std::vector<size_t>, std::less<>> phrasesByFirst;  // first word -> phrases
  std::map<std::string, std::string, std::less<>> demonymActor;            // "iraqi" -> actor id
  std::map<std::string, std::string, std::less<>> countryActor;            // "IQ" -> actor id
  std::map<std::string, std::vector<std::string>, std::less<>> adjectiveActors;  // "kurdish" -> actor ids
  std::unordered_map<std::string, CachedMatch> cache;

  Impl(const Gazetteer& g, std::vector<Actor> a, IngestConfig c) : gazetteer(g), actors(std::move(a)), config(std::move(c)) {
    for (size_t i = 0; i < actors.size(); ++i) {
      std::vector<std::string> names = actors[i].aliases;
      names.push_back(actors[i].id);
      names.push_back(actors[i].name);
      for (const std::string& n : names) {
        if (n.empty()) continue;
        std::string_view shown = n;
        // "SDF (Syrian Democratic Forces)": both parts
        if (const size_t paren = n.find(" ("); paren != std::string::npos) shown = std::string_view(n).substr(0, paren);
        Phrase p;
        for (const Token& t : tokenize(shown, 0, shown.size()))
          if (!t.punct) p.words.push_back(t.lower);
        if (p.words.empty()) continue;
        p.actor = i;
        p.caseSensitive = shown.size() <= 4 && std::all_of(shown.begin(), shown.end(), [](char ch) {
                            return std::isupper(static_cast<unsigned char>(ch)) || ch == '.';
                          });
        p.exact = std::string(shown);
        // An id such as "islamic_state" is not how texts write it.
        if (shown.find('_') != std::string_view::npos) continue;
        phrases.push_back(std::move(p));
      }
    }
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const Phrase& x, const Phrase& y) { return x.words.size() > y.words.size(); });
    for (size_t i = 0; i < phrases.size(); ++i) phrasesByFirst[phrases[i].words.front()].push_back(i);
    for (const Actor& actor : actors) {
      std::vector<std::string> names = actor.aliases;
      names.push_back(actor.name);
      for (const std::string& n : names)
        for (const Token& t : tokenize(n, 0, n.size()))
          if (t.capitalised && !t.allCaps && t.lower.size() >= 4 && !demonym(t.lower)) {
            auto& ids = adjectiveActors[t.lower];
            if (std::find(ids.begin(), ids.end(), actor.id) == ids.end()) ids.push_back(actor.id);
          }
    }
    indexKeys();
    indexDatasetPlaces();
    for (const Demonym& d : kDemonyms) {
      const std::string id = actorForDemonym(d);
      if (!id.empty()) {
        demonymActor[std::string(d.adjective)] = id;
        countryActor[std::string(d.code)] = id;
      }
    }
  }

  // The actor that "<Demonym> forces" means: the government's side of that country.
  std::string actorForDemonym(const Demonym& d) const {
    int best = 0;
    std::string id;
    for (const Actor& a : actors) {
      std::vector<std::string> names = a.aliases;
      names.push_back(a.name);
      int score = 0;
      if (lowerAscii(a.id) == d.country || lowerAscii(a.name) == d.country) score = 10;
      for (const std::string& n : names) {
        const std::string l = lowerAscii(n);
        if (l.rfind(std::string(d.adjective) + " ", 0) != 0) continue;
        int s = 1;
        if (contains(l, "army")) s += 3;
        if (contains(l, "government")) s += 3;
        if (contains(l, "forces") || contains(l, "troops") || contains(l, "military")) s += 2;
        for (const char* side : {"democratic", "kurdish", "rebel", "opposition", "free", "national", "militia"})
          if (contains(l, side)) s -= 6;
        score = std::max(score, s);
      }
      if (score > best) {
        best = score;
        id = a.id;
      }
    }
    return id;
  }

  std::string countryKey(const std::vector<std::string>& countries) const {
    std::string key;
    for (const auto& c : countries) key += c;
    return key;
  }

  CachedMatch match(std::string_view name, const MatchContext& context, const std::string& contextKey) {
    std::string key(name);
    key += '\x1f';
    key += contextKey;
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    CachedMatch m;
    const MatchResult r = gazetteer.match(name, context);
    if (r.resolved()) {
      m.resolved = true;
      m.place = r.best().place;
      m.kind = r.best().kind;
      m.nameScore = r.best().nameScore;
      m.score = r.best().score;
      m.ambiguous = r.ambiguous;
      for (const Candidate& c : r.candidates)
        if (c.score >= r.best().score - Gazetteer::kAmbiguityMargin) m.close.push_back(c.place);
    }
    if (cache.size() > 200000) cache.clear();  // bounded memory on endless feeds
    cache.emplace(std::move(key), m);
    return m;
  }

  IngestResult analyse(const Article& article);

  // Hashes of the exact and phonetic keys of every populated place's names: a capitalised phrase
  // whose keys are not among them is no place name, and the gazetteer's (fuzzy, slower) ranking is
  // asked only for phrases that are, or that follow a word such as "in" or "town of".
  std::vector<uint64_t> keyHashes;
  static uint64_t hashKey(std::string_view key, char kind) {
    uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(kind);
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }
  void indexKeys() {
    for (const Place& p : gazetteer.places()) {
      if (p.featureClass != 'P') continue;
      auto add = [&](std::string_view name) {
        const NameKeys k = makeNameKeys(name);
        if (!k.exact.empty()) keyHashes.push_back(hashKey(k.exact, 'e'));
        if (!k.phonetic.empty()) keyHashes.push_back(hashKey(k.phonetic, 'p'));
      };
      add(p.name);
      if (p.asciiName != p.name) add(p.asciiName);
      for (const std::string& alt : p.alternates)
        if (!alt.empty() && static_cast<unsigned char>(alt[0]) < 0xC0 + 0x10) add(alt);  // Latin-script alternates
    }
    std::sort(keyHashes.begin(), keyHashes.end());
    keyHashes.erase(std::unique(keyHashes.begin(), keyHashes.end()), keyHashes.end());
  }
  // The places the dataset's event tables name, with the points they give: a village the world
  // gazetteer lacks (Robotyne, Vuhledar) is known to a dataset that records it, and the dataset's
  // spelling and point win over a namesake elsewhere.
  std::vector<Place> datasetPlaces;
  std::unordered_map<std::string, size_t> datasetPlaceByKey;  // exact name key -> datasetPlaces index
  void indexDatasetPlaces() {
    if (!config.timeline) return;
    datasetPlaces.reserve(config.timeline->places().size());
    for (const PlaceTrack& track : config.timeline->places()) {
      Place p;
      p.name = track.reportedName();
      p.asciiName = p.name;
      p.lat = track.lat;
      p.lon = track.lon;
      p.featureClass = 'P';
      p.featureCode = "PPL";
      p.countryCode = track.country;
      p.source = "dataset";
      const size_t index = datasetPlaces.size();
      datasetPlaces.push_back(std::move(p));
      std::vector<std::string> names{track.name};
      for (const Event& e : track.events) names.push_back(e.placeName);
      for (const std::string& n : names) {
        const NameKeys k = makeNameKeys(n);
        if (k.exact.size() < 4) continue;
        datasetPlaceByKey.emplace(k.exact, index);  // the first track keeps a name two tracks share
        keyHashes.push_back(hashKey(k.exact, 'e'));
      }
    }
    std::sort(keyHashes.begin(), keyHashes.end());
    keyHashes.erase(std::unique(keyHashes.begin(), keyHashes.end()), keyHashes.end());
  }
  std::optional<CachedMatch> datasetPlace(std::string_view name) const {
    if (datasetPlaceByKey.empty()) return std::nullopt;
    const auto it = datasetPlaceByKey.find(makeNameKeys(name).exact);
    if (it == datasetPlaceByKey.end()) return std::nullopt;
    CachedMatch m;
    m.resolved = true;
    m.place = &datasetPlaces[it->second];
    m.kind = MatchKind::Name;
    m.nameScore = m.score = 1;
    m.fromDataset = true;
    return m;
  }
  bool knownName(std::string_view name) const {
    const NameKeys k = makeNameKeys(name);
    return (!k.exact.empty() && std::binary_search(keyHashes.begin(), keyHashes.end(), hashKey(k.exact, 'e'))) ||
           (!k.phonetic.empty() && std::binary_search(keyHashes.begin(), keyHashes.end(), hashKey(k.phonetic, 'p')));
  }
};

namespace {

struct SentenceView {
  size_t begin = 0, end = 0;
  std::vector<Token> tokens;
  std::vector<int> actorAt;  // index into the article's actor mentions per token, -1 none
  std::vector<int> placeAt;  // index into the article's place mentions, -1 none
  std::vector<const DateMention*> dates;
};

std::string collapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

IngestResult Ingestor::Impl::analyse(const Article& article) {
  IngestResult result;
  const std::string& text = article.text;
  result.dates = findDates(text, article.published, config.latest);

  std::vector<SentenceView> sentences;
  for (const auto& [b, e] : splitSentences(text)) {
    SentenceView s;
    s.begin = b;
    s.end = e;
    s.tokens = tokenize(text, b, e);
    s.actorAt.assign(s.tokens.size(), -1);
    s.placeAt.assign(s.tokens.size(), -1);
    sentences.push_back(std::move(s));
  }
  {
    size_t d = 0;
    for (SentenceView& s : sentences) {
      while (d < result.dates.size() && result.dates[d].begin < s.begin) ++d;
      for (size_t k = d; k < result.dates.size() && result.dates[k].begin < s.end; ++k) s.dates.push_back(&result.dates[k]);
    }
  }

  // 1. Actors: dataset phrases (longest first), "<Demonym> forces", generic phrases.
  const Words& stops = stopWords();
  std::map<std::string, int> countryCount;
  for (SentenceView& s : sentences) {
    auto& tk = s.tokens;
    for (size_t i = 0; i < tk.size(); ++i) {
      if (tk[i].punct) continue;
      bool matched = false;
      if (const auto it = phrasesByFirst.find(tk[i].lower); it != phrasesByFirst.end()) {
        for (size_t pi : it->second) {
          const Phrase& p = phrases[pi];
          size_t j = i, w = 0;
          while (w < p.words.size() && j < tk.size() && !tk[j].punct && tk[j].lower == p.words[w]) ++j, ++w;
          if (w != p.words.size()) continue;
          const std::string_view written(text.data() + tk[i].begin, tk[j - 1].end - tk[i].begin);
          if (p.caseSensitive && written != p.exact) continue;
          // a lower-case alias such as "regime forces" matches any case; a name must be capitalised
          // unless the alias itself is written in lower case
          if (!p.caseSensitive && std::isupper(static_cast<unsigned char>(p.exact[0])) && !tk[i].capitalised) continue;
          ActorMention m;
          m.begin = tk[i].begin;
          m.end = tk[j - 1].end;
          m.text = std::string(written);
          m.actor = actors[p.actor].id;
          // "Islamic State militants": the noun belongs to the mention
          if (j < tk.size() && (in(militantNouns(), tk[j].lower) || in(forceNouns(), tk[j].lower))) {
            m.end = tk[j].end;
            m.text = text.substr(m.begin, m.end - m.begin);
            ++j;
          }
          for (size_t k = i; k < j; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
          result.actors.push_back(std::move(m));
          i = j - 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      if (const Demonym* d = demonym(tk[i].lower); d && tk[i].capitalised) {
        ++countryCount[std::string(d->code)];
        size_t j = i + 1;
        while (j < tk.size() && j < i + 3 && !in(forceNouns(), tk[j].lower) &&
               (tk[j].lower == "government" || tk[j].lower == "special" || tk[j].lower == "security" ||
                tk[j].lower == "armed" || tk[j].lower == "pro-government" || tk[j].lower == "regular" ||
                tk[j].lower == "defence" || tk[j].lower == "defense"))
          ++j;
        // "Russian forces", "Iraqi security forces", "the Russian Defence Ministry" (its side's voice)
        const bool ministry = j < tk.size() && tk[j].lower == "ministry" &&
                              (tk[j - 1].lower == "defence" || tk[j - 1].lower == "defense");
        if (j < tk.size() && (in(forceNouns(), tk[j].lower) || ministry)) {
          if (const auto it = demonymActor.find(tk[i].lower); it != demonymActor.end()) {
            ActorMention m;
            m.begin = tk[i].begin;
            m.end = tk[j].end;
            m.text = text.substr(m.begin, m.end - m.begin);
            m.actor = it->second;
            m.kind = ActorMention::Kind::Demonym;
            for (size_t k = i; k <= j; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
            result.actors.push_back(std::move(m));
            i = j;
          }
        }
        continue;
      }
      // "Ukraine's (armed) forces": the country's side
      if (tk[i].capitalised && i + 2 < tk.size() && tk[i + 1].lower == "'s") {
        size_t j = i + 2;
        if (tk[j].lower == "armed" && j + 1 < tk.size()) ++j;
        if (in(forceNouns(), tk[j].lower))
          if (auto code = countryCode(std::string_view(text).substr(tk[i].begin, tk[i].end - tk[i].begin))) {
            if (const auto it = countryActor.find(*code); it != countryActor.end()) {
              ActorMention m;
              m.begin = tk[i].begin;
              m.end = tk[j].end;
              m.text = text.substr(m.begin, m.end - m.begin);
              m.actor = it->second;
              m.kind = ActorMention::Kind::Demonym;
              for (size_t k = i; k <= j; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
              result.actors.push_back(std::move(m));
              i = j;
              continue;
            }
          }
      }
      // "Anti-IS forces": whoever fights the named actor
      if (tk[i].lower.rfind("anti-", 0) == 0 && i + 1 < tk.size() && in(forceNouns(), tk[i + 1].lower)) {
        const std::string_view target = std::string_view(text).substr(tk[i].begin + 5, tk[i].end - tk[i].begin - 5);
        for (const Phrase& p : phrases)
          if (p.words.size() == 1 && (p.caseSensitive ? target == p.exact : lowerAscii(target) == p.words[0])) {
            ActorMention m;
            m.begin = tk[i].begin;
            m.end = tk[i + 1].end;
            m.text = text.substr(m.begin, m.end - m.begin);
            m.actor = actors[p.actor].id;  // the side opposed; resolved per statement
            m.kind = ActorMention::Kind::Opposing;
            for (size_t k = i; k <= i + 1; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
            result.actors.push_back(std::move(m));
            break;
          }
        if (s.actorAt[i] >= 0) {
          ++i;
          continue;
        }
      }
      // "Kurdish forces": an adjective that some actors' names carry; the one the article names most
      static const Words notAdjectives{"government", "security", "regime", "armed", "special", "national", "federal",
                                       "popular", "democratic", "free", "islamic", "regional", "counter", "state",
                                       "army", "forces", "allied", "coalition", "opposition", "rebel", "syrian",
                                       "iraqi", "turkish", "people's", "peoples", "units", "front", "elite"};
      if (tk[i].capitalised && i + 1 < tk.size() && in(forceNouns(), tk[i + 1].lower) && !in(notAdjectives, tk[i].lower)) {
        if (const auto it = adjectiveActors.find(tk[i].lower); it != adjectiveActors.end()) {
          ActorMention m;
          m.begin = tk[i].begin;
          m.end = tk[i + 1].end;
          m.text = text.substr(m.begin, m.end - m.begin);
          m.kind = ActorMention::Kind::Adjective;
          for (size_t k = i; k <= i + 1; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
          result.actors.push_back(std::move(m));
          ++i;
          continue;
        }
      }
      // generic: "government forces", "the army", "security forces", "troops"; "U.S.-backed forces"
      ActorMention::Kind kind = ActorMention::Kind::Named;
      size_t last = i;
      const std::string& w0 = tk[i].lower;
      const std::string w1 = i + 1 < tk.size() ? tk[i + 1].lower : std::string();
      const std::string w2 = i + 2 < tk.size() ? tk[i + 2].lower : std::string();
      if ((w0 == "government" || w0 == "pro-government" || w0 == "security" || w0 == "regime") &&
          (w1 == "forces" || w1 == "troops" || w1 == "soldiers")) {
        kind = ActorMention::Kind::Government;
        last = i + 1;
      } else if (w0 == "armed" && w1 == "forces") {
        kind = ActorMention::Kind::Government;
        last = i + 1;
      } else if (w0 == "the" && (w1 == "army" || w1 == "military")) {
        kind = ActorMention::Kind::Government;
        last = i + 1;
      } else if ((w0 == "troops" || w0 == "soldiers" || w0 == "army") &&
                 (i == 0 || tk[i - 1].lower == "the" || tk[i - 1].lower == "their" || tk[i - 1].lower == "its" ||
                  tk[i - 1].lower == "our")) {
        kind = ActorMention::Kind::Government;
      } else if ((w1 == "-backed" || w1 == "-led") && (in(forceNouns(), w2) || in(militantNouns(), w2))) {
        kind = ActorMention::Kind::Backed;
        last = i + 2;
      } else if (in(militantNouns(), w0) || (w0 == "the" && (w1 == "group" || w1 == "militants" || w1 == "jihadists"))) {
        kind = ActorMention::Kind::Coreference;
        last = w0 == "the" ? i + 1 : i;
      }
      if (kind != ActorMention::Kind::Named) {
        ActorMention m;
        m.begin = tk[i].begin;
        m.end = tk[last].end;
        m.text = text.substr(m.begin, m.end - m.begin);
        m.kind = kind;
        for (size_t k = i; k <= last; ++k) s.actorAt[k] = static_cast<int>(result.actors.size());
        result.actors.push_back(std::move(m));
        i = last;
      }
    }
  }

  // Salience: how often each actor is named, not counting "from X" / "against X" (the losing side).
  std::map<std::string, int> salience;
  for (const SentenceView& s : sentences)
    for (size_t k = 0; k < s.tokens.size(); ++k)
      if (s.actorAt[k] >= 0 && (k == 0 || s.actorAt[k - 1] != s.actorAt[k])) {
        const ActorMention& a = result.actors[static_cast<size_t>(s.actorAt[k])];
        const std::string prev = k > 0 ? s.tokens[k - 1].lower : std::string();
        if (!a.actor.empty() && a.kind != ActorMention::Kind::Opposing && prev != "from" && prev != "against")
          ++salience[a.actor];
      }
  // The most named actor other than `except`.
  auto salient = [&](const std::string& except) {
    std::string best;
    int n = 0;
    for (const auto& [id, count] : salience)
      if (id != except && count > n) best = id, n = count;
    return best;
  };

  // 2. Countries named (context for the gazetteer).
  for (SentenceView& s : sentences)
    for (const Token& t : s.tokens)
      if (t.capitalised && !t.allCaps && t.end - t.begin >= 4 && !t.punct) {
        std::string_view w(text.data() + t.begin, t.end - t.begin);
        if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "\x99s")) w.remove_suffix(2);
        if (auto code = countryCode(w)) ++countryCount[*code];
      }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [code, n] : countryCount) ranked.emplace_back(-n, code);
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [n, code] : ranked) result.countries.push_back(code);
  std::vector<std::string> contextCountries = result.countries;
  for (const std::string& c : config.focusCountries)
    if (std::find(contextCountries.begin(), contextCountries.end(), c) == contextCountries.end())
      contextCountries.push_back(c);
  if (contextCountries.size() > 4) contextCountries.resize(4);
  MatchContext context;
  context.countries = contextCountries;
  const std::string contextKey = countryKey(contextCountries);
  auto inContext = [&](const Place& p) {
    return std::find(contextCountries.begin(), contextCountries.end(), p.countryCode) != contextCountries.end();
  };

  // 3. Places: spans of capitalised words (with article particles), longest gazetteer match first.
  struct Pending {
    size_t sentence, first, last;  // token range
    CachedMatch match;
  };
  std::vector<Pending> found;
  for (size_t si = 0; si < sentences.size(); ++si) {
    SentenceView& s = sentences[si];
    auto& tk = s.tokens;
    auto candidate = [&](size_t k) {
      if (tk[k].punct || s.actorAt[k] >= 0 || tk[k].number) return false;
      return tk[k].capitalised || in(nameConnectors(), tk[k].lower);
    };
    for (size_t i = 0; i < tk.size(); ++i) {
      if (!candidate(i) || !tk[i].capitalised) continue;
      size_t end = i;
      while (end < tk.size() && end < i + 6 && candidate(end)) ++end;
      while (end > i + 1 && !tk[end - 1].capitalised) --end;
      bool titled = i > 0 && in(titleWords(), tk[i - 1].lower) && !in(locationCues(), tk[i - 1].lower);
      // "Sgt. Paul Sale", "General Abdelamir Yarallah": a title before a run of capitalised words
      for (size_t k = i; !titled && k-- > 0 && k + 3 >= i;) {
        if (in(titleWords(), tk[k].lower) && tk[k].capitalised) titled = true;
        if (!tk[k].capitalised && tk[k].lower != ".") break;
      }
      bool any = false;
      for (size_t len = end - i; len >= 1 && !any; --len) {
        const size_t last = i + len - 1;
        if (!tk[last].capitalised) continue;
        if (len == 1 && in(stops, tk[i].lower)) break;
        if (in(stops, tk[i].lower) && len > 1 && !in(nameConnectors(), tk[i].lower)) continue;
        if (titled) break;
        if (tk[i].allCaps && len == 1 && tk[i].end - tk[i].begin <= 4) break;  // acronyms
        const std::string_view name(text.data() + tk[i].begin, tk[last].end - tk[i].begin);
        if (name.size() > 60) continue;
        if (len <= 3 && countryCode(name) && name.size() >= 4) break;  // a country, counted above
        const bool cue = i > 0 && in(locationCues(), tk[i - 1].lower);
        if (!(len == 1 && cue) && !knownName(name)) continue;
        CachedMatch m = match(name, context, contextKey);
        // the dataset's place; the gazetteer's entry for it when that is the same town (its rank, capital)
        if (const auto fromDataset = datasetPlace(name)) {
          if (m.resolved && greatCircleKm(m.place->lat, m.place->lon, fromDataset->place->lat, fromDataset->place->lon) < 15)
            m.fromDataset = true, m.ambiguous = false;
          else
            m = *fromDataset;
        }
        if (!m.resolved || m.place->featureClass != 'P') continue;
        bool accept = m.fromDataset;
        if (!accept) switch (m.kind) {
          case MatchKind::Name:
          case MatchKind::Alternate:
            accept = inContext(*m.place) || m.place->population >= 100000;
            break;
          case MatchKind::Phonetic:
            accept = inContext(*m.place) && (cue || len > 1 || m.nameScore >= 0.9);
            break;
          case MatchKind::Similar:
            accept = inContext(*m.place) && m.nameScore >= 0.8 && cue;
            break;
        }
        if (!accept) continue;
        const std::string after = last + 1 < tk.size() ? tk[last + 1].lower : std::string();
        const std::string after2 = last + 2 < tk.size() ? tk[last + 2].lower : std::string();
        // "the Kharkiv region", "the Dnipro River": not the town
        const bool riverBank = (i >= 3 && tk[i - 1].lower == "the" && tk[i - 2].lower == "of" && tk[i - 3].lower == "bank") ||
                               (i >= 2 && tk[i - 1].lower == "of" && in(notTownNouns(), tk[i - 2].lower));
        if (in(notTownNouns(), after) || riverBank) {
          any = true;
          i = last;
          break;
        }
        // "Kyiv said", "Moscow's forces": a capital standing for its government
        if (m.place->featureCode == "PPLC" &&
            (in(governmentVerbs(), after) || (after == "'s" && in(governmentNouns(), after2)))) {
          any = true;  // not a place, and not an unknown one either
          i = last;
          break;
        }
        // "Sergei Shoigu", "Haider al-Abadi", "Moskovsky Komsomolets": a small place's name inside a
        // longer capitalised name is more likely part of a person's or an organisation's name
        // (a capitalised verb of a headline is no part of a name: "Iraqi Forces Liberate Qaim")
        const bool capitalBefore = i > 0 && tk[i - 1].capitalised && !tk[i - 1].punct && !in(stops, tk[i - 1].lower) &&
                                   s.actorAt[i - 1] < 0 && triggerOf(tk[i - 1].lower).kind == Trigger::None;
        const bool capitalAfter = last + 1 < tk.size() && tk[last + 1].capitalised && !tk[last + 1].punct &&
                                  !in(stops, after) && !in(compoundWords(), after) && s.actorAt[last + 1] < 0;
        if ((capitalBefore || capitalAfter) && m.place->population < 50000) continue;
        found.push_back({si, i, last, m});
        any = true;
        i = last;
      }
      if (!any) {
        // an unknown name where a place is expected: listed, not dropped
        const bool cue = i > 0 && in(locationCues(), tk[i - 1].lower) && tk[i - 1].lower != "of" &&
                         tk[i - 1].lower != "from" && tk[i - 1].lower != "at";
        if (cue && !in(stops, tk[i].lower) && !titled && !(tk[i].allCaps && tk[i].end - tk[i].begin <= 4)) {
          size_t last = i;
          while (last + 1 < end && !in(stops, tk[last + 1].lower)) ++last;
          const std::string_view name(text.data() + tk[i].begin, tk[last].end - tk[i].begin);
          if (!countryCode(name)) {
            PlaceMention p;
            p.begin = tk[i].begin;
            p.end = tk[last].end;
            p.text = std::string(name);
            p.why = "no place of this name in the gazetteer near " + contextKey;
            result.places.push_back(std::move(p));
          }
          i = last;
        }
      }
    }
  }
  // Context pass for ambiguous names: the country the article names most, then a large town,
  // then the candidate nearest the unambiguous places of the article.
  std::vector<const Place*> anchors;
  for (const Pending& p : found)
    if (!p.match.ambiguous && p.match.score >= 0.8) anchors.push_back(p.match.place);
  auto countryRank = [&](const Place* place) {
    const auto it = std::find(result.countries.begin(), result.countries.end(), place->countryCode);
    return it == result.countries.end() ? result.countries.size() : static_cast<size_t>(it - result.countries.begin());
  };
  for (Pending& p : found) {
    if (!p.match.ambiguous || p.match.close.size() < 2) continue;
    const Place* best = nullptr;
    auto key = [&](const Place* c) {
      double nearest = 1e9;
      for (const Place* a : anchors)
        if (a != c) nearest = std::min(nearest, greatCircleKm(a->lat, a->lon, c->lat, c->lon));
      return std::make_tuple(countryRank(c), c->population >= 100000 ? 0 : 1, nearest);
    };
    for (const Place* c : p.match.close)
      if (!best || key(c) < key(best)) best = c;
    p.match.place = best;
  }
  for (const Pending& p : found) {
    SentenceView& s = sentences[p.sentence];
    PlaceMention m;
    m.begin = s.tokens[p.first].begin;
    m.end = s.tokens[p.last].end;
    m.text = text.substr(m.begin, m.end - m.begin);
    m.resolved = true;
    m.name = p.match.place->name;
    m.country = p.match.place->countryCode;
    m.lat = p.match.place->lat;
    m.lon = p.match.place->lon;
    m.score = p.match.score;
    m.ambiguous = p.match.ambiguous;
    result.places.push_back(std::move(m));
  }
  std::sort(result.places.begin(), result.places.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.begin < b.begin; });
  {
    size_t pi = 0;
    for (SentenceView& s : sentences)
      for (size_t k = 0; k < s.tokens.size(); ++k) {
        while (pi < result.places.size() && result.places[pi].end <= s.tokens[k].begin) ++pi;
        if (pi < result.places.size() && result.places[pi].resolved && result.places[pi].begin <= s.tokens[k].begin &&
            s.tokens[k].end <= result.places[pi].end)
          s.placeAt[k] = static_cast<int>(pi);
      }
  }

  // 4. Statements of control, sentence by sentence.
  std::string lastSubject;           // the actor the text is about, for "they" and agentless passives
  int lastPlace = -1;                // the place named last in earlier sentences, for "the town"
  std::string lastMilitant;          // the actor last called "militants"/"jihadists"
  for (const ActorMention& a : result.actors)
    if (!a.actor.empty() && a.text.find(' ') != std::string::npos) {
      const std::string tail = lowerAscii(a.text.substr(a.text.rfind(' ') + 1));
      if (in(militantNouns(), tail)) {
        lastMilitant = a.actor;
        break;
      }
    }
  for (size_t si = 0; si < sentences.size(); ++si) {
    SentenceView& s = sentences[si];
    auto& tk = s.tokens;
    const std::string sentenceText(text.substr(s.begin, s.end - s.begin));
    auto actorOf = [&](int index, const PlaceMention* place) -> std::string {
      if (index < 0) return {};
      const ActorMention& a = result.actors[static_cast<size_t>(index)];
      switch (a.kind) {
        case ActorMention::Kind::Named:
        case ActorMention::Kind::Demonym: {
          if (!a.actor.empty() && in(militantNouns(), lowerAscii(a.text.substr(a.text.rfind(' ') + 1))))
            lastMilitant = a.actor;
          return a.actor;
        }
        case ActorMention::Kind::Government: {
          if (!place) return {};
          const auto it = countryActor.find(place->country);
          return it == countryActor.end() ? std::string() : it->second;
        }
        case ActorMention::Kind::Backed: {
          if (!lastSubject.empty()) return lastSubject;
          if (!place) return {};
          const auto it = countryActor.find(place->country);
          return it == countryActor.end() ? std::string() : it->second;
        }
        case ActorMention::Kind::Coreference:
          return lastMilitant;
        case ActorMention::Kind::Opposing:
          return salient(a.actor);
        case ActorMention::Kind::Adjective: {
          const auto it = adjectiveActors.find(lowerAscii(a.text.substr(0, a.text.find(' '))));
          if (it == adjectiveActors.end()) return {};
          std::string best;
          int n = -1;
          for (const std::string& id : it->second) {
            const int count = salience.count(id) ? salience.at(id) : 0;
            if (count > n) best = id, n = count;
          }
          return best;
        }
      }
      return {};
    };
    auto clauseBreakAt = [&](size_t k) { return in(clauseBreaks(), tk[k].lower) || tk[k].lower == ";"; };
    // The actor mention that is the subject before token t (not after by/from/against/with).
    auto subjectBefore = [&](size_t t) -> int {
      for (size_t k = t; k-- > 0;) {
        if (tk[k].lower == ";") break;
        if (s.actorAt[k] >= 0) {
          size_t first = k;
          while (first > 0 && s.actorAt[first - 1] == s.actorAt[k]) --first;
          const std::string prev = first > 0 ? tk[first - 1].lower : std::string();
          const bool adjacent = k + 1 == t;  // "videos of Ukrainian troops raising flags"
          if (!adjacent && (prev == "by" || prev == "from" || prev == "against" || prev == "with" || prev == "of" ||
                            prev == "to" || prev == "on" || (k + 1 < tk.size() && tk[k + 1].lower == "-held"))) {
            k = first;
            continue;
          }
          return s.actorAt[k];
        }
      }
      return -1;
    };
    auto actorAfter = [&](size_t t, size_t window) -> int {
      for (size_t k = t + 1; k < tk.size() && k <= t + window; ++k)
        if (s.actorAt[k] >= 0) return s.actorAt[k];
      return -1;
    };
    // `leaving`: the statement is a withdrawal, whose place follows "from"
    auto approached = [&](size_t placeToken, bool leaving = false) {
      for (size_t k = placeToken; k-- > 0 && k + 4 >= placeToken;) {
        if (leaving && tk[k].lower == "from") return false;
        if (in(approachWords(), tk[k].lower)) return true;
        if (tk[k].lower == "from" || tk[k].lower == "to" || tk[k].lower == "for" || tk[k].lower == "against") return true;
        if (s.placeAt[k] < 0 && !tk[k].punct && tk[k].lower != "the" && tk[k].lower != "of" && tk[k].lower != "and" &&
            tk[k].lower != "town" && tk[k].lower != "city" && tk[k].lower != "village" && tk[k].lower != "district" &&
            tk[k].lower != "border" && tk[k].lower != "key" && tk[k].lower != "strategic" && s.actorAt[k] < 0 &&
            !tk[k].capitalised)
          break;
      }
      return false;
    };
    // Places after token t in the same clause: the first, and more joined by "and" or commas.
    auto placesAfter = [&](size_t t, size_t window, bool leaving = false) {
      std::vector<size_t> out;
      // "stormed the town", "now control the city": the town named last
      if (t + 2 < tk.size() && tk[t + 1].lower == "the" &&
          (tk[t + 2].lower == "town" || tk[t + 2].lower == "city" || tk[t + 2].lower == "village") &&
          (t + 3 >= tk.size() || (tk[t + 3].lower != "of" && s.placeAt[t + 3] < 0))) {
        int lastHere = -1;
        for (size_t k = 0; k < t; ++k)
          if (s.placeAt[k] >= 0 && (k == 0 || s.placeAt[k - 1] != s.placeAt[k]) && !approached(k)) lastHere = s.placeAt[k];
        if (lastHere >= 0) out.push_back(static_cast<size_t>(lastHere));
        else if (lastPlace >= 0) out.push_back(static_cast<size_t>(lastPlace));
        return out;
      }
      for (size_t k = t + 1; k < tk.size() && k <= t + window; ++k) {
        if (clauseBreakAt(k) && !out.empty()) break;
        if (clauseBreakAt(k) && tk[k].lower != "as") break;
        if (triggerOf(tk[k].lower).kind != Trigger::None && k > t + 1 && out.empty()) break;
        if (s.placeAt[k] >= 0 && (out.empty() || static_cast<size_t>(s.placeAt[k]) != out.back())) {
          if (approached(k, leaving)) {
            if (out.empty()) continue;
            break;
          }
          out.push_back(static_cast<size_t>(s.placeAt[k]));
          // continue only through lists: "Rawa, Anah and Qaim"
          size_t next = k + 1;
          while (next < tk.size() && s.placeAt[next] == s.placeAt[k]) ++next;
          if (next < tk.size() && (tk[next].lower == "," || tk[next].lower == "and")) {
            k = next;
            window = k + 4;
            continue;
          }
          break;
        }
        if (s.placeAt[k] < 0 && !out.empty()) break;
      }
      return out;
    };
    auto placesBefore = [&](size_t t, size_t window) {
      std::vector<size_t> out;
      for (size_t k = t; k-- > 0 && k + window >= t;) {
        // "the city of Izyum (also in Kharkiv Oblast) was also liberated": an aside does not count
        if (tk[k].lower == ")") {
          size_t open = k;
          while (open > 0 && tk[open].lower != "(") --open;
          if (tk[open].lower == "(") {
            window += k - open + 1;
            k = open;
            continue;
          }
        }
        if (clauseBreakAt(k) && tk[k].lower != "as") break;
        if (s.placeAt[k] >= 0) {
          const size_t pm = static_cast<size_t>(s.placeAt[k]);
          if (out.empty() || out.back() != pm) {
            size_t first = k;
            while (first > 0 && s.placeAt[first - 1] == s.placeAt[k]) --first;
            if (approached(first)) {
              k = first;
              continue;
            }
            out.push_back(pm);
            k = first;
            if (k > 0 && (tk[k - 1].lower == "," || tk[k - 1].lower == "and")) continue;
            break;
          }
        }
      }
      return out;
    };

    std::vector<Proposal> local;
    for (size_t t = 0; t < tk.size(); ++t) {
      const TriggerInfo trig = triggerOf(tk[t].lower);
      if (trig.kind == Trigger::None || s.actorAt[t] >= 0 || s.placeAt[t] >= 0) continue;
      const std::string next = t + 1 < tk.size() ? tk[t + 1].lower : std::string();
      // "took part", "took place", "take time"
      if ((tk[t].lower == "took" || tk[t].lower == "take" || tk[t].lower == "taken" || tk[t].lower == "taking" ||
           tk[t].lower == "takes") &&
          (next == "part" || next == "place" || next == "time" || next == "days" || next == "weeks" || next == "months" ||
           next == "refuge" || next == "shelter" || next == "responsibility" || next == "hostage" || next == "prisoner"))
        continue;
      if (tk[t].lower == "pulled" && next != "out" && next != "back") continue;
      // "reached the town's center", "arriving in the centre of Kherson": inside the town; reaching or
      // advancing anywhere else is an approach
      static const Words centreWords{"center", "centre", "heart", "downtown"};
      const bool towardCentre = tk[t].lower == "reached" || tk[t].lower == "advanced" || tk[t].lower == "arrived" ||
                                tk[t].lower == "arriving";
      if (towardCentre) {
        bool centre = false;
        for (size_t k = t + 1; k < tk.size() && k <= t + 5 && !centre; ++k) centre = in(centreWords, tk[k].lower);
        if (!centre) continue;
      }
      if (tk[t].lower == "drove" && next != "out") continue;
      if (tk[t].lower == "fall" && next != "of") continue;
      // "control" as a verb only after "now"/"fully"/"they": "and now control the city"
      if (tk[t].lower == "control" && !(t > 0 && (tk[t - 1].lower == "now" || tk[t - 1].lower == "fully" ||
                                                  tk[t - 1].lower == "they" || tk[t - 1].lower == "also")))
        continue;
      TriggerInfo trigger = trig;
      if ((tk[t].lower == "capture" || tk[t].lower == "recapture") && next == "of") trigger.kind = Trigger::Noun;
      // "Taking control of Sinjar is set to ...": a gerund as subject is no report of a change
      if (trig.gerund && (t == 0 || tk[t - 1].lower == "the")) continue;
      if (tk[t].lower == "liberation" && next != "of") continue;
      if (tk[t].lower == "victory" && !(t > 0 && (tk[t - 1].lower == "declared" || tk[t - 1].lower == "declares" ||
                                                  tk[t - 1].lower == "announced")))
        continue;

      // Hedges and negation in the words before the verb (same clause).
      bool negated = false, aim = false, claim = false, perfectInfinitive = false;
      for (size_t k = t; k-- > 0 && k + 6 >= t;) {
        const std::string& w = tk[k].lower;
        if (clauseBreakAt(k) || tk[k].lower == ",") break;
        if (in(negators(), w) || (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0)) negated = true;
        if (in(modals(), w)) aim = true;
        if (w == "to" && k + 1 == t) aim = true;
        if (w == "to" && k + 2 == t && tk[k + 1].lower == "have") perfectInfinitive = true;
        if (w == "to" && k + 2 == t && (tk[k + 1].lower.size() > 2 && tk[k + 1].lower.ends_with("ly"))) aim = true;
        if (in(claimWords(), w)) claim = true;
        if ((w == "for" || w == "of" || w == "the") && trig.gerund && k + 1 == t) aim = true;
        if (w == "for" && trig.gerund) aim = true;
        if ((w == "aims" || w == "aim" || w == "attempt" || w == "bid" || w == "plan" || w == "plans" || w == "push" ||
             w == "offensive" || w == "trying" || w == "seeking") && trig.gerund)
          aim = true;
      }
      if (perfectInfinitive) aim = false, claim = true;
      for (size_t k = 0; k < t; ++k)
        if (in(claimWords(), tk[k].lower)) claim = true;
      if (negated || aim) continue;

      // Who and where.
      std::vector<size_t> placeIdx;
      int agent = -1;
      bool passive = false, agentless = false;
      std::string sideTaking;  // a withdrawal: the side left holding the place when none is named
      ControlStatus status = ControlStatus::Control;
      std::string rule;
      switch (trigger.kind) {
        case Trigger::Capture:
        case Trigger::Enter:
        case Trigger::Siege: {
          bool aux = false;
          for (size_t k = t; k-- > 0 && k + 3 >= t;)
            if (in(auxiliaries(), tk[k].lower)) aux = true;
          const bool byAfter = t + 1 < tk.size() && (tk[t + 1].lower == "by" || (t + 2 < tk.size() && tk[t + 2].lower == "by"));
          const std::vector<size_t> before = placesBefore(t, 8);
          if (trig.participle && (aux || byAfter) && !before.empty()) {
            passive = true;
            placeIdx = before;
            if (byAfter) agent = actorAfter(t, 5);
            // "was taken back Friday thanks to a push by a mix of units from the army"
            for (size_t k = t + 1; agent < 0 && k < tk.size() && k <= t + 8 && !clauseBreakAt(k); ++k)
              if (tk[k].lower == "by") agent = actorAfter(k, 10);
            if (agent < 0) agentless = true;
          } else if (trig.participle && t > 0 && s.placeAt[t - 1] >= 0 && !aux && placesAfter(t, 8).empty() &&
                     subjectBefore(t - 1) >= 0) {
            // "declared Rawa liberated": the subject of the declaring verb
            placeIdx = before;
            agent = subjectBefore(t);
          } else {
            placeIdx = placesAfter(towardCentre && (next == "to" || next == "in" || next == "into") ? t + 1 : t, 8);
            agent = subjectBefore(t);
            // "..., liberating several Mosul neighborhoods": the subject of the main clause
            if (trig.gerund && t > 0 && tk[t - 1].lower == ",")
              for (size_t k = 0; k < t; ++k)
                if (s.actorAt[k] >= 0) {
                  agent = s.actorAt[k];
                  break;
                }
          }
          if (trigger.kind == Trigger::Enter) status = ControlStatus::Contested;
          if (trigger.kind == Trigger::Siege) status = ControlStatus::Besieged;
          rule = std::string(passive ? "passive " : "active ") +
                 (trigger.kind == Trigger::Capture ? "capture" : trigger.kind == Trigger::Enter ? "entering" : "siege");
          break;
        }
        case Trigger::Fell: {
          placeIdx = placesBefore(t, 8);
          if (next == "to" || (next == "back" && t + 2 < tk.size() && tk[t + 2].lower == "to")) agent = actorAfter(t, 5);
          else agentless = true;
          rule = "fell to";
          break;
        }
        case Trigger::Noun: {  // "the recapture/liberation/fall of X by/to Y", "Y's recapture of X"
          placeIdx = placesAfter(t, 4);
          size_t afterPlace = t + 1;
          while (afterPlace < tk.size() && (s.placeAt[afterPlace] >= 0 || tk[afterPlace].lower == "of")) ++afterPlace;
          if (afterPlace < tk.size() && (tk[afterPlace].lower == "by" || tk[afterPlace].lower == "to"))
            agent = actorAfter(afterPlace, 4);
          if (agent < 0) {
            for (size_t k = t; k-- > 0 && k + 3 >= t;)
              if (s.actorAt[k] >= 0) agent = s.actorAt[k];
          }
          if (t > 0 && (tk[t - 1].lower == "for" || tk[t - 1].lower == "to" || tk[t - 1].lower == "toward")) agent = -1;
          if (t > 1 && (tk[t - 2].lower == "for" || tk[t - 2].lower == "in" || tk[t - 2].lower == "since" ||
                        tk[t - 2].lower == "after" || tk[t - 2].lower == "before")) agent = -1;
          if (agent < 0) placeIdx.clear();  // no side named: nothing to propose
          rule = "noun " + tk[t].lower;
          break;
        }
        case Trigger::Withdraw: {  // "withdrew from Lyman", "the withdrawal of its troops from Balaklyia"
          const bool noun = tk[t].lower == "withdrawal";
          // "following the Ukrainian withdrawal from Avdiivka": background to another statement
          bool background = false;
          for (size_t k = t; noun && k-- > 0 && k + 3 >= t && !tk[k].punct;)
            background |= tk[k].lower == "following" || tk[k].lower == "after" || tk[k].lower == "since" ||
                          tk[k].lower == "before";
          if (background) break;
          placeIdx = placesAfter(t, noun ? 10 : 6, true);
          if (placeIdx.empty()) break;
          const PlaceMention* where = &result.places[placeIdx[0]];
          // who leaves: "the Ukrainian withdrawal", "the withdrawal of Russian troops", else the subject
          std::string loserId;
          int loser = -1;
          if (noun && t > 0 && demonym(tk[t - 1].lower) && demonymActor.count(tk[t - 1].lower))
            loserId = demonymActor.at(tk[t - 1].lower);
          if (noun && loserId.empty() && t + 2 < tk.size() && tk[t + 1].lower == "of" && s.actorAt[t + 2] >= 0)
            loser = s.actorAt[t + 2];
          if (loserId.empty() && loser < 0) loser = subjectBefore(t);
          if (loserId.empty() && loser >= 0) loserId = actorOf(loser, where);
          if (loserId.empty()) {
            placeIdx.clear();
            break;
          }
          // the other side named ("its troops" is the side withdrawing), else the article's most
          // named other side, else the dataset's only other actor
          for (size_t k = 0; k < tk.size(); ++k)
            if (s.actorAt[k] >= 0 && s.actorAt[k] != loser &&
                !(k > 0 && (tk[k - 1].lower == "its" || tk[k - 1].lower == "their"))) {
              const std::string other = actorOf(s.actorAt[k], &result.places[placeIdx[0]]);
              if (!other.empty() && other != loserId) {
                agent = s.actorAt[k];
                break;
              }
            }
          if (agent < 0) {
            sideTaking = salient(loserId);
            if (sideTaking.empty() && actors.size() == 2) sideTaking = actors[0].id == loserId ? actors[1].id : actors[0].id;
          }
          rule = "withdrawal";
          if (agent < 0 && sideTaking.empty()) placeIdx.clear();
          break;
        }
        case Trigger::Fight: {
          if (next != "in" && next != "inside" && next != "for" && next != "within") break;
          placeIdx = placesAfter(t, 4);
          agent = subjectBefore(t);
          if (agent < 0) agent = actorAfter(t, 12);
          status = ControlStatus::Contested;
          rule = "fighting inside";
          break;
        }
        case Trigger::Expel: {  // "expelled IS fighters from Albu Kamal"
          for (size_t k = t + 1; k < tk.size() && k <= t + 8 && !clauseBreakAt(k); ++k)
            if (tk[k].lower == "from" && k + 1 < tk.size() && s.placeAt[k + 1] >= 0) {
              placeIdx.push_back(static_cast<size_t>(s.placeAt[k + 1]));
              break;
            }
          agent = subjectBefore(t);
          rule = "expelled from";
          break;
        }
        case Trigger::Flag: {  // "raised the Iraqi flag over Rawa", "raising Ukrainian flags in Pravdyne"
          bool flag = false;
          for (size_t k = t + 1; k < tk.size() && k <= t + 4; ++k)
            if (tk[k].lower == "flag" || tk[k].lower == "flags" || tk[k].lower == "banner") flag = true;
          if (!flag) break;
          placeIdx = placesAfter(t, 10);
          agent = subjectBefore(t);
          rule = "raised the flag";
          break;
        }
        case Trigger::Victory: {
          placeIdx = placesAfter(t, 7);
          agent = subjectBefore(t);
          rule = "declared victory";
          break;
        }
        case Trigger::None:
          break;
      }
      if (placeIdx.empty()) continue;
      for (size_t pIndex : placeIdx) {
        const PlaceMention& place = result.places[pIndex];
        std::string controller = agent >= 0 ? actorOf(agent, &place) : sideTaking;
        Confidence confidence = Confidence::High;
        std::string notes = "rule: " + rule;
        if (controller.empty() && (agentless || agent < 0) && trigger.kind != Trigger::Withdraw) {
          // "Rawa was recaptured": the actor the text is about, unless it is the side that lost it
          // the side that lost it ("from Islamic State militants") is never the one that took it
          std::string loser;
          for (size_t k = 1; k < tk.size(); ++k)
            if (s.actorAt[k] >= 0 && (tk[k - 1].lower == "from" || tk[k - 1].lower == "against")) loser = actorOf(s.actorAt[k], &place);
          const int any = subjectBefore(t);
          controller = any >= 0 ? actorOf(any, &place) : std::string();
          if (controller.empty() || controller == loser) controller = lastSubject;
          if (controller.empty() || controller == loser) controller = salient(loser);
          if (controller.empty()) continue;
          confidence = Confidence::Medium;
          notes += "; controller from context";
        }
        if (controller.empty()) continue;
        // Who held the place before the report, by the dataset's timeline: the latest full control
        // before the publication day (or the latest at all in an undated report).
        auto heldBy = [&]() -> std::string {
          if (!config.timeline) return {};
          const PlaceTrack* nearest = nullptr;  // the same town: its track within 3 km, the nearest
          double nearestKm = 3;
          for (const PlaceTrack& track : config.timeline->places())
            if (const double km = greatCircleKm(track.lat, track.lon, place.lat, place.lon); km < nearestKm)
              nearest = &track, nearestKm = km;
          if (!nearest) return {};
          const Event* held = nullptr;
          for (const Event& e : nearest->events)
            if ((!article.published || e.date < *article.published) && e.status == ControlStatus::Control) held = &e;
          return held ? held->controller.str() : std::string();
        };
        // The side facing `side`: another actor the sentence names, the article's most named other
        // actor, or the only other actor of the dataset.
        auto otherSide = [&](const std::string& side) {
          for (size_t k = 0; k < tk.size(); ++k)
            if (s.actorAt[k] >= 0) {
              const std::string other = actorOf(s.actorAt[k], &place);
              if (!other.empty() && other != side) return other;
            }
          if (std::string other = salient(side); !other.empty()) return other;
          if (actors.size() == 2) return actors[0].id == side ? actors[1].id : actors[0].id;
          return std::string();
        };
        if (trigger.kind == Trigger::Siege) {
          // the dataset records a siege under the side that holds the place
          std::string holder = heldBy();
          if (holder == controller) holder.clear();
          if (holder.empty()) holder = otherSide(controller);
          if (holder.empty()) continue;
          controller = holder;
        }
        if (trigger.kind == Trigger::Fight && !controller.empty() && heldBy() == controller) {
          // "Our units are fighting in Bakhmut", said by its defenders: contested is recorded under
          // the side advancing into the town
          if (std::string attacker = otherSide(controller); !attacker.empty()) {
            controller = attacker;
            notes += "; the side fighting its way in (the town's holder is " + heldBy() + ")";
          }
        }
        if (agent >= 0 && result.actors[static_cast<size_t>(agent)].kind != ActorMention::Kind::Named &&
            result.actors[static_cast<size_t>(agent)].kind != ActorMention::Kind::Demonym)
        {
          if (confidence == Confidence::High) confidence = Confidence::Medium;
          notes += "; generic actor '" + result.actors[static_cast<size_t>(agent)].text + "'";
        }
        if (status != ControlStatus::Control || trigger.kind == Trigger::Withdraw || trigger.kind == Trigger::Noun)
          if (confidence == Confidence::High) confidence = Confidence::Medium;
        if (claim) {
          confidence = Confidence::Low;
          notes += "; a claim";
        }
        if (place.ambiguous) notes += "; place name ambiguous";
        // "several Mosul neighborhoods", "parts of Bakhmut": fighting inside, not the whole town
        {
          size_t at = 0;
          while (at < tk.size() && !(s.placeAt[at] >= 0 && static_cast<size_t>(s.placeAt[at]) == pIndex)) ++at;
          size_t after = at;
          while (after < tk.size() && s.placeAt[after] >= 0 && static_cast<size_t>(s.placeAt[after]) == pIndex) ++after;
          static const Words partial{"neighborhoods", "neighbourhoods", "neighborhood", "neighbourhood", "districts",
                                     "suburbs", "parts", "part", "areas", "quarters", "blocks", "streets"};
          const bool partAfter = after < tk.size() && in(partial, tk[after].lower);
          const bool partBefore = at >= 2 && tk[at - 1].lower == "of" && in(partial, tk[at - 2].lower);
          if ((partAfter || partBefore) && status == ControlStatus::Control) {
            status = ControlStatus::Contested;
            notes += "; only part of the town";
          }
        }
        Proposal p;
        p.place = place;
        p.controller = controller;
        p.status = status;
        p.quote = collapseSpaces(sentenceText);
        p.sentenceBegin = s.begin;
        p.sentenceEnd = s.end;
        p.source = article.publisher.empty() ? article.title
                                             : (article.title.empty() ? article.publisher : article.publisher + ": " + article.title);
        p.url = article.url;
        // The date: the expression nearest the verb in the sentence, else the publication date.
        // Only dates in the verb's clause ("declared victory in X, a town ... until ... in September"),
        // else one set off by commas with no other clause or statement between ("regained Balaklia, a
        // city in Kharkiv Oblast, on Thursday, September 8"; "On Friday, Iraqi forces seized ...").
        const DateMention* best = nullptr;
        std::pair<int, size_t> bestRank{2, SIZE_MAX};
        for (const DateMention* d : s.dates) {
          const size_t at = tk[t].begin;
          size_t dk = 0;
          while (dk < tk.size() && tk[dk].begin < d->begin) ++dk;
          const size_t lo = std::min(dk, t), hi = std::max(dk, t);
          if (hi - lo > 40) continue;
          int tier = 0;
          for (size_t k = lo + 1; k < hi && tier < 2; ++k) {
            if (clauseBreakAt(k) || tk[k].lower == "(" ||
                (k > t + 2 && triggerOf(tk[k].lower).kind != Trigger::None))  // not "regained control of"
              tier = 2;
            else if (tk[k].lower == ",") tier = 1;
          }
          if (tier == 2) continue;
          const size_t dist = d->begin > at ? d->begin - at : (at - d->end) + 20;  // prefer after the verb
          if (std::make_pair(tier, dist) < bestRank) bestRank = {tier, dist}, best = d;
        }
        if (best) {
          p.dateText = best->text;
          p.date = best->date;
          if (!best->date && best->approximate) {
            notes += "; only a month: background, not news";
            confidence = Confidence::Low;
          } else if (!best->date) {
            notes += "; date '" + best->text + "' cannot be resolved without a publication date";
            result.warnings.push_back("'" + best->text + "' cannot be resolved (no publication date); the proposal for " +
                                      place.text + " has no date");
          } else if (best->date->precision() == DatePrecision::Month) {
            notes += "; only a month: background, not news";
            confidence = Confidence::Low;
          } else if (best->yearFromWeekday) {
            notes += "; year from the weekday";
          } else if (best->approximate) {
            notes += "; approximate date";
            if (confidence == Confidence::High) confidence = Confidence::Medium;
          }
        } else if (article.published) {
          p.date = article.published;
          p.dateText = "publication date";
          notes += "; date of publication";
          if (confidence == Confidence::High) confidence = Confidence::Medium;
        } else {
          notes += "; no date";
          result.warnings.push_back("no date for the proposal for " + place.text +
                                    " (no date in the sentence and no publication date; pass --date)");
        }
        p.confidence = confidence;
        p.notes = notes;
        local.push_back(std::move(p));
      }
      if (agent >= 0) {
        const std::string who = actorOf(agent, placeIdx.empty() ? nullptr : &result.places[placeIdx[0]]);
        if (!who.empty() && trigger.kind != Trigger::Withdraw) lastSubject = who;
      }
    }
    // The sentence's subject carries over ("They entered the town"), else its first named actor.
    if (local.empty())
      for (size_t k = 0; k < tk.size(); ++k)
        if (s.actorAt[k] >= 0 && result.actors[static_cast<size_t>(s.actorAt[k])].kind != ActorMention::Kind::Government &&
            !result.actors[static_cast<size_t>(s.actorAt[k])].actor.empty()) {
          if (k == 0 || (tk[k - 1].lower != "from" && tk[k - 1].lower != "against" && tk[k - 1].lower != "by")) {
            lastSubject = result.actors[static_cast<size_t>(s.actorAt[k])].actor;
            break;
          }
        }
    for (Proposal& p : local) result.proposals.push_back(std::move(p));
    for (size_t k = 0; k < tk.size(); ++k)
      if (s.placeAt[k] >= 0) lastPlace = s.placeAt[k];
  }

  // A headline summarises its story: what the story reports only as a claim ("have reportedly taken
  // control of the town of Vuhledar", "claimed of taking full control of ... Tal Afar"), the headline
  // does not assert either.
  std::set<size_t> headlines;  // where headline sentences begin
  {
    const std::string title = collapseSpaces(article.title);
    std::vector<std::pair<double, double>> hedged;  // places named in a sentence with a claim or denial
    for (const SentenceView& s : sentences) {
      const std::string sentence = collapseSpaces(std::string_view(text).substr(s.begin, s.end - s.begin));
      if ((!title.empty() && sentence == title) || (s.begin < 400 && looksLikeHeadline(sentence))) {
        headlines.insert(s.begin);
        continue;
      }
      bool hedge = false;
      for (size_t k = 0; k < s.tokens.size() && !hedge; ++k) {
        const std::string& w = s.tokens[k].lower;
        hedge = in(claimWords(), w) || w == "denied" || w == "denies" || w == "deny" ||
                (w == "not" && k + 1 < s.tokens.size() && s.tokens[k + 1].lower == "independently");
      }
      if (hedge)
        for (size_t k = 0; k < s.tokens.size(); ++k)
          if (s.placeAt[k] >= 0)
            hedged.emplace_back(result.places[static_cast<size_t>(s.placeAt[k])].lat,
                                result.places[static_cast<size_t>(s.placeAt[k])].lon);
    }
    for (Proposal& p : result.proposals)
      if (headlines.count(p.sentenceBegin) && p.confidence != Confidence::Low &&
          std::any_of(hedged.begin(), hedged.end(), [&](const auto& h) {
            return greatCircleKm(h.first, h.second, p.place.lat, p.place.lon) < 1;
          })) {
        p.confidence = Confidence::Low;
        p.notes += "; a headline that the story reports only as a claim";
      }
  }

  // One proposal per place, controller and status: the most confident, then the first. A contested
  // stage on the day (or in the undated report) of a full capture by the same side is dropped.
  std::vector<Proposal> kept;
  std::vector<Proposal> all = std::move(result.proposals);
  result.proposals.clear();
  // keys on a ~1 km grid; linear in the number of proposals (a long text may give many)
  auto placeKey = [](const Proposal& p) {
    return std::to_string(std::lround(p.place.lat * 100)) + "," + std::to_string(std::lround(p.place.lon * 100)) + "|" +
           p.controller;
  };
  auto dayKey = [](const Proposal& p) { return p.date ? p.date->iso() : "?" + p.dateText; };
  // A capture with no date at all (a headline: "Islamic State seizes ancient Palmyra city") and the
  // story's dated entering stage by the same side ("stormed ... Palmyra on Wednesday") are one
  // event: the capture takes that date, and the stage is then dropped below.
  for (Proposal& capture : all) {
    if (capture.status != ControlStatus::Control || capture.date || !capture.dateText.empty() ||
        !headlines.count(capture.sentenceBegin))
      continue;
    for (const Proposal& stage : all)
      if (stage.status == ControlStatus::Contested && !stage.dateText.empty() && placeKey(stage) == placeKey(capture)) {
        capture.date = stage.date;
        capture.dateText = stage.dateText;
        capture.notes += "; dated by the entering stage: '" + stage.dateText + "'";
        break;
      }
  }
  std::set<std::string> captures;
  for (const Proposal& p : all)
    if (p.status == ControlStatus::Control && p.confidence != Confidence::Low) captures.insert(placeKey(p) + "|" + dayKey(p));
  std::map<std::string, size_t> index;
  for (Proposal& p : all) {
    if (p.status == ControlStatus::Contested && captures.count(placeKey(p) + "|" + dayKey(p))) continue;
    const std::string key = placeKey(p) + "|" + statusName(p.status);
    const auto it = index.find(key);
    if (it == index.end()) {
      index.emplace(key, kept.size());
      kept.push_back(std::move(p));
    } else if (p.confidence < kept[it->second].confidence || (!kept[it->second].date && p.date)) {
      kept[it->second] = std::move(p);
    }
  }
  result.proposals = std::move(kept);
  for (const PlaceMention& p : result.places)
    if (!p.resolved) result.warnings.push_back("place '" + p.text + "' not found in the gazetteer");
  return result;
}

Ingestor::Ingestor(const Gazetteer& gazetteer, std::vector<Actor> actors, IngestConfig config)
    : impl_(std::make_unique<Impl>(gazetteer, std::move(actors), std::move(config))) {}
Ingestor::~Ingestor() = default;
Ingestor::Ingestor(Ingestor&&) noexcept = default;
IngestResult Ingestor::analyse(const Article& article) { return impl_->analyse(article); }
const std::vector<Actor>& Ingestor::actors() const { return impl_->actors; }

}  // namespace frontline::ingest
