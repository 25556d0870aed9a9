#include "render/export/video_encoder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>

#include "geo/model/atomic_file.hpp"

extern char** environ;

namespace frontline {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct PendingVideo : PendingFrame {
  std::shared_ptr<const Image> pixels;
  bool repeat = false;
  std::vector<RowSpan> changedRows;
};

bool writeAllTo(int fd, const uint8_t* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string quoteForDisplay(const std::string& arg) {
  if (!arg.empty() && arg.find_first_of(" \t'\"[];") == std::string::npos) return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Starts `args` with stdin from `stdinFd` (or /dev/null), stdout to /dev/null and stderr to
// `logPath`, in a process group of its own so that the terminal's Ctrl-C does not reach it.
Result<pid_t> spawn(const std::vector<std::string>& args, int stdinFd, const std::filesystem::path& logPath) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  if (stdinFd >= 0) posix_spawn_file_actions_adddup2(&actions, stdinFd, 0);
  else posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGHUP}) sigaddset(&defaults, sig);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int err = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (err != 0) return makeError(ErrorKind::Io, kFfmpegWhere, std::string("cannot start ") + args[0] + ": " + std::strerror(err));
  return pid;
}

// Waits for `pid`; its exit code, or 128 + signal.
int waitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The last few lines ffmpeg wrote to its log.
std::string logTail(const std::filesystem::path& log, size_t lines = 6) {
  std::ifstream in(log);
  std::deque<std::string> last;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    last.push_back(line);
    if (last.size() > lines) last.pop_front();
  }
  std::string out;
  for (const std::string& l : last) out += (out.empty() ? "" : " | ") + l;
  return out;
}

}  // namespace

void rgbaToYuv420(const Image& image, int firstRow, int lastRow, uint8_t* yPlane, uint8_t* uPlane, uint8_t* vPlane) {
  // BT.709 in 16.16 fixed point, limited range: Y 16..235, Cb and Cr 16..240.
  constexpr int kYr = 11966, kYg = 40254, kYb = 4064;       // 0.18259, 0.61423, 0.06201
  constexpr int kUr = -6596, kUg = -22189, kUb = 28785;     // -0.10064, -0.33857, 0.43922
  constexpr int kVr = 28785, kVg = -26145, kVb = -2639;     // 0.43922, -0.39894, -0.04027
  const int w = image.width, h = image.height, cw = w / 2;
  for (int y = firstRow & ~1; y < std::min(lastRow, h - 1); y += 2) {
    const uint8_t* rows[2] = {image.pixel(0, h - 1 - y), image.pixel(0, h - 2 - y)};
    for (int k = 0; k < 2; ++k) {
      const uint8_t* p = rows[k];
      uint8_t* out = yPlane + static_cast<size_t>(y + k) * static_cast<size_t>(w);
      for (int x = 0; x < w; ++x, p += 4)
        out[x] = static_cast<uint8_t>(((kYr * p[0] + kYg * p[1] + kYb * p[2] + 32768) >> 16) + 16);
    }
    uint8_t* u = uPlane + static_cast<size_t>(y / 2) * static_cast<size_t>(cw);
    uint8_t* v = vPlane + static_cast<size_t>(y / 2) * static_cast<size_t>(cw);
    const uint8_t *a = rows[0], *b = rows[1];
    for (int x = 0; x < cw; ++x, a += 8, b += 8) {
      // The mean of the 2x2 block (sums of four, hence the extra factor 4 in the shift).
      const int r = a[0] + a[4] + b[0] + b[4], g = a[1] + a[5] + b[1] + b[5], bl = a[2] + a[6] + b[2] + b[6];
      u[x] = static_cast<uint8_t>(((kUr * r + kUg * g + kUb * bl + (1 << 17)) >> 18) + 128);
      v[x] = static_cast<uint8_t>(((kVr * r + kVg * g + kVb * bl + (1 << 17)) >> 18) + 128);
    }
  }
}

std::optional<VideoFormat> videoFormatFor(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".mp4") return VideoFormat::Mp4;
  if (ext == ".webm") return VideoFormat::WebM;
  if (ext == ".gif") return VideoFormat::Gif;
  return std::nullopt;
}

