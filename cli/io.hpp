#pragma once
// File input for the CLI: whole files or stdin ("-"), with errors that name the file.
#include <ostream>
#include <string>
#include <vector>

namespace goldspan::cli {

// Reads all of `path` ("-" = stdin). Throws goldspan::Error naming the file.
std::string read_input(const std::string& path);

// Writes `contents` to `path` ("-" = stdout), atomically: the old file stays whole when the
// write fails. Throws goldspan::Error naming the file.
void write_output(const std::string& path, const std::string& contents);

// A path ending in ".jsonl": gold files so named are gold JSONL shards (io/gold_jsonl.hpp).
bool jsonl_path(const std::string& path);

// A plain text table: a blank line, the title, then columns padded to their widest cell.
void print_table(std::ostream& o, const std::string& title, const std::vector<std::string>& head,
                 const std::vector<std::vector<std::string>>& rows);

// "line L, column C" (1-based, columns in code points) of a byte offset, for error messages.
std::string line_col(const std::string& text, size_t byte);

}  // namespace goldspan::cli
