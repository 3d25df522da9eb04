#pragma once
// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one
// AnnotationCollection whose first page holds every annotation:
//   span     motivation "tagging", body TextualBody (purpose "tagging", value = label; one body
//            with purpose "classifying" and value "name=value" per attribute), target with a
//            TextPositionSelector (code points, as the model defines) and a TextQuoteSelector
//            (exact, prefix, suffix of up to 32 code points); a discontinuous span has one such
//            resource per fragment, each a separate target (the Recommendation has no List)
//   relation motivation "linking", target = the from span, bodies = the type (TextualBody,
//            purpose "tagging") and the to span (SpecificResource, purpose "linking")
//   cluster  motivation "identifying", body = its name, plus "classifying" "entity"/"claim",
//            one target per member
//   link     as a relation: target = from end, bodies = link type and the to end
// The embedded first page has an id (urn:goldspan:collection:page:0), as every page must.
// Ids are URNs: urn:goldspan:doc:<doc id, percent-encoded>, urn:goldspan:span:s12, ...:relation:r3,
// ...:cluster:c4, ...:link:l5. creator and created carry the annotator and time.
#include <string>

#include "io/export.hpp"

namespace goldspan {

std::string write_w3c(const Corpus& corpus, Warnings& warnings);

}  // namespace goldspan
