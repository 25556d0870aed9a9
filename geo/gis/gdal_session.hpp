// One-time GDAL setup and capture of GDAL's own error text (GDAL would otherwise print to stderr).
#pragma once

#include <string>

namespace frontline {

// Registers GDAL drivers once per process; safe to call from any thread.
void ensureGdalInitialised();

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