const char* videoFormatName(VideoFormat format) {
  switch (format) {
    case VideoFormat::Mp4: return "mp4";
    case VideoFormat::WebM: return "webm";
    case VideoFormat::Gif: return "gif";
  }
  return "?";
}

std::optional<std::filesystem::path> findFfmpeg() {
  auto executable = [](const std::filesystem::path& p) { return ::access(p.c_str(), X_OK) == 0 && !std::filesystem::is_directory(p); };
  if (const char* env = std::getenv("FRONTLINE_FFMPEG"); env && *env) {
    if (executable(env)) return std::filesystem::path(env);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / "ffmpeg";
    if (executable(candidate)) return candidate;
  }
  return std::nullopt;
}

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::create(Options options) {
  namespace fs = std::filesystem;
  const std::string where = options.output.string();
  const char* name = videoFormatName(options.format);
  if (options.format != VideoFormat::Gif && (options.width % 2 != 0 || options.height % 2 != 0))
    return makeError(ErrorKind::Usage, "--size " + std::to_string(options.width) + "x" + std::to_string(options.height),
                     std::string(".") + name + " needs an even width and height (4:2:0 video), e.g. " +
                         std::to_string(options.width & ~1) + "x" + std::to_string(options.height & ~1));
  if (options.format == VideoFormat::Gif && (options.gifWidth < 16 || options.gifWidth > 16384))
    return makeError(ErrorKind::Usage, "--gif-width", "must be 16..16384 pixels");
  const fs::path parent = options.output.has_parent_path() ? options.output.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(parent, ec))
    return makeError(ErrorKind::Io, where, "the folder '" + parent.string() + "' does not exist");
  if (fs::is_directory(options.output, ec))
    return makeError(ErrorKind::Usage, where, "is a folder; a video needs a file name");
  if (isSpecialFile(options.output))
    return makeError(ErrorKind::Usage, where, "is a device or pipe; a video is written to a regular file");
  if (fs::exists(options.output, ec) && !options.overwrite)
    return makeError(ErrorKind::Usage, where, "exists; add --overwrite to replace it");
  const auto ffmpeg = findFfmpeg();
  if (!ffmpeg)
    return makeError(ErrorKind::Io, kFfmpegWhere,
                     std::string("not installed, but needed for .") + name +
                         " output; install it with 'sudo apt-get install ffmpeg', or export PNG frames to a folder");
  std::unique_ptr<VideoEncoder> encoder(new VideoEncoder(std::move(options)));
  if (auto r = encoder->start(*ffmpeg); !r) return r.error();
  return encoder;
}

VideoEncoder::~VideoEncoder() {
  if (pid_ > 0 || pipe_ >= 0) abandon();
}

