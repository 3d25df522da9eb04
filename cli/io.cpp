#include "io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "error.hpp"

namespace goldspan::cli {

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, std::string("cannot open: ") + std::strerror(errno));
  // In blocks, not character by character through istreambuf_iterator (tens of MB go through
  // `tokenize`); one allocation sized from the file when it tells its size.
  std::string s;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0) {
    s.resize(size_t(size));
    in.read(s.data(), std::streamsize(size));
    s.resize(size_t(in.gcount()));
  }
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) s.append(buf, size_t(in.gcount()));
  return s;
}

void write_output(const std::string& path, const std::string& contents) {
  if (path == "-") {
    std::cout << contents;
    return;
  }
  // Written beside the target and renamed over it: a failure never leaves a half-written file
  // in place of what was there.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw Error(path, "cannot write");
    out << contents;
    if (!out.flush()) {
      out.close();
      std::remove(tmp.c_str());
      throw Error(path, "cannot write");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw Error(path, "cannot write: " + ec.message());
  }
}

void print_table(std::ostream& o, const std::string& title, const std::vector<std::string>& head,
                 const std::vector<std::vector<std::string>>& rows) {
  auto cells = [](const std::string& s) {  // display width: code points
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<size_t> width(head.size());
  for (size_t i = 0; i < head.size(); ++i) width[i] = cells(head[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], cells(r[i]));
  o << "\n" << title << "\n";
  auto line = [&](const std::vector<std::string>& r) {
    o << " ";
    for (size_t i = 0; i < r.size(); ++i) o << " " << r[i] << std::string(i + 1 < r.size() ? width[i] - cells(r[i]) + 1 : 0, ' ');
    o << "\n";
  };
  line(head);
  for (const auto& r : rows) line(r);
}

std::string line_col(const std::string& text, size_t byte) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') { ++line; col = 1; }
    else if ((c & 0xC0) != 0x80) ++col;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

bool jsonl_path(const std::string& path) { return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0; }

}  // namespace goldspan::cli
