#include "text_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>

namespace frontline::cli {
namespace {

std::filesystem::path temporarySibling(const std::filesystem::path& path) {
  std::random_device rd;
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, ".tmp-%08x", rd());
  std::string name = ".";  // hidden, and built piecewise (GCC 12 -Wrestrict false positive)
  name.append(path.filename().string()).append(suffix);
  return path.parent_path() / name;
}

}  // namespace

Result<void> writeTextAtomic(const std::filesystem::path& path, const std::string& text) {
  const std::string where = path.string();
  std::error_code ec;
  const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, ec))
    return makeError(ErrorKind::Io, where, "the folder '" + parent.string() + "' does not exist");
  if (std::filesystem::is_directory(path, ec)) return makeError(ErrorKind::Io, where, "is a folder");
  const auto temp = temporarySibling(path);
  FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) return makeError(ErrorKind::Io, where, std::string("cannot write: ") + std::strerror(errno));
  std::string error;
  if (std::fwrite(text.data(), 1, text.size(), file) != text.size()) error = std::strerror(errno);
  if (error.empty() && std::fflush(file) != 0) error = std::strerror(errno);
  if (error.empty() && ::fsync(fileno(file)) != 0 && errno != EINVAL) error = std::strerror(errno);
  if (std::fclose(file) != 0 && error.empty()) error = std::strerror(errno);
  if (error.empty() && std::rename(temp.c_str(), path.c_str()) != 0) error = std::strerror(errno);
  if (!error.empty()) {
    std::remove(temp.c_str());
    return makeError(ErrorKind::Io, where, std::string("cannot write: ") + error);
  }
  return {};
}

Result<void> writeOutput(const std::string& path, const std::string& text) {
  if (!path.empty() && path != "-") return writeTextAtomic(path, text);
  std::cout << text << std::flush;
  if (!std::cout) return makeError(ErrorKind::Io, "stdout", "cannot write the output");
  return {};
}

}  // namespace frontline::cli
