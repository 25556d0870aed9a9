// Option values checked against the ranges the help states, at parse time (exit 2). CLI::Range
// lets NaN through (every comparison with it is false); these do not.
#pragma once

#include <CLI/CLI.hpp>

#include <cmath>
#include <string>

namespace frontline::cli {

// A finite number in [lo, hi].
inline CLI::Validator finiteRange(double lo, double hi) {
  auto text = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  const std::string description = "NUMBER in [" + text(lo) + " - " + text(hi) + "]";
  return CLI::Validator(
      [lo, hi, description](std::string& input) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(input, value)) return "Value " + input + " is not a number";
        if (!std::isfinite(value) || value < lo || value > hi) return "Value " + input + " not in range " + description.substr(10);
        return {};
      },
      description);
}

}  // namespace frontline::cli
