#pragma once
// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
// AnnotationCollection whose first page holds every annotation:
//   span     motivation "tagging", body TextualBody (purpose "tagging", value = label; one body
//            with purpose "classifying" and value "name=value" per attribute), target with a
//            TextPositionSelector (code points, as the model defines) and a TextQuoteSelector
//            (exact, prefix, suffix of up to 32 code points); a discontinuous span targets a
//            List of such resources
//   relation motivation "linking", body = relation type, target List [from, to]
//   cluster  motivation "identifying", body = its name, plus "classifying" "entity"/"claim",
//            one target per member
//   link     motivation "linking", body = link type, target List [from, to]
// Ids are URNs: urn:goldspan:doc:<doc id, percent-encoded>, urn:goldspan:span:s12, ...:relation:r3,
// ...:cluster:c4, ...:link:l5. creator and created carry the annotator and time.
#include <string>

#include "io/export.hpp"

namespace goldspan {

std::string write_w3c(const Corpus& corpus, Warnings& warnings);

}  // namespace goldspan
