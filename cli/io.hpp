#pragma once
// File input for the CLI: whole files or stdin ("-"), with errors that name the file.
#include <string>

namespace goldspan::cli {

// Reads all of `path` ("-" = stdin). Throws goldspan::Error naming the file.
std::string read_input(const std::string& path);

// Writes `contents` to `path` ("-" = stdout). Throws goldspan::Error naming the file.
void write_output(const std::string& path, const std::string& contents);

// "line L, column C" (1-based, columns in code points) of a byte offset, for error messages.
std::string line_col(const std::string& text, size_t byte);

}  // namespace goldspan::cli