Result<void> VideoEncoder::start(const std::filesystem::path& ffmpeg) {
  ffmpeg_ = ffmpeg;
  temp_ = temporarySibling(options_.output);
  if (options_.format == VideoFormat::Gif) {
    intermediate_ = temp_.string() + ".mkv";
    palette_ = temp_.string() + ".png";
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string logTemplate = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/frontline-ffmpeg-XXXXXX";
  const int logFd = ::mkstemp(logTemplate.data());
  if (logFd < 0) return makeError(ErrorKind::Io, logTemplate, std::string("cannot create a log file: ") + std::strerror(errno));
  ::close(logFd);
  log_ = logTemplate;

  const std::string size = std::to_string(options_.width) + "x" + std::to_string(options_.height);
  yuv_ = options_.format != VideoFormat::Gif;
  if (yuv_) planes_.resize(static_cast<size_t>(options_.width) * static_cast<size_t>(options_.height) * 3 / 2);
  std::vector<std::string> args{ffmpeg_.string(), "-hide_banner", "-loglevel", "error", "-nostats",
                                "-f", "rawvideo", "-pix_fmt", yuv_ ? "yuv420p" : "rgba", "-video_size", size,
                                "-framerate", formatNumber(options_.fps), "-i", "pipe:0", "-an"};
  auto add = [&](std::initializer_list<std::string> more) { args.insert(args.end(), more); };
  // The matrix rgbaToYuv420 used, so that players convert back with the same one.
  const std::initializer_list<std::string> bt709{"-colorspace", "bt709", "-color_primaries", "bt709",
                                                 "-color_trc", "bt709", "-color_range", "tv"};
  switch (options_.format) {
    case VideoFormat::Mp4:
      add({"-c:v", "libx264", "-preset", "veryfast", "-crf", std::to_string(options_.crf), "-pix_fmt", "yuv420p"});
      add(bt709);
      add({"-movflags", "+faststart", "-f", "mp4", "-y", temp_.string()});
      break;
    case VideoFormat::WebM:
      // Real-time speed 8: measured on 1080p maps, 8x faster than "good" at speed 4 for the same
      // PSNR (44.0 against 44.3 dB) and a quarter more bytes.
      add({"-c:v", "libvpx-vp9", "-pix_fmt", "yuv420p", "-crf", "32", "-b:v", "0", "-deadline", "realtime",
           "-cpu-used", "8", "-row-mt", "1"});
      add(bt709);
      add({"-f", "webm", "-y", temp_.string()});
      break;
    case VideoFormat::Gif: {
      // Frames drawn at the GIF's size keep their text legible (the CLI does that); wider frames
      // are scaled down here.
      const std::string scale = options_.width > options_.gifWidth
                                    ? "scale=" + std::to_string(options_.gifWidth) + ":-2:flags=lanczos,"
                                    : std::string();
      add({"-filter_complex", "[0:v]" + scale + "split[v][s];[s]palettegen[p]",
           "-map", "[v]", "-c:v", "ffv1", "-f", "matroska", "-y", intermediate_.string(),
           "-map", "[p]", "-f", "image2", "-update", "1", "-frames:v", "1", "-y", palette_.string()});
      break;
    }
  }
  std::string shown;
  for (const std::string& a : args) shown.append(shown.empty() ? "" : " ").append(quoteForDisplay(a));
  commands_.push_back(shown);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return makeError(ErrorKind::Io, kFfmpegWhere, std::string("pipe: ") + std::strerror(errno));
  // A bigger pipe means fewer switches between frontline and ffmpeg per frame.
  ::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
  auto pid = spawn(args, fds[0], log_);
  ::close(fds[0]);
  if (!pid) {
    ::close(fds[1]);
    removeTemporaries();
    return pid.error();
  }
  pid_ = *pid;
  pipe_ = fds[1];
  return {};
}

std::unique_ptr<PendingFrame> VideoEncoder::submit(const ExportFrame& frame) {
  auto pending = std::make_unique<PendingVideo>();
  pending->pixels = frame.pixels;
  pending->repeat = frame.repeat;
  pending->changedRows = frame.changedRows;
  return pending;
}

Result<void> VideoEncoder::commit(std::unique_ptr<PendingFrame> frame) {
  const PendingVideo& pending = static_cast<PendingVideo&>(*frame);
  const Image& image = *pending.pixels;
  if (pipe_ < 0) return makeError(ErrorKind::Internal, kFfmpegWhere, "the encoder was closed");
  if (yuv_) {
    // Frames come in order, so the planes hold the previous frame: convert what changed.
    const auto convertStart = Clock::now();
    const size_t lumaSize = static_cast<size_t>(image.width) * static_cast<size_t>(image.height);
    uint8_t* y = planes_.data();
    uint8_t* u = y + lumaSize;
    uint8_t* v = u + lumaSize / 4;
    if (!planesValid_) rgbaToYuv420(image, 0, image.height, y, u, v);
    else if (!pending.repeat)
      for (const RowSpan& span : pending.changedRows) rgbaToYuv420(image, span.first, span.last, y, u, v);
    planesValid_ = true;
    convertSeconds_ += secondsSince(convertStart);
    const auto start = Clock::now();
    const bool written = writeAllTo(pipe_, planes_.data(), planes_.size());
    pipeSeconds_ += secondsSince(start);
    if (!written)
      return failure(errno == EPIPE ? "ffmpeg stopped reading frames" : std::string("writing to ffmpeg: ") + std::strerror(errno));
    return {};
  }
  const auto start = Clock::now();
  // Rows are bottom-up in memory: hand them to ffmpeg top row first, without copying.
  const size_t rowBytes = static_cast<size_t>(image.width) * 4;
  std::vector<iovec> rows(static_cast<size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    rows[static_cast<size_t>(y)] = {const_cast<uint8_t*>(image.pixel(0, image.height - 1 - y)), rowBytes};
  size_t i = 0;
  while (i < rows.size()) {
    const int count = static_cast<int>(std::min<size_t>(rows.size() - i, IOV_MAX));
    const ssize_t n = ::writev(pipe_, rows.data() + i, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      pipeSeconds_ += secondsSince(start);
      return failure(errno == EPIPE ? "ffmpeg stopped reading frames" : std::string("writing to ffmpeg: ") + std::strerror(errno));
    }
    auto left = static_cast<size_t>(n);
    while (i < rows.size() && left >= rows[i].iov_len) left -= rows[i++].iov_len;
    if (i < rows.size() && left > 0) {
      rows[i].iov_base = static_cast<uint8_t*>(rows[i].iov_base) + left;
      rows[i].iov_len -= left;
    }
  }
  pipeSeconds_ += secondsSince(start);
  return {};
}

Result<void> VideoEncoder::failure(const std::string& what) {
  if (pipe_ >= 0) ::close(pipe_), pipe_ = -1;
  int code = 0;
  if (pid_ > 0) code = waitFor(pid_), pid_ = -1;
  std::string detail = logTail(log_);
  removeTemporaries();
  if (detail.empty() && code != 0) detail = "exit status " + std::to_string(code);
  return makeError(ErrorKind::Io, kFfmpegWhere, what + (detail.empty() ? "" : ": " + detail));
}

Result<void> VideoEncoder::finish() {
  const auto start = Clock::now();
  if (pipe_ >= 0) ::close(pipe_), pipe_ = -1;
  const int code = pid_ > 0 ? waitFor(pid_) : -1;
  pid_ = -1;
  if (code != 0) {
    finishSeconds_ = secondsSince(start);
    return failure("ffmpeg failed (exit status " + std::to_string(code) + ")");
  }
  if (options_.format == VideoFormat::Gif) {
    // Second pass: the palette made from every frame, applied frame by frame.
    std::vector<std::string> args{ffmpeg_.string(), "-hide_banner", "-loglevel", "error", "-nostats",
                                  "-i", intermediate_.string(), "-i", palette_.string(),
                                  "-lavfi", "[0:v][1:v]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle",
                                  "-f", "gif", "-y", temp_.string()};
    std::string shown;
    for (const std::string& a : args) shown.append(shown.empty() ? "" : " ").append(quoteForDisplay(a));
    commands_.push_back(shown);
    auto pid = spawn(args, -1, log_);
    if (!pid) {
      removeTemporaries();
      return pid.error();
    }
    const int second = waitFor(*pid);
    if (second != 0) return failure("ffmpeg failed making the GIF (exit status " + std::to_string(second) + ")");
  }
  // ffmpeg exits 0 after "Error writing trailer ... No space left on device": with -loglevel
  // error anything in its log is a failure, and the file must be there and not empty.
  if (!logTail(log_).empty()) return failure("ffmpeg reported an error");
  struct stat written {};
  if (::stat(temp_.c_str(), &written) != 0 || written.st_size == 0)
    return failure("ffmpeg wrote no video");
  if (std::rename(temp_.c_str(), options_.output.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    removeTemporaries();
    return makeError(ErrorKind::Io, options_.output.string(), "cannot write: " + error);
  }
  temp_.clear();
  removeTemporaries();
  finishSeconds_ = secondsSince(start);
  return {};
}

void VideoEncoder::abandon() {
  if (pipe_ >= 0) ::close(pipe_), pipe_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    waitFor(pid_);
    pid_ = -1;
  }
  removeTemporaries();
}

void VideoEncoder::removeTemporaries() {
  for (const std::filesystem::path* p : {&temp_, &intermediate_, &palette_, &log_})
    if (!p->empty()) ::unlink(p->c_str());
}

}  // namespace frontline
