// Video output through ffmpeg: raw RGBA frames are piped into an ffmpeg process that encodes
// them into a temporary file next to the output, renamed over it only when ffmpeg succeeded.
//   .mp4   H.264 (libx264, yuv420p, +faststart): browsers, PowerPoint, phones
//   .webm  VP9 (libvpx-vp9)
//   .gif   with a palette made for the whole animation: one pass writes a lossless intermediate
//          and the palette, a second makes the GIF, so memory stays flat however long it is.
//          Frames wider than Options::gifWidth (800) are scaled down; `frontline export` draws
//          them at the GIF's size instead, so that their text stays legible.
// ffmpeg runs in its own process group: Ctrl-C reaches frontline, which stops it and removes the
// temporary files.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/export/frame_sink.hpp"

namespace frontline {

enum class VideoFormat { Mp4, WebM, Gif };

// The format an output file name asks for (by extension, any case); nothing for other names.
std::optional<VideoFormat> videoFormatFor(const std::filesystem::path& path);
const char* videoFormatName(VideoFormat format);  // "mp4", "webm", "gif"

// Converts the row pairs covering rows [firstRow, lastRow) (counted from the top) of an RGBA image
// of even width and height, rows bottom-up in memory, into 4:2:0 planes (BT.709, limited range:
// what the .mp4 and .webm streams are tagged with). y: width x height bytes, u and v:
// (width/2) x (height/2) each.
void rgbaToYuv420(const Image& bottomUp, int firstRow, int lastRow, uint8_t* y, uint8_t* u, uint8_t* v);

// The ffmpeg executable: $FRONTLINE_FFMPEG, else `ffmpeg` on PATH; nothing when there is none.
std::optional<std::filesystem::path> findFfmpeg();

// Errors from ffmpeg (missing, failed) have this `where`, so callers can tell them apart.
inline constexpr const char* kFfmpegWhere = "ffmpeg";

class VideoEncoder : public FrameSink {
 public:
  struct Options {
    std::filesystem::path output;
    VideoFormat format = VideoFormat::Mp4;
    int width = 0, height = 0;
    double fps = 30;
    int gifWidth = 800;  // wider GIF frames are scaled down to this
    int crf = 20;        // H.264 quality (lower: better, bigger)
    bool overwrite = false;
  };

  // Checks the output path and the size, finds ffmpeg and starts it.
  static Result<std::unique_ptr<VideoEncoder>> create(Options options);
  ~VideoEncoder() override;

  std::unique_ptr<PendingFrame> submit(const ExportFrame& frame) override;
  Result<void> commit(std::unique_ptr<PendingFrame> frame) override;
  Result<void> finish() override;
  void abandon() override;
  // Time spent blocked writing into ffmpeg (its encoding speed shows here) and waiting for it
  // to finish the file.
  double pipeSeconds() const { return pipeSeconds_; }
  double finishSeconds() const { return finishSeconds_; }
  double encodeSeconds() const override { return convertSeconds_; }  // RGBA to 4:2:0
  // The ffmpeg command lines run, for --verbose.
  const std::vector<std::string>& commands() const { return commands_; }

 private:
  explicit VideoEncoder(Options options) : options_(std::move(options)) {}
  Result<void> start(const std::filesystem::path& ffmpeg);
  Result<void> failure(const std::string& what);
  void removeTemporaries();

  Options options_;
  // .mp4 and .webm get 4:2:0 frames converted here, only in the rows that changed: less to pipe,
  // and ffmpeg need not convert every pixel of every frame.
  bool yuv_ = false;
  std::vector<uint8_t> planes_;
  bool planesValid_ = false;
  std::filesystem::path ffmpeg_, temp_, intermediate_, palette_, log_;
  pid_t pid_ = -1;
  int pipe_ = -1;
  double pipeSeconds_ = 0, finishSeconds_ = 0, convertSeconds_ = 0;
  std::vector<std::string> commands_;
};

}  // namespace frontline
