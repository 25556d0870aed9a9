// Small threading pieces of the export pipeline: a bounded queue between stages (so memory stays
// flat when one stage is slower), a fixed pool of worker threads, and a one-shot completion flag.
#pragma once

#include <pthread.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace frontline {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity ? capacity : 1) {}

  // Blocks while full. False when the queue was closed (the item is dropped).
  bool push(T item) {
    std::unique_lock lock(mutex_);
    notFull_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    notEmpty_.notify_one();
    return true;
  }
  // Blocks while empty. Nothing once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    notEmpty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    notFull_.notify_one();
    return item;
  }
  // No more pushes; pop() still hands out what is queued.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    notEmpty_.notify_all();
    notFull_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable notEmpty_, notFull_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

// Runs tasks on `threads` threads in the order given. The destructor finishes queued tasks first.
class WorkerPool {
 public:
  // name: thread name shown by top and perf (at most 15 characters).
  explicit WorkerPool(unsigned threads, const char* name = "fl-worker") {
    for (unsigned i = 0; i < (threads ? threads : 1); ++i)
      threads_.emplace_back([this, name] {
        pthread_setname_np(pthread_self(), name);
        while (auto task = tasks_.pop()) (*task)();
      });
  }
  ~WorkerPool() {
    tasks_.close();
    for (std::thread& t : threads_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void run(std::function<void()> task) { tasks_.push(std::move(task)); }
  size_t size() const { return threads_.size(); }

 private:
  BoundedQueue<std::function<void()>> tasks_{static_cast<size_t>(-1)};
  std::vector<std::thread> threads_;
};

// Set once by one thread, waited for by others.
class Completion {
 public:
  void set() {
    std::lock_guard lock(mutex_);
    done_ = true;
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return done_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
};

}  // namespace frontline
