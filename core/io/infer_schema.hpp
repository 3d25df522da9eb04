#pragma once
// A label schema for files that carry none, so that brat files import without --schema.
//
// From brat's annotation.conf (https://brat.nlplab.org/configuration.html), when it is beside
// the files:
//   [entities]    every type (indentation = brat's hierarchy, ignored; "!Type" is abstract in
//                 brat, not annotable, left out) becomes a span type
//   [events]      every event type becomes a span type too: its trigger is a T span, which the
//                 brat importer keeps (the events themselves are skipped)
//   [relations]   "NAME<TAB>Arg1:A|B, Arg2:C" becomes a relation type from A|B to C; <ENTITY>
//                 and <ANY> mean every span type; brat's own <OVERLAP> line and equivalence
//                 relations (<REL-TYPE>:symmetric-transitive, written as "*" lines, imported as
//                 clusters) are left out
//   [attributes]  "NAME<TAB>Arg:A|B, Value:x|y" becomes an attribute of A and B with those
//                 values; without Value it is binary, value "true" (as the importer reads it);
//                 attributes of events (Arg:<EVENT>) are left out with the events
// Else from the labels found in the .ann files: each T label a span type, each R type a
// relation type between the span types seen at its ends, each A/M attribute with the values
// seen on T spans.
// Kinds are guessed from the names, either way (brat has no kinds): a name containing "claim"
// (any case) is a claim type, "cue" a cue type, anything else an entity type; a warning says so.
// Colours come from a fixed palette; hotkeys a-z then 0-9 go to the first 36 span types (the
// others have none). Throws goldspan::Error when a name is not a valid goldspan name.
#include <string>
#include <string_view>
#include <vector>

#include "io/brat.hpp"
#include "io/export.hpp"
#include "model/schema.hpp"

namespace goldspan {

// `conf_name` is for messages (e.g. "corpus/annotation.conf").
Schema infer_schema_from_brat_conf(std::string_view conf, const std::string& conf_name, Warnings& warnings);

Schema infer_schema_from_brat(const std::vector<BratDocument>& documents, Warnings& warnings);

}  // namespace goldspan
