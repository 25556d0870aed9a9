#include "geo/gis/gdal_session.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace frontline {

void ensureGdalInitialised() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCapture::GdalErrorCapture() {
  CPLErrorReset();
  CPLPushErrorHandler(CPLQuietErrorHandler);
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

std::string GdalErrorCapture::lastMessage() const {
  std::string msg = CPLGetLastErrorMsg();
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return msg;
}

}  // namespace frontline
