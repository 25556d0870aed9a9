#include "render/export/export_pipeline.hpp"

#include <glad/gl.h>
#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "render/export/work_queue.hpp"

namespace frontline {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double threadCpuSeconds() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// A frame's control state, made on the prepare thread.
struct Prepared {
  size_t index = 0;
  FrameTime time;
  ControlFrame control;
  std::optional<Error> error;
};

// Pixel buffers handed out as shared pointers that come back to the pool when the last user lets
// go (an encoder thread, the writer, or the next frame's comparison).
class BufferPool : public std::enable_shared_from_this<BufferPool> {
 public:
  BufferPool(size_t count, int width, int height) {
    for (size_t i = 0; i < count; ++i) free_.push_back(std::make_unique<Image>(width, height));
  }
  std::shared_ptr<Image> acquire() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    Image* image = free_.back().release();
    free_.pop_back();
    auto self = shared_from_this();
    return std::shared_ptr<Image>(image, [self](Image* returned) { self->giveBack(returned); });
  }

 private:
  void giveBack(Image* image) {
    std::lock_guard lock(mutex_);
    free_.emplace_back(image);
    cv_.notify_one();
  }
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Image>> free_;
};

}  // namespace

Result<ExportStats> runExport(MapSession& session, MapRenderer& renderer, OffscreenTarget& target, FrameSink& sink,
                              const ExportRequest& request) {
  const auto runStart = Clock::now();
  const FrameSchedule& schedule = *request.schedule;
  const int w = target.width(), h = target.height();
  ExportStats stats;
  std::atomic<bool> failed{false};
  auto stopRequested = [&] { return failed.load() || (request.stop && request.stop->load()); };

  // Prepare thread: the only user of `session` while the export runs.
  BoundedQueue<Prepared> prepared(24);
  double prepareSeconds = 0, prepareCpuSeconds = 0;
  std::atomic<bool> allPrepared{false};
  std::thread prepare([&] {
    pthread_setname_np(pthread_self(), "fl-prepare");
    size_t i = 0;
    for (; i < schedule.size() && !stopRequested(); ++i) {
      if (request.skip && request.skip(i)) continue;
      Prepared item;
      item.index = i;
      item.time = schedule.at(i);
      const auto start = Clock::now();
      const double cpuStart = threadCpuSeconds();
      auto control = session.frameAt(item.time.date, item.time.dayFraction);
      prepareSeconds += secondsSince(start);
      prepareCpuSeconds += threadCpuSeconds() - cpuStart;
      if (control) item.control = std::move(control).value();
      else item.error = control.error();
      const bool bad = item.error.has_value();
      if (!prepared.push(std::move(item)) || bad) break;
    }
    allPrepared = i == schedule.size();
    prepared.close();
  });

  // Writer thread: commits in order; after a failure it only drains the queue.
  BoundedQueue<std::unique_ptr<PendingFrame>> toCommit(4);
  std::optional<Error> writeError;
  std::thread writer([&] {
    pthread_setname_np(pthread_self(), "fl-writer");
    while (auto pending = toCommit.pop()) {
      if (failed) continue;
      const auto start = Clock::now();
      auto committed = sink.commit(std::move(*pending));
      stats.commitSeconds += secondsSince(start);
      if (!committed) {
        writeError = committed.error();
        failed = true;
        continue;
      }
      ++stats.written;
      if (request.progress) request.progress->frameDone();
    }
  });

  // At least three buffers (the frame drawn, the previous one, one being written); at most what
  // fits in about 512 MiB, for very large frames.
  const size_t frameBytes = static_cast<size_t>(w) * static_cast<size_t>(h) * 4;
  const size_t buffers = std::max<size_t>(3, std::min(request.buffers, (size_t{512} << 20) / frameBytes));
  auto pool = std::make_shared<BufferPool>(buffers, w, h);
  const PixelRect full{0, 0, w, h};
  std::optional<Error> renderError;
  std::optional<Prepared> last;  // the frame the target holds now
  std::shared_ptr<const Image> lastPixels;
  double redrawn = 0;
  bool exhausted = false;  // every frame of the schedule went through
  while (!stopRequested()) {
    const auto popStart = Clock::now();
    auto item = prepared.pop();
    stats.prepareWaitSeconds += secondsSince(popStart);
    if (!item) {
      exhausted = allPrepared;
      break;
    }
    if (item->error) {
      renderError = *item->error;
      break;
    }
    FrameInput frame = request.frame;
    frame.date = item->time.date;
    frame.control = request.drawControl ? &item->control : nullptr;
    std::vector<PixelRect> regions{full};
    if (request.incremental && last) {
      FrameInput before = request.frame;
      before.date = last->time.date;
      before.control = request.drawControl ? &last->control : nullptr;
      regions = renderer.changedRegions(before, frame, w, h);
    }

    ExportFrame out;
    out.index = item->index;
    if (regions.empty()) {
      out.repeat = true;
      out.pixels = lastPixels;
      ++stats.repeats;
    } else {
      const auto drawStart = Clock::now();
      long long area = 0;
      for (const PixelRect& region : regions) {
        auto drawn = region == full ? renderer.draw(frame, target) : renderer.draw(frame, target, region);
        if (!drawn) {
          renderError = drawn.error();
          break;
        }
        area += region.area();
        ++stats.regionsDrawn;
        out.changedRows.push_back({region.y0, region.y1});
      }
      if (renderError) break;
      glFinish();
      stats.drawSeconds += secondsSince(drawStart);
      ++(regions.front() == full ? stats.drawnFull : stats.drawnPartial);
      redrawn += static_cast<double>(area) / static_cast<double>(full.area());

      const auto waitStart = Clock::now();
      std::shared_ptr<Image> buffer = pool->acquire();
      stats.bufferWaitSeconds += secondsSince(waitStart);
      const auto readStart = Clock::now();
      if (auto read = target.readPixelsInto(*buffer, false); !read) {
        renderError = read.error();
        break;
      }
      stats.readbackSeconds += secondsSince(readStart);
      out.pixels = lastPixels = std::move(buffer);
      last = std::move(*item);
    }
    const auto submitStart = Clock::now();
    auto pending = sink.submit(out);
    stats.submitSeconds += secondsSince(submitStart);
    if (!toCommit.push(std::move(pending))) break;
  }
  if (renderError) failed = true;
  const bool interrupted = !failed && !exhausted;
  prepared.close();
  toCommit.close();
  writer.join();
  prepare.join();
  lastPixels.reset();

  stats.prepareSeconds = prepareSeconds;
  stats.prepareCpuSeconds = prepareCpuSeconds;
  stats.encodeSeconds = sink.encodeSeconds();
  const size_t drawn = stats.drawnFull + stats.drawnPartial;
  stats.redrawnShare = drawn ? redrawn / static_cast<double>(drawn) : 0;
  if (request.skip)
    for (size_t i = 0; i < schedule.size(); ++i) stats.skipped += request.skip(i) ? 1 : 0;
  if (renderError || writeError) {
    sink.abandon();
    return renderError ? *renderError : *writeError;
  }
  if (interrupted) {
    stats.interrupted = true;
    sink.abandon();
  } else if (auto finished = sink.finish(); !finished) {
    sink.abandon();
    return finished.error();
  }
  stats.seconds = secondsSince(runStart);
  return stats;
}

}  // namespace frontline
