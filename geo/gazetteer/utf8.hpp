// UTF-8 validity checks for text read from data files.
#pragma once

#include <string_view>

namespace frontline {

// True when text is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool isValidUtf8(std::string_view text);

}  // namespace frontline
