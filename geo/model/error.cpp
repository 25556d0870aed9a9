#include "geo/model/error.hpp"

namespace frontline {

std::string Error::message() const {
  if (where.empty()) return what;
  return where + ": " + what;
}

Error makeError(ErrorKind kind, std::string where, std::string what) {
  return Error{kind, std::move(where), std::move(what)};
}

}  // namespace frontline
