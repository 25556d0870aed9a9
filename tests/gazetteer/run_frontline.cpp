#include "run_frontline.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace frontline::gazetteer_test {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string shellQuote(const std::string& word) {
  std::string quoted = "'";
  for (const char c : word) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return quoted + "'";
}

std::string freshOutputDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(FRONTLINE_TEST_OUTPUT) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

ProcessResult runFrontline(const std::string& arguments, const std::string& stdinText) {
  static int counter = 0;
  const std::filesystem::path dir = std::filesystem::path(FRONTLINE_TEST_OUTPUT) / "gazetteer-cli-io";
  std::filesystem::create_directories(dir);
  const std::string stem = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const std::filesystem::path errPath = dir / (stem + ".err");
  const std::filesystem::path inPath = dir / (stem + ".in");
  std::string command = shellQuote(FRONTLINE_BINARY) + " " + arguments + " 2>" + shellQuote(errPath.string());
  if (!stdinText.empty()) {
    std::ofstream(inPath, std::ios::binary) << stdinText;
    command += " <" + shellQuote(inPath.string());
  } else {
    command += " </dev/null";
  }
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  ProcessResult result;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = readFile(errPath);
  std::filesystem::remove(errPath);
  std::filesystem::remove(inPath);
  return result;
}

}  // namespace frontline::gazetteer_test
