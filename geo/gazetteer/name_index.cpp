#include "geo/gazetteer/name_index.hpp"

#include <algorithm>

#include "geo/gazetteer/normalize.hpp"
#include "geo/gazetteer/utf8.hpp"

namespace frontline {
namespace {

// Keys repeat per place (Al Qa'im, Al Qā’im and El Qa'im all give "qaim"): keep one per place.
bool sameSlot(NameRef a, NameRef b) { return a.place == b.place; }
bool sameSlot(uint32_t a, uint32_t b) { return a == b; }

// Letter pairs of a phonetic key framed by '^' and '$', as numbers below kBigramCount.
constexpr size_t kSymbolBits = 6;
constexpr size_t kBigramCount = size_t{1} << (2 * kSymbolBits);

uint32_t symbolCode(char c) {
  if (c >= 'a' && c <= 'z') return static_cast<uint32_t>(c - 'a' + 1);
  if (c >= '0' && c <= '9') return static_cast<uint32_t>(c - '0' + 27);
  if (c == 'S') return 37;
  if (c == '^') return 38;
  if (c == '$') return 39;
  return 40;
}

void bigramsOf(std::string_view key, std::vector<uint32_t>& out) {
  out.clear();
  uint32_t prev = symbolCode('^');
  for (const char c : key) {
    const uint32_t code = symbolCode(c);
    out.push_back((prev << kSymbolBits) | code);
    prev = code;
  }
  out.push_back((prev << kSymbolBits) | symbolCode('$'));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// Airport codes and abbreviations among GeoNames' alternate names (DEZ, KCM): exact matches only.
bool isCode(std::string_view name) {
  return name.size() <= 4 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

bool isCapitalLetter(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp >= 0x178 && cp <= 0x17E) return cp == 0x178 || cp % 2 == 1;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;
  if (cp >= 0x0400 && cp <= 0x042F) return true;  // Cyrillic capitals: names in Ukrainian and Russian
  if (cp == 0x0490) return true;                  // Ґ
  return false;
}

// Letter-by-letter romanisations of other scripts among GeoNames' alternate names ("abw kmal",
// "dyr alzwr", "ʿzyz", "derizoru") are all lowercase and often vowel-less, which makes them close
// to any short query: they get exact matches only. Names people write start with a capital.
bool hasCapital(std::string_view name) {
  for (size_t pos = 0; pos < name.size();)
    if (isCapitalLetter(decodeUtf8(name, pos))) return true;
  return false;
}

// Chinese syllable-by-syllable romanisations among the alternate names ("ba shi la" for Basra)
// sound like anything once vowels are folded: exact matches only.
bool isSyllableSpelling(const std::vector<std::string_view>& words) {
  return words.size() >= 3 && std::all_of(words.begin(), words.end(), [](std::string_view w) { return w.size() <= 3; });
}

template <class T>
size_t vectorBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

std::string_view nameOf(const Place& place, uint32_t name) {
  if (name == 0) return place.name;
  if (name == 1) return place.asciiName;
  return place.alternates[name - 2];
}

template <class Value>
void KeyTable<Value>::add(std::string_view key, Value value) {
  pending_.push_back({static_cast<uint32_t>(pendingArena_.size()), static_cast<uint32_t>(key.size()), value});
  pendingArena_ += key;
}

template <class Value>
void KeyTable<Value>::finish() {
  auto keyOf = [&](const Pending& p) { return std::string_view(pendingArena_).substr(p.offset, p.length); };
  std::sort(pending_.begin(), pending_.end(), [&](const Pending& a, const Pending& b) {
    const int c = keyOf(a).compare(keyOf(b));
    return c != 0 ? c < 0 : a.value < b.value;
  });
  arena_.clear();
  keyEnd_.clear();
  valueEnd_.clear();
  values_.clear();
  for (size_t i = 0; i < pending_.size(); ++i) {
    const std::string_view key = keyOf(pending_[i]);
    const bool newKey = i == 0 || key != keyOf(pending_[i - 1]);
    if (newKey) {
      arena_ += key;
      keyEnd_.push_back(static_cast<uint32_t>(arena_.size()));
      valueEnd_.push_back(static_cast<uint32_t>(values_.size()));
    }
    // Sorted by value within a key, so a repeat of the same slot is always the previous value.
    const bool repeat = !newKey && sameSlot(values_.back(), pending_[i].value);
    if (!repeat) {
      values_.push_back(pending_[i].value);
      valueEnd_.back() = static_cast<uint32_t>(values_.size());
    }
  }
  pending_ = {};
  pendingArena_ = {};
  arena_.shrink_to_fit();
  keyEnd_.shrink_to_fit();
  valueEnd_.shrink_to_fit();
  values_.shrink_to_fit();
}

template <class Value>
std::string_view KeyTable<Value>::key(size_t i) const {
  const size_t begin = i == 0 ? 0 : keyEnd_[i - 1];
  return std::string_view(arena_).substr(begin, keyEnd_[i] - begin);
}

template <class Value>
std::span<const Value> KeyTable<Value>::values(size_t i) const {
  const size_t begin = i == 0 ? 0 : valueEnd_[i - 1];
  return std::span<const Value>(values_).subspan(begin, valueEnd_[i] - begin);
}

template <class Value>
size_t KeyTable<Value>::find(std::string_view wanted) const {
  size_t lo = 0, hi = size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (key(mid) < wanted) lo = mid + 1;
    else hi = mid;
  }
  return lo < size() && key(lo) == wanted ? lo : size();
}

template <class Value>
size_t KeyTable<Value>::memoryBytes() const {
  return arena_.capacity() + vectorBytes(keyEnd_) + vectorBytes(valueEnd_) + vectorBytes(values_);
}

template <class Value>
void KeyTable<Value>::write(ByteWriter& out) const {
  out.string(arena_);
  out.vector(keyEnd_);
  out.vector(valueEnd_);
  out.vector(values_);
}

template <class Value>
bool KeyTable<Value>::read(ByteReader& in) {
  arena_ = std::string(in.string());
  if (!in.vector(keyEnd_) || !in.vector(valueEnd_) || !in.vector(values_)) return false;
  if (keyEnd_.size() != valueEnd_.size()) return false;
  if (!keyEnd_.empty() && (keyEnd_.back() != arena_.size() || valueEnd_.back() != values_.size())) return false;
  if (keyEnd_.empty() && !values_.empty()) return false;
  for (size_t i = 1; i < keyEnd_.size(); ++i)
    if (keyEnd_[i] < keyEnd_[i - 1] || valueEnd_[i] < valueEnd_[i - 1]) return false;
  return !in.failed();
}

template class KeyTable<NameRef>;
template class KeyTable<uint32_t>;

NameIndex NameIndex::build(const std::vector<Place>& places) {
  NameIndex index;
  for (size_t p = 0; p < places.size(); ++p) {
    const Place& place = places[p];
    const size_t names = 2 + place.alternates.size();
    for (uint32_t n = 0; n < names; ++n) {
      const std::string_view name = nameOf(place, n);
      if (n == 1 && name == place.name) continue;
      const std::string folded = foldName(name);
      const std::vector<std::string_view> words = coreWords(folded);
      if (words.empty()) continue;
      std::string exact;
      for (const std::string_view w : words) exact += w;
      const NameRef ref{static_cast<uint32_t>(p), n};
      index.exact_.add(exact, ref);
      if (n >= 2 && (isCode(name) || isSyllableSpelling(words) || !hasCapital(name))) continue;
      const std::string phonetic = frontline::phoneticKey(words);
      if (phonetic.size() >= 2) index.phonetic_.add(phonetic, ref);
    }
  }
  index.exact_.finish();
  index.phonetic_.finish();

  std::vector<uint32_t> bigrams;
  std::vector<uint32_t> counts(kBigramCount, 0);
  for (size_t id = 0; id < index.phonetic_.size(); ++id) {
    const std::string_view key = index.phonetic_.key(id);
    index.skeleton_.add(skeletonKey(key), static_cast<uint32_t>(id));
    bigramsOf(key, bigrams);
    for (const uint32_t b : bigrams) ++counts[b];
  }
  index.skeleton_.finish();

  index.bigramEnd_.resize(kBigramCount);
  uint32_t total = 0;
  for (size_t b = 0; b < kBigramCount; ++b) {
    total += counts[b];
    index.bigramEnd_[b] = total;
  }
  index.bigramKeys_.resize(total);
  std::vector<uint32_t> fill(kBigramCount, 0);
  for (size_t b = 1; b < kBigramCount; ++b) fill[b] = index.bigramEnd_[b - 1];
  for (size_t id = 0; id < index.phonetic_.size(); ++id) {
    bigramsOf(index.phonetic_.key(id), bigrams);
    for (const uint32_t b : bigrams) index.bigramKeys_[fill[b]++] = static_cast<uint32_t>(id);
  }
  return index;
}

std::span<const NameRef> NameIndex::exact(std::string_view key) const {
  const size_t i = exact_.find(key);
  return i < exact_.size() ? exact_.values(i) : std::span<const NameRef>();
}

std::span<const uint32_t> NameIndex::skeleton(std::string_view key) const {
  const size_t i = skeleton_.find(key);
  return i < skeleton_.size() ? skeleton_.values(i) : std::span<const uint32_t>();
}

std::vector<uint32_t> NameIndex::similarKeys(std::string_view key, size_t maxLengthDifference, size_t count) const {
  // Per-thread scratch: one counter per phonetic key, reset after each query.
  thread_local std::vector<uint16_t> shared;
  thread_local std::vector<uint32_t> touched;
  if (shared.size() < phonetic_.size()) shared.assign(phonetic_.size(), 0);
  touched.clear();

  std::vector<uint32_t> bigrams;
  bigramsOf(key, bigrams);
  // In a world gazetteer the commonest letter pairs ("an", "a$") each list tens of thousands of
  // keys and would dominate the time while telling little: leave out up to a third of the query's
  // pairs, the commonest, when their lists are long. The minimum below counts the pairs kept.
  auto listSize = [&](uint32_t b) { return bigramEnd_[b] - (b == 0 ? 0 : bigramEnd_[b - 1]); };
  const size_t longList = std::max<size_t>(1000, phonetic_.size() / 256);
  std::sort(bigrams.begin(), bigrams.end(), [&](uint32_t a, uint32_t b) { return listSize(a) < listSize(b); });
  size_t skip = 0;
  while (skip < bigrams.size() / 3 && listSize(bigrams[bigrams.size() - 1 - skip]) > longList) ++skip;
  bigrams.resize(bigrams.size() - skip);
  for (const uint32_t b : bigrams) {
    const uint32_t begin = b == 0 ? 0 : bigramEnd_[b - 1];
    for (uint32_t k = begin; k < bigramEnd_[b]; ++k) {
      const uint32_t id = bigramKeys_[k];
      if (shared[id]++ == 0) touched.push_back(id);
    }
  }
  // Each edit spoils at most two letter pairs; ask for a third of them to be shared at least.
  const uint16_t minimum = static_cast<uint16_t>(std::max<size_t>(1, bigrams.size() / 3));
  std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (shared pairs, id)
  for (const uint32_t id : touched) {
    if (shared[id] >= minimum) {
      const size_t length = phonetic_.key(id).size();
      const size_t difference = length > key.size() ? length - key.size() : key.size() - length;
      if (difference <= maxLengthDifference) ranked.emplace_back(shared[id], id);
    }
    shared[id] = 0;
  }
  const size_t keep = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<uint32_t> ids;
  ids.reserve(keep);
  for (size_t i = 0; i < keep; ++i) ids.push_back(ranked[i].second);
  return ids;
}

void NameIndex::write(ByteWriter& out) const {
  exact_.write(out);
  phonetic_.write(out);
  skeleton_.write(out);
  out.vector(bigramEnd_);
  out.vector(bigramKeys_);
}

bool NameIndex::read(ByteReader& in, const std::vector<Place>& places) {
  if (!exact_.read(in) || !phonetic_.read(in) || !skeleton_.read(in)) return false;
  if (!in.vector(bigramEnd_) || !in.vector(bigramKeys_)) return false;
  if (bigramEnd_.size() != kBigramCount || bigramEnd_.back() != bigramKeys_.size()) return false;
  auto validRef = [&](NameRef r) { return r.place < places.size() && r.name < 2 + places[r.place].alternates.size(); };
  auto validKey = [&](uint32_t id) { return id < phonetic_.size(); };
  for (size_t b = 1; b < kBigramCount; ++b)
    if (bigramEnd_[b] < bigramEnd_[b - 1]) return false;
  return std::all_of(exact_.allValues().begin(), exact_.allValues().end(), validRef) &&
         std::all_of(phonetic_.allValues().begin(), phonetic_.allValues().end(), validRef) &&
         std::all_of(skeleton_.allValues().begin(), skeleton_.allValues().end(), validKey) &&
         std::all_of(bigramKeys_.begin(), bigramKeys_.end(), validKey);
}

size_t NameIndex::memoryBytes() const {
  return exact_.memoryBytes() + phonetic_.memoryBytes() + skeleton_.memoryBytes() + vectorBytes(bigramEnd_) +
         vectorBytes(bigramKeys_);
}

}  // namespace frontline
