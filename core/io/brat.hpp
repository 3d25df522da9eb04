#pragma once
// brat standoff (https://brat.nlplab.org/standoff.html): per document a .txt with the text as
// is and a .ann with one annotation per line:
//   T1<TAB>PERSON 166 176<TAB>Ines Oduya              text-bound, fragments "s e;s e"
//   R1<TAB>claimant Arg1:T7 Arg2:T4                  relation
//   A1<TAB>stance T7 denied                          attribute
//   #1<TAB>AnnotatorNotes T7<TAB>goldspan s8; ...    note
// Offsets are code points: brat indexes Python 3 strings. The text column repeats the covered
// text with fragments joined by a space, and brat's parser checks it character for character;
// since a line break cannot stand in it, a span over line breaks (or tabs) is written as
// fragments cut there, as brat's own annotator writes a selection over several lines.
#include <string>
#include <vector>

#include "io/brat_events.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// Per document "<id>.txt" and "<id>.ann" (ids made safe for file names: other characters
// become '_'), plus "annotation.conf" declaring the schema's types for brat. Clusters,
// annotators and times go into AnnotatorNotes; claim links are not carried (warnings say so).
// With `claims`, a claim span with relations of a mapping's types is written as that mapping's
// event (the first mapping; brat_events.hpp), its relations as the event's arguments. Without
// `claims`, the schema's mappings (Schema::brat_claim_events) are used.
std::vector<ExportFile> write_brat(const Corpus& corpus, Warnings& warnings, const std::vector<BratClaimEvent>& claims = {});

struct BratDocument {
  std::string id;        // the document id to give
  std::string text;      // contents of the .txt
  std::string ann;       // contents of the .ann
  std::string ann_name;  // for messages, e.g. "harbor-a.ann"
};

// Checks as brat's own parser does (start > end, end past the text, overlapping fragments,
// duplicate ids, text column not matching the offsets, unknown ids in relations and
// attributes) plus the schema's rules. Errors read "harbor-a.ann: line 3: ...". The pieces of a
// span that goldspan's export cut at line breaks (its AnnotatorNotes says so) are joined again
// (warning); other fragments stay as written. Equivalences ("*<TAB>Equiv T1 T2", repeatable)
// become clusters, lines sharing a member merged as brat merges them. Events, attributes on
// events, normalizations and notes are skipped with a warning. Events of a type in `claims`, or
// that brat_claim_events maps by default (Source/Cue/Content roles), become relations from their
// content span (the claim) to their other arguments; other events are skipped with a warning.
GoldImport parse_brat(const std::vector<BratDocument>& documents, const Schema& schema, Tokenizer& tokenizer,
                      const std::vector<BratClaimEvent>& claims = {});

}  // namespace goldspan
