#pragma once
// Reading a set of dropped or picked files as ONE import: each file's format is told from its
// name and content (detect_file), brat .ann files are paired with the .txt of the same base
// name, and every import is merged into one GoldImport, so that a drop where one file is bad
// changes nothing (the caller applies it only when it has no errors).
//
// Detection (name first, content decides where a name is ambiguous):
//   *.ann                      brat annotations (paired with <same path>.txt)
//   annotation.conf            brat configuration (ignored with a warning: the caller's schema is used)
//   *.json, *.jsonld           "@context" (an object, or the first of an array) -> W3C; tasks with "data" and "annotations"/"predictions"
//                              -> Label Studio; anything else (also unparsable JSON) -> gold JSON,
//                              whose reader reports where it is wrong
//   *.jsonl, *.ndjson          by the first non-blank line: "term" + "label" -> dictionary;
//                              "entities" or a "label" array -> doccano; "spans" or "tokens" ->
//                              Prodigy; else goldspan's {"id", "text"} lines
//   *.conll                    CoNLL
//   *.tsv, *.txt, no extension term<TAB>LABEL lines (in a .txt: LABELs of the schema) ->
//                              dictionary; token + tag columns with BIO tags -> CoNLL; else
//                              (.txt, none) plain text. A .txt with an .ann partner is brat's text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/import.hpp"
#include "model/schema.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

enum class FileKind { Text, Jsonl, Gold, BratAnn, BratConf, Doccano, LabelStudio, Prodigy, W3c, Conll, Dictionary };

const char* file_kind_name(FileKind kind);

struct NamedFile {
  std::string name;   // as the user sees it, e.g. "harbor-a.ann" or "corpus.zip/brat/harbor-a.ann"
  std::string bytes;
};

// The kind of one file, or nullopt with `why` set ("NAME: ...") when it is none goldspan reads.
// `schema` tells dictionaries (their labels) from other tab-separated text.
std::optional<FileKind> detect_file(const std::string& name, std::string_view bytes, const Schema& schema, std::string& why);

struct ReadFiles {
  GoldImport import;                     // documents and annotations of every file, merged
  std::vector<NamedFile> dictionaries;   // dictionary files, for the caller to apply after the import
};

// Reads every file against `schema` (brat, doccano and Label Studio carry none or another:
// a label the schema lacks is an error naming the file and line or record). Plain text files
// become one document each, with the file name as id. Errors name the file and the place.
// W3C files carry no text: their sources are the plain text files of the same drop (which are
// then not documents of their own) or the documents in `open` (those already open in the
// page), matched as io/w3c.hpp says.
// `predictions`: Label Studio tasks give their "predictions" (model pre-annotations, read as
// suggestions) instead of their "annotations".
ReadFiles read_files(std::vector<NamedFile> files, const Schema& schema, Tokenizer& tokenizer,
                     const std::vector<std::shared_ptr<const Document>>& open = {}, bool predictions = false);

// Appends `more` to `all`, renumbering its document, span and cluster references. Cluster and
// link ids are prefixed with the file name when another file has the same id.
void merge_import(GoldImport& all, GoldImport&& more);

}  // namespace goldspan
