#include "geo/gis/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <cctype>

#include <mutex>

#include "geo/model/input_file.hpp"

namespace frontline {

void ensureGdalInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    // No network, ever: curl-based file systems accept only this (impossible) extension, and
    // nothing is fetched to resolve references inside a file.
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".frontline-no-network");
    CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "1");
    // The VRT drivers would open any file or URL a .vrt names.
    CPLSetConfigOption("GDAL_SKIP", "VRT OGR_VRT");
    GDALAllRegister();
  });
}

const char* const* frontlineVectorDrivers() {
  static const char* const drivers[] = {"CSV", "XLSX", "ODS", "XLS", "GeoJSON", "GeoJSONSeq", "GPKG", "SQLite",
                                        "ESRI Shapefile", "OpenFileGDB", "FlatGeobuf", "KML", "LIBKML",
                                        "MapInfo File", nullptr};
  return drivers;
}

Result<void> checkLocalDataset(const std::filesystem::path& path, std::string_view what, uintmax_t maxBytes) {
  const std::string text = path.string();
  if (text.rfind("/vsi", 0) == 0 || text.find("://") != std::string::npos)
    return makeError(ErrorKind::Input, text, "is a GDAL virtual path or a URL; frontline reads only local files");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gdb") return {};
  }
  auto size = checkInputFile(path, what, maxBytes);
  if (!size) return size.error();
  if (*size == 0) return makeError(ErrorKind::Input, text, "is empty");
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".shp") {
    // Without its .dbf a shapefile has no attributes: GDAL would read it as features without
    // fields, and every column would look missing.
    auto sibling = path;
    bool found = false;
    for (const char* dbf : {".dbf", ".DBF", ".Dbf"}) found = found || std::filesystem::is_regular_file(sibling.replace_extension(dbf), ec);
    if (!found) return makeError(ErrorKind::Input, text, "has no .dbf file beside it (a shapefile keeps its attributes there)");
  }
  return {};
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
