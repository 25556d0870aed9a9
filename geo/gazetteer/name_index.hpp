// The lookup structures behind Gazetteer: every name and alternate name of every place under its
// exact, phonetic and skeleton keys (see normalize.hpp), plus a bigram index for fuzzy search.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer/byte_io.hpp"
#include "geo/gazetteer/place.hpp"

namespace frontline {

// One name of one place: name 0 is Place::name, 1 Place::asciiName, 2 + i Place::alternates[i].
struct NameRef {
  uint32_t place = 0;
  uint32_t name = 0;
  friend bool operator<(NameRef a, NameRef b) { return a.place != b.place ? a.place < b.place : a.name < b.name; }
  friend bool operator==(NameRef a, NameRef b) = default;
};

std::string_view nameOf(const Place& place, uint32_t name);

// Keys and their values, sorted once and searched by binary search; one arena for all keys.
// Values that repeat for a key are kept once; for NameRef values, once per place (lowest name).
template <class Value>
class KeyTable {
 public:
  void add(std::string_view key, Value value);
  void finish();  // sorts; call once after the last add

  size_t size() const { return keyEnd_.size(); }
  std::string_view key(size_t i) const;
  std::span<const Value> values(size_t i) const;
  // Index of the key, or size() when absent.
  size_t find(std::string_view key) const;
  size_t memoryBytes() const;

  // The finished table as bytes (gazetteer_cache), and back; read returns false on a short or bad table.
  void write(ByteWriter& out) const;
  bool read(ByteReader& in);
  std::span<const Value> allValues() const { return values_; }

 private:
  struct Pending {
    uint32_t offset, length;
    Value value;
  };
  std::string pendingArena_;
  std::vector<Pending> pending_;
  std::string arena_;
  std::vector<uint32_t> keyEnd_;    // key i is arena_[keyEnd_[i-1], keyEnd_[i])
  std::vector<uint32_t> valueEnd_;  // values of key i are values_[valueEnd_[i-1], valueEnd_[i])
  std::vector<Value> values_;
};

class NameIndex {
 public:
  static NameIndex build(const std::vector<Place>& places);

  // Names whose exact key is `key`.
  std::span<const NameRef> exact(std::string_view key) const;
  // Id of a phonetic key, or phoneticCount() when absent.
  size_t phoneticId(std::string_view key) const { return phonetic_.find(key); }
  size_t phoneticCount() const { return phonetic_.size(); }
  std::string_view phoneticKey(size_t id) const { return phonetic_.key(id); }
  std::span<const NameRef> phoneticNames(size_t id) const { return phonetic_.values(id); }
  // Ids of the phonetic keys whose skeleton is `key`.
  std::span<const uint32_t> skeleton(std::string_view key) const;

  // Ids of phonetic keys that share the most letter pairs with `key` and whose length differs from
  // it by at most maxLengthDifference; at most `count`, most shared first. Thread-safe.
  std::vector<uint32_t> similarKeys(std::string_view key, size_t maxLengthDifference, size_t count) const;

  size_t memoryBytes() const;

  void write(ByteWriter& out) const;
  // False on a short table or one that points outside `places` (a damaged cache file).
  bool read(ByteReader& in, const std::vector<Place>& places);

 private:
  KeyTable<NameRef> exact_;
  KeyTable<NameRef> phonetic_;
  KeyTable<uint32_t> skeleton_;
  std::vector<uint32_t> bigramEnd_;  // bigram b's key ids are bigramKeys_[bigramEnd_[b-1], bigramEnd_[b])
  std::vector<uint32_t> bigramKeys_;
};

}  // namespace frontline
