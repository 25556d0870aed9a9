// A PNG sequence in a folder: frame_00000.png, frame_00001.png, ... Each frame is written
// atomically (hidden temporary file, then rename), so an interrupted export leaves only complete
// frames and `--resume` can skip them. A frame identical to the previous one is a hard link to it
// (a copy where the file system has no links). The folder keeps a record of the export settings
// (.frontline-export) so that a resume with other settings is refused.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "render/export/frame_sink.hpp"
#include "render/export/png_encoder.hpp"
#include "render/export/work_queue.hpp"

namespace frontline {

enum class ExistingOutput {
  Refuse,     // a folder with files in it is an error
  Overwrite,  // earlier frames (and stale temporary files) are deleted first
  Resume,     // complete frames stay and are skipped; the settings must match
};

class PngSequenceWriter : public FrameSink {
 public:
  struct Options {
    std::filesystem::path folder;
    size_t frames = 0;
    int width = 0, height = 0;
    unsigned threads = 2;     // compression threads
    int level = 1;            // zlib level
    bool incremental = true;  // reuse unchanged bands and link repeated frames
    ExistingOutput existing = ExistingOutput::Refuse;
    std::string settings;     // what the export was made with, one "key = value" per line
  };

  // Prepares the folder: creates it (its parent must exist), or checks what is in it according
  // to options.existing. Errors name the folder and say which option to use.
  static Result<std::unique_ptr<PngSequenceWriter>> create(Options options);
  ~PngSequenceWriter() override;

  std::filesystem::path framePath(size_t index) const;
  // With ExistingOutput::Resume: whether frame `index` is already complete on disk.
  bool isDone(size_t index) const;
  size_t framesAlreadyDone() const { return alreadyDone_; }

  std::unique_ptr<PendingFrame> submit(const ExportFrame& frame) override;
  Result<void> commit(std::unique_ptr<PendingFrame> frame) override;
  Result<void> finish() override;
  void abandon() override;
  double encodeSeconds() const override { return encoder_->encodeSeconds(); }
  size_t bytesWritten() const { return bytes_; }
  size_t framesLinked() const { return linked_; }

 private:
  explicit PngSequenceWriter(Options options);
  Options options_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<PngEncoder> encoder_;
  int digits_ = 5;
  std::vector<uint8_t> done_;  // resume: frames complete before the export started
  size_t alreadyDone_ = 0;
  std::filesystem::path lastWritten_;  // the previous frame committed (for links)
  size_t bytes_ = 0, linked_ = 0;
};

// The settings record's file name inside an export folder.
inline constexpr const char* kExportRecordName = ".frontline-export";

}  // namespace frontline
