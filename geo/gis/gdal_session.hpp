// One-time GDAL setup and capture of GDAL's own error text (GDAL would otherwise print to stderr).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "geo/model/result.hpp"

namespace frontline {

// Registers GDAL drivers once per process; safe to call from any thread. Also turns GDAL's
// network file systems off (no /vsicurl/ fetch, whatever a file asks for).
void ensureGdalInitialised();

// The vector drivers frontline reads user files with, for GDALOpenEx's allowed-drivers list. VRT
// and every driver that may read from the network or from other files on its own are left out.
const char* const* frontlineVectorDrivers();

// Checks a dataset path before GDAL sees it: no GDAL virtual paths (/vsicurl/, /vsizip/...) or
// URLs, and a regular file of at most `maxBytes` (a FileGDB `.gdb` folder is allowed).
Result<void> checkLocalDataset(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes);

// While alive, GDAL errors on this thread are collected instead of printed.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  // The last error GDAL reported, trimmed; empty if none.
  std::string lastMessage() const;
};

}  // namespace frontline
