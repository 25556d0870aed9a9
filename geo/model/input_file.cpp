#include "geo/model/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

#include "geo/model/error.hpp"

namespace frontline {
namespace {

std::string kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

Error notRegular(const std::filesystem::path& path, std::string_view what, mode_t mode) {
  std::string message = "is ";
  message.append(kindOf(mode)).append("; the ").append(what).append(" must be a regular file");
  return makeError(ErrorKind::Input, path.string(), message);
}

Error tooLarge(const std::filesystem::path& path, std::string_view what, uintmax_t size, uintmax_t maxBytes) {
  std::string message = "is ";
  message.append(byteSizeText(size)).append("; the ").append(what).append(" may be at most ").append(byteSizeText(maxBytes));
  return makeError(ErrorKind::Input, path.string(), message);
}

}  // namespace

std::string byteSizeText(uintmax_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  int unit = 0;
  uintmax_t value = bytes;
  while (unit < 4 && value >= 1024 && value % 1024 == 0) value /= 1024, ++unit;
  if (unit == 0 && bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  return std::to_string(value) + " " + units[unit];
}

Result<uintmax_t> checkInputFile(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return makeError(ErrorKind::Input, path.string(), "no such file");
    return makeError(ErrorKind::Input, path.string(), std::string("cannot be read: ") + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return notRegular(path, what, st.st_mode);
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > maxBytes) return tooLarge(path, what, size, maxBytes);
  return size;
}

Result<std::string> readInputFile(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return makeError(ErrorKind::Input, path.string(), "no such file");
    if (errno == EISDIR) return notRegular(path, what, S_IFDIR);
    return makeError(ErrorKind::Input, path.string(), std::string("cannot be read: ") + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return makeError(ErrorKind::Input, path.string(), std::string("cannot be read: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return notRegular(path, what, st.st_mode);
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > maxBytes) return tooLarge(path, what, size, maxBytes);
  std::string out(static_cast<size_t>(size), '\0');
  size_t done = 0;
  while (true) {
    if (done == out.size()) {
      // The file may have grown since fstat: read on, within the limit.
      if (out.size() >= maxBytes) {
        char probe;
        const ssize_t more = ::read(fd, &probe, 1);
        if (more > 0) return tooLarge(path, what, out.size() + 1, maxBytes);
        if (more == 0) break;
        if (errno == EINTR) continue;
        return makeError(ErrorKind::Input, path.string(), std::string("read error: ") + std::strerror(errno));
      }
      out.resize(std::min<uintmax_t>(maxBytes, out.size() + 65536));
    }
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return makeError(ErrorKind::Input, path.string(), std::string("read error: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  out.resize(done);
  return out;
}

}  // namespace frontline
