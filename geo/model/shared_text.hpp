// An immutable string whose copies share one buffer (8 bytes, a reference count). Event fields use
// it: a million events repeat a few hundred places, actors, sources and file names, and one
// std::string per field and event (32 bytes plus a heap block) made loading a million rows cost
// about 1 GB. TextPool interns equal strings to one buffer while a table is read.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace frontline {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string_view text);  // NOLINT: implicit, like std::string's constructors
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}
  SharedText(const char* text) : SharedText(std::string_view(text)) {}
  SharedText(const SharedText& other) noexcept : block_(other.block_) { retain(); }
  SharedText(SharedText&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  SharedText& operator=(const SharedText& other) noexcept;
  SharedText& operator=(SharedText&& other) noexcept;
  ~SharedText() { release(); }

  std::string_view view() const { return block_ ? std::string_view(data(), block_->size) : std::string_view(); }
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  std::string str() const { return std::string(view()); }
  operator std::string() const { return str(); }  // NOLINT
  const char* c_str() const { return block_ ? data() : ""; }
  size_t size() const { return block_ ? block_->size : 0; }
  bool empty() const { return size() == 0; }
  bool sharesBufferWith(const SharedText& other) const { return block_ == other.block_; }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.block_ == b.block_ || a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) { return a.view() <=> b; }
  friend std::string operator+(const std::string& a, const SharedText& b) { return a + std::string(b.view()); }
  friend std::string operator+(const SharedText& a, const std::string& b) { return std::string(a.view()) + b; }
  friend std::string operator+(const char* a, const SharedText& b) { return a + std::string(b.view()); }
  friend std::string operator+(const SharedText& a, const char* b) { return std::string(a.view()) + b; }

 private:
  struct Block {
    std::atomic<uint32_t> refs;
    uint32_t size;
  };
  const char* data() const { return reinterpret_cast<const char*>(block_ + 1); }
  void retain() const noexcept {
    if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept;

  Block* block_ = nullptr;
};

// Gives one SharedText per distinct string: intern("Raqqa") twice shares the buffer.
class TextPool {
 public:
  SharedText intern(std::string_view text);
  size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    size_t operator()(const SharedText& s) const { return std::hash<std::string_view>()(s.view()); }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };
  std::unordered_set<SharedText, Hash, Equal> texts_;
};

}  // namespace frontline

template <>
struct std::hash<frontline::SharedText> {
  size_t operator()(const frontline::SharedText& s) const { return std::hash<std::string_view>()(s.view()); }
};
