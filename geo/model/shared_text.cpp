#include "geo/model/shared_text.hpp"

#include <cstring>
#include <new>
#include <stdexcept>

namespace frontline {

SharedText::SharedText(std::string_view text) {
  if (text.empty()) return;  // the empty text needs no buffer
  if (text.size() > UINT32_MAX) throw std::length_error("SharedText: text over 4 GiB");
  void* memory = ::operator new(sizeof(Block) + text.size() + 1);
  block_ = new (memory) Block{{1}, static_cast<uint32_t>(text.size())};
  char* chars = reinterpret_cast<char*>(block_ + 1);
  std::memcpy(chars, text.data(), text.size());
  chars[text.size()] = '\0';
}

SharedText& SharedText::operator=(const SharedText& other) noexcept {
  Block* const block = other.block_;  // read first: other may be this, which release() clears
  other.retain();
  release();
  block_ = block;
  return *this;
}

SharedText& SharedText::operator=(SharedText&& other) noexcept {
  if (this != &other) {
    release();
    block_ = other.block_;
    other.block_ = nullptr;
  }
  return *this;
}

void SharedText::release() noexcept {
  if (block_ && block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    block_->~Block();
    ::operator delete(block_);
  }
  block_ = nullptr;
}

SharedText TextPool::intern(std::string_view text) {
  if (text.empty()) return {};
  if (auto it = texts_.find(text); it != texts_.end()) return *it;
  return *texts_.insert(SharedText(text)).first;
}

}  // namespace frontline
