// Runs the frontline executable through the shell for CLI tests: stdout, stderr and the exit code.
#pragma once

#include <string>

namespace frontline::gazetteer_test {

struct ProcessResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Runs `FRONTLINE_BINARY arguments` (arguments are passed to /bin/sh as written; quote them).
// `stdinText`, when not empty, is fed to the process's standard input.
ProcessResult runFrontline(const std::string& arguments, const std::string& stdinText = "");

// Single-quotes a word for /bin/sh.
std::string shellQuote(const std::string& word);

// A fresh, empty folder under the tests' output folder.
std::string freshOutputDir(const std::string& name);

}  // namespace frontline::gazetteer_test
