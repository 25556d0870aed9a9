// Runs a command line (through /bin/sh) and captures its exit code, stdout and stderr.
#pragma once

#include <string>

namespace frontline::test {

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

CommandResult runCommand(const std::string& commandLine);

// The frontline binary under test, quoted for the shell.
std::string frontline();

}  // namespace frontline::test
