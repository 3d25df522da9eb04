#pragma once
// Gold JSONL: the gold format one document per line, for corpora split into shards that run
// in parallel (GNU parallel, Spark's RDD.pipe; docs/shards.md). Each line is a complete gold
// file (docs/gold-json.md) holding one document: the schema, the document with its spans and
// relations, and the clusters and claim links whose members are all in that document. So
// `cat` of shard outputs is an exact merge, and any line is readable on its own.
//
// A cluster or link across documents cannot be on one line: the writer leaves it out and warns
// (keep such corpora in one gold file, or split them by cluster).
#include <string>
#include <string_view>

#include "io/export.hpp"
#include "io/gold_json.hpp"

namespace goldspan {

std::string write_gold_jsonl(const Corpus& corpus, const GoldWriteOptions& options, Warnings& warnings);

// Reads every line with parse_gold (errors prefixed "file: line N: ..."), all against the
// first line's schema (or `expected_schema`), and merges them into one import: documents in
// line order, record ids as written. Blank lines are skipped; a document id on two lines is an error.
GoldImport parse_gold_jsonl(std::string_view text, const std::string& file_name, const Schema* expected_schema,
                            Tokenizer& tokenizer);

}  // namespace goldspan
