#pragma once
// Label Studio JSON tasks (https://labelstud.io/guide/export): a JSON array, one task per
// document:
//   {"id": 1, "data": {"text": "...", "doc_id": "harbor-a"},
//    "annotations": [{"result": [
//      {"id": "s8", "from_name": "label", "to_name": "text", "type": "labels",
//       "value": {"start": 245, "end": 283, "text": "...", "labels": ["CLAIM"]}},
//      {"id": "s8", "from_name": "stance", "to_name": "text", "type": "choices",
//       "value": {"start": 245, "end": 283, "text": "...", "choices": ["asserted"]}},
//      {"from_id": "s8", "to_id": "s1", "type": "relation", "direction": "right", "labels": ["claimant"]}]}]}
// Offsets are Unicode code points, as Label Studio's frontend counts them (it converts DOM
// offsets to code points; its NER emoji test asserts [21, 25) for "test" after "🐱 "). In
// value.text it writes a line break as backslash + n; the importer accepts that. The labelling
// config that matches (label_studio_config) names the labels "label", the text "text" and
// each attribute after itself, as per-region choices.
#include <string>
#include <string_view>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// A discontinuous span becomes one region per fragment ("s10", "s10.2", ...; relations and
// attributes go with the first); clusters, claim links, annotators and times are not carried.
std::string write_label_studio(const Corpus& corpus, Warnings& warnings);

// The labelling config (XML) for the schema: Labels, Text, Relations and per-region Choices.
std::string label_studio_config(const Schema& schema);

struct LabelStudioReadOptions {
  // Read "predictions" (model pre-annotations) instead of "annotations".
  bool predictions = false;
};

// Reads a task array (or one task). Per task the first annotation not cancelled is read
// (the others are reported as warnings); results of type labels, relation and per-region
// choices are read, other types are skipped with a warning. Document ids come from
// data.doc_id, else the task id, else "task-N".
GoldImport parse_label_studio(std::string_view json_text, const std::string& file_name, const Schema& schema,
                              Tokenizer& tokenizer, const LabelStudioReadOptions& options = {});

}  // namespace goldspan
