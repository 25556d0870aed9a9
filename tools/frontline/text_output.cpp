#include "text_output.hpp"

#include "geo/model/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>

namespace frontline::cli {
Result<void> writeTextAtomic(const std::filesystem::path& path, const std::string& text) {
  const std::string where = path.string();
  std::error_code ec;
  const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, ec))
    return makeError(ErrorKind::Io, where, "the folder '" + parent.string() + "' does not exist");
  if (std::filesystem::is_directory(path, ec)) return makeError(ErrorKind::Io, where, "is a folder");
  return writeFileAtomic(path, text);
}

Result<void> writeOutput(const std::string& path, const std::string& text) {
  if (!path.empty() && path != "-") return writeTextAtomic(path, text);
  std::cout << text << std::flush;
  if (!std::cout) return makeError(ErrorKind::Io, "stdout", "cannot write the output");
  return {};
}

}  // namespace frontline::cli
