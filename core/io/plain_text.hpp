#pragma once
// Documents without annotations: a plain text file (one document, id = file name without its
// directory and extension) or a JSONL corpus (one {"id": ..., "text": ...} per line).
#include <string>
#include <string_view>

#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// "dir/harbor-a.txt" -> "harbor-a"
std::string document_id_from_path(const std::string& path);

// One document; errors for invalid UTF-8 (with line and column) and size.
GoldImport parse_text(std::string_view text, const std::string& file_name, Tokenizer& tokenizer);

// One document per non-blank line, {"id": string, "text": string}; other keys are ignored with
// a warning. Errors name the line: "corpus.jsonl: line 3: id: missing".
GoldImport parse_jsonl(std::string_view text, const std::string& file_name, Tokenizer& tokenizer);

}  // namespace goldspan
