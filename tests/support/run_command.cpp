#include "support/run_command.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/fixtures.hpp"

namespace frontline::test {

CommandResult runCommand(const std::string& commandLine) {
  const auto dir = freshDir("cmd");
  const auto outPath = dir / "stdout", errPath = dir / "stderr";
  const std::string full = commandLine + " >'" + outPath.string() + "' 2>'" + errPath.string() + "' </dev/null";
  CommandResult result;
  const int status = std::system(full.c_str());
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  result.out = slurp(outPath);
  result.err = slurp(errPath);
  return result;
}

std::string frontline() { return std::string("'") + FRONTLINE_BINARY + "'"; }

}  // namespace frontline::test
