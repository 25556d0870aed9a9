// Shared pieces of the subcommands: exit codes, error printing, argument parsing helpers.
#pragma once

#include <filesystem>
#include <string>

#include "geo/model/error.hpp"
#include "geo/model/result.hpp"

namespace frontline::cli {

// Exit codes (documented in `frontline --help`).
enum ExitCode : int {
  kOk = 0,
  kUsage = 2,     // bad command line
  kInput = 3,     // missing or unreadable input file
  kData = 4,      // input whose content is wrong
  kRender = 5,    // OpenGL / font failure
  kOutput = 6,    // cannot write the output
  kInternal = 70,
};

int exitCodeFor(ErrorKind kind);
// Prints "frontline <command>: <where>: <what>" to stderr and returns the exit code for it.
int fail(const std::string& command, const Error& error);

struct Size {
  int width = 0, height = 0;
};
// "1920x1080" -> {1920, 1080}; each side 16..16384.
Result<Size> parseSize(const std::string& text);

// The bundled data folder: --assets, else $FRONTLINE_ASSETS, else PREFIX/share/frontline next to an
// installed executable (PREFIX/bin/frontline), else the build's source tree.
std::filesystem::path assetDir(const std::string& fromOption);

}  // namespace frontline::cli
