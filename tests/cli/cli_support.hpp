#pragma once
// Running the real `goldspan` binary from tests: a temporary directory, files in it, and a
// process with its stdout, stderr and exit code.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "support.hpp"

namespace goldspan::test {

struct Run {
  int code = -1;
  std::string out, err;
};

// One directory per test process.
inline std::string temp_dir() {
  static std::string dir = [] {
    char tmpl[] = "/tmp/goldspan-cli-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  return dir;
}

inline std::string write_temp(const std::string& name, const std::string& content) {
  const std::string p = temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

// Runs `goldspan ARGS` with `stdin_text` on standard input.
inline Run run(const std::string& args, const std::string& stdin_text = "") {
  const std::string err = temp_dir() + "/stderr.txt", in = write_temp("stdin.txt", stdin_text);
  const std::string cmd = std::string(GOLDSPAN_CLI) + " " + args + " <" + in + " 2>" + err;
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err).value_or("");
  return r;
}

}  // namespace goldspan::test
