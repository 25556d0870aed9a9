#include "geo/model/error.hpp"

#include "geo/model/display_text.hpp"

namespace frontline {

std::string Error::message() const {
  if (where.empty()) return safeMessage(what);
  return safeMessage(where + ": " + what);
}

Error makeError(ErrorKind kind, std::string where, std::string what) {
  return Error{kind, std::move(where), safeMessage(what)};
}

}  // namespace frontline
