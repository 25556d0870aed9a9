#include "cli_support.hpp"

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace frontline::cli {

int exitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage: return kUsage;
    case ErrorKind::Input: return kInput;
    case ErrorKind::Data: return kData;
    case ErrorKind::Render: return kRender;
    case ErrorKind::Io: return kOutput;
    case ErrorKind::Internal: return kInternal;
  }
  return kInternal;
}

int fail(const std::string& command, const Error& error) {
  std::cerr << "frontline " << command << ": " << error.message() << "\n";
  return exitCodeFor(error.kind);
}

Result<Size> parseSize(const std::string& text) {
  auto bad = [&] {
    return makeError(ErrorKind::Usage, "--size '" + text + "'",
                     "expected WIDTHxHEIGHT in pixels, each 16..16384 (e.g. 1920x1080)");
  };
  const size_t x = text.find_first_of("xX");
  if (x == std::string::npos) return bad();
  Size size;
  auto parsePart = [](std::string_view part, int& out) {
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return !part.empty() && ec == std::errc() && ptr == part.data() + part.size();
  };
  const std::string_view all(text);
  if (!parsePart(all.substr(0, x), size.width) || !parsePart(all.substr(x + 1), size.height)) return bad();
  if (size.width < 16 || size.height < 16 || size.width > 16384 || size.height > 16384) return bad();
  return size;
}

std::filesystem::path assetDir(const std::string& fromOption) {
  if (!fromOption.empty()) return fromOption;
  if (const char* env = std::getenv("FRONTLINE_ASSETS"); env && *env) return env;
  // Installed (cmake --install, the .deb): PREFIX/bin/frontline finds PREFIX/share/frontline, so
  // the installed tree can move. A build tree has no such folder and uses the source's assets/.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "frontline";
    if (std::filesystem::is_directory(installed / "datasets", ec)) return installed;
  }
  return FRONTLINE_ASSET_DIR;
}

}  // namespace frontline::cli
