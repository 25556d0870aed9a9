// Byte streams (native byte order: a cache is read on the machine that wrote it) for the gazetteer's binary index cache:
// fixed-size values, strings and vectors of trivially copyable values, read back with bounds checks.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace frontline {

class ByteWriter {
 public:
  template <class T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void string(std::string_view s) {
    value(static_cast<uint64_t>(s.size()));
    out_.append(s);
  }
  template <class T>
  void vector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    value(static_cast<uint64_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote from a stream, in chunks (no copy of the whole file is held); any
// read past the end sets failed() and returns zeros/empties. Big vectors are read straight into
// their storage.
class ByteReader {
 public:
  explicit ByteReader(std::istream& in) : in_(in) {}

  template <class T>
  T value() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    copy(reinterpret_cast<char*>(&v), sizeof v);
    return v;
  }
  std::string string() {
    const auto n = value<uint64_t>();
    std::string s;
    if (!ok_ || n > kMaxString) return ok_ = false, s;
    s.resize(n);
    copy(s.data(), n);
    return s;
  }
  template <class T>
  bool vector(std::vector<T>& out) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto n = value<uint64_t>();
    if (!ok_ || n > kMaxVector / sizeof(T)) return ok_ = false;
    out.resize(n);
    copy(reinterpret_cast<char*>(out.data()), n * sizeof(T));
    return ok_;
  }
  bool failed() const { return !ok_; }
  // True when everything was read and nothing is left.
  bool atEnd() {
    return ok_ && pos_ == end_ && in_.peek() == std::char_traits<char>::eof();
  }

 private:
  static constexpr uint64_t kMaxString = uint64_t{1} << 30, kMaxVector = uint64_t{1} << 34;
  static constexpr size_t kChunk = size_t{1} << 20;

  void copy(char* to, uint64_t n) {
    while (ok_ && n > 0) {
      if (pos_ == end_) {
        if (n >= kChunk) {  // a big block: straight from the stream
          if (!in_.read(to, static_cast<std::streamsize>(n))) ok_ = false;
          return;
        }
        buffer_.resize(kChunk);
        in_.read(buffer_.data(), static_cast<std::streamsize>(kChunk));
        pos_ = 0;
        end_ = static_cast<size_t>(in_.gcount());
        if (end_ == 0) ok_ = false;
        continue;
      }
      const size_t take = static_cast<size_t>(std::min<uint64_t>(n, end_ - pos_));
      std::memcpy(to, buffer_.data() + pos_, take);
      pos_ += take;
      to += take;
      n -= take;
    }
  }

  std::istream& in_;
  std::string buffer_;
  size_t pos_ = 0, end_ = 0;
  bool ok_ = true;
};

}  // namespace frontline
