// Fast PNG encoding for frame sequences. A frame is split into bands of rows and each band is
// deflated on its own (a fresh zlib stream at level 1, flushed to a byte boundary); the bands are
// concatenated into one IDAT stream, with the Adler-32 and CRC-32 combined from per-band values.
// Bands are compressed in parallel, and a band whose rows equal the previous frame's keeps its
// compressed bytes: the file is byte for byte what encoding the whole frame again would give.
// No GL; thread-safe as documented per member.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "geo/model/result.hpp"
#include "render/export/frame_sink.hpp"
#include "render/export/work_queue.hpp"
#include "render/image.hpp"

namespace frontline {

class EncodedPng {
 public:
  struct Band;
  int width = 0, height = 0;
  bool rgba = false;  // colour type 6; otherwise RGB (every pixel was opaque)
  std::vector<std::shared_ptr<Band>> bands;

  // Waits until every band is compressed; the error of the first band that failed.
  Result<void> wait() const;
  size_t fileSize() const;  // after wait()
};

class PngEncoder {
 public:
  // level: zlib compression level (1: fast). bandRows: rows per independently compressed band.
  PngEncoder(WorkerPool& pool, int level = 1, int bandRows = 16);

  // Starts encoding `pixels` (RGBA, rows bottom-up when `bottomUp`). `changedRows` (rows counted
  // from the top) limits where rows may differ from the previous call's pixels; nullptr: anywhere.
  // Calls must come from one thread, in frame order; the result completes on the pool.
  std::shared_ptr<const EncodedPng> encode(std::shared_ptr<const Image> pixels, bool bottomUp,
                                           const std::vector<RowSpan>* changedRows = nullptr);
  // Forgets the previous frame: the next encode() compresses every band.
  void reset();

  // Compression CPU time summed over the pool's threads.
  double encodeSeconds() const { return static_cast<double>(encodeNanos_->load()) * 1e-9; }
  size_t bandsCompressed() const { return compressed_; }
  size_t bandsReused() const { return reused_; }

 private:
  WorkerPool& pool_;
  int level_, bandRows_;
  std::shared_ptr<const Image> previousPixels_;
  bool previousBottomUp_ = true;
  std::shared_ptr<const EncodedPng> previous_;
  std::vector<uint8_t> bandOpaque_;
  std::shared_ptr<std::atomic<long long>> encodeNanos_;  // shared with running jobs
  size_t compressed_ = 0, reused_ = 0;
};

// Writes the PNG to `path` atomically: a hidden temporary file in the same folder, renamed over
// `path` once complete; on any failure the temporary file is removed and `path` is untouched.
// Unlike writeFileAtomic it does not fsync each frame (hundreds of syncs would cost more than the
// encoding): a killed process leaves complete frames only, and after a power cut isCompletePng
// (which --resume applies to every frame) finds any frame the disk lost.
Result<void> writePngFile(const std::filesystem::path& path, const EncodedPng& png);

// One-shot encode of a top-down RGBA image (tests, stills): same bytes as PngEncoder gives.
Result<void> writePngFast(const std::filesystem::path& path, const Image& image);

// Whether `path` is a complete PNG of width x height: the signature and header at the start, the
// end chunk at the end. Cheap (two small reads); for skipping finished frames when resuming.
bool isCompletePng(const std::filesystem::path& path, int width, int height);

// Whether a file name is one of temporarySibling()'s (geo/model/atomic_file.hpp) hidden
// ".NAME.tmp-XXXXXXXX" names: stale ones are removed when an export folder is reused.
bool isTemporaryName(const std::string& fileName);

}  // namespace frontline
