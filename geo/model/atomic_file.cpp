#include "geo/model/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace frontline {

std::filesystem::path temporarySibling(const std::filesystem::path& path) {
  std::random_device rd;
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, ".tmp-%08x", rd());
  std::string name = ".";  // hidden, and built piecewise (GCC 12 -Wrestrict false positive)
  name.append(path.filename().string()).append(suffix);
  return path.parent_path() / name;
}

bool isSpecialFile(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

Result<std::filesystem::path> atomicWriteTarget(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return temporarySibling(path);
  if (S_ISDIR(st.st_mode)) return makeError(ErrorKind::Io, path.string(), "is a folder, not a file to write");
  if (S_ISREG(st.st_mode)) return temporarySibling(path);
  return path;
}

Result<void> finishAtomicWrite(std::FILE* file, const std::filesystem::path& temp, const std::filesystem::path& path,
                               std::string failure, std::string_view what) {
  if (failure.empty() && std::fflush(file) != 0) failure = std::strerror(errno);
  const bool inPlace = temp == path;
  if (failure.empty() && !inPlace && ::fsync(fileno(file)) != 0 && errno != EINVAL) failure = std::strerror(errno);
  if (std::fclose(file) != 0 && failure.empty()) failure = std::strerror(errno);
  if (failure.empty() && !inPlace && std::rename(temp.c_str(), path.c_str()) != 0) failure = std::strerror(errno);
  if (failure.empty()) return {};
  if (!inPlace) std::remove(temp.c_str());
  std::string message(what);
  message.append(": ").append(failure);
  return makeError(ErrorKind::Io, path.string(), message);
}

Result<void> writeFileAtomic(const std::filesystem::path& path, std::string_view bytes) {
  const auto target = atomicWriteTarget(path);
  if (!target) return target.error();
  const std::filesystem::path& temp = *target;
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) return makeError(ErrorKind::Io, path.string(), std::string("cannot write: ") + std::strerror(errno));
  std::string failure;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) failure = std::strerror(errno);
  return finishAtomicWrite(file, temp, path, failure);
}

}  // namespace frontline
