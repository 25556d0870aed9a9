// Error values carried across module boundaries instead of exceptions.
// An Error names what went wrong and where (file:line:column, argument, CRS string).
#pragma once

#include <string>

namespace frontline {

// What kind of failure this is; the CLI maps each kind to its own exit code.
enum class ErrorKind {
  Usage,     // a bad command-line argument
  Input,     // a file that is missing, unreadable or not what it should be
  Data,      // readable input whose content is wrong (bad row, unknown CRS, empty layer)
  Render,    // OpenGL / EGL / font failures
  Io,        // writing output failed (disk full, permissions)
  Internal,  // a bug: should never happen
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string where;  // "assets/base/rivers.geojson:12", "--size", "EPSG:99999"; may be empty
  std::string what;   // what is wrong, in words a user understands

  // "where: what", or just "what" when there is no location.
  std::string message() const;
};

Error makeError(ErrorKind kind, std::string where, std::string what);

}  // namespace frontline
