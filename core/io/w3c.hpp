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
//            one target per member (none: the target urn:goldspan:collection, as every
//            Annotation needs a target)
//   link     as a relation: target = from end, bodies = link type and the to end
// The embedded first page has an id (urn:goldspan:collection:page:0), as every page must.
// Ids are URNs: urn:goldspan:doc:<doc id, percent-encoded>, urn:goldspan:span:s12, ...:relation:r3,
// ...:cluster:c4, ...:link:l5. creator and created carry the annotator and time.
//
// Import (parse_w3c) reads that and what other W3C producers write (Recogito, Annotorious,
// Hypothesis-style text targets, the Recommendation's examples):
//   input    an AnnotationCollection with its pages embedded (first, next), an AnnotationPage,
//            one Annotation, a JSON array of Annotations, or JSON-LD's "@graph"
//   span     an annotation whose targets select text: each target a SpecificResource with a
//            TextPositionSelector (code points: the model says a selection "MUST be in terms of
//            unicode code points", not code units), a TextQuoteSelector (exact, prefix, suffix)
//            or a FragmentSelector "char=a,b" (RFC 5147); several selectors of one target are
//            alternatives (others, e.g. XPathSelector, are passed over when a text one is there).
//            Several targets are the fragments of one span, all on one source.
//            Label: a TextualBody (or bodyValue) with purpose "tagging" or "classifying" (or no
//            purpose under such a motivation) whose value is a span type of the schema; several
//            such give one span each (warning). Attributes: "classifying" values "name=value".
//            Other bodies (commenting, SpecificResource links, ...) are not read (warning, counted).
//   quote    a TextQuoteSelector must match the text at the position. When it does not, the
//            span is re-anchored to the occurrence of `exact` (with its prefix and suffix, when
//            any occurrence has them) nearest the position, with a warning naming both ranges;
//            no occurrence is an error. A quote alone must match exactly one place (with its
//            prefix/suffix): none or several is an error (the Recommendation would select all
//            of them; goldspan refuses rather than make a span of several places).
//   relation motivation "linking", target the from annotation, bodies the type (tagging) and a
//            SpecificResource whose source is the to annotation; or two targets, from and to in
//            file order, as Recogito writes them (warning: JSON-LD does not order a target list).
//            A type of the schema's relation types is a relation, of its link types a claim link.
//   cluster  motivation "identifying" with annotations as targets (urn:goldspan:collection: no
//            member): the name an "identifying" TextualBody (else the first member's text), the
//            kind a "classifying" body "entity"/"claim" (else the first member's, else entity).
// Texts: W3C targets name documents by IRI; the text comes from `texts`, matched by id: for
// urn:goldspan:doc:<id> the document <id>, else the text whose id is the IRI; else, by the IRI's
// last path segment (percent-decoded, without #fragment or ?query), the text whose file name
// (after the last '/') is that segment, with or without its extension. Document ids: <id> for
// goldspan's URNs, else the matched text's id. Errors name the file, the annotation (path and
// id) and the target or body.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

std::string write_w3c(const Corpus& corpus, Warnings& warnings);

// Reads a W3C Web Annotation file whose sources are among `texts` (documents the caller has:
// text files given with it, or documents already open). `used`, when given, is set to the
// indices of the texts the file names.
GoldImport parse_w3c(std::string_view json_text, const std::string& file_name,
                     const std::vector<std::shared_ptr<const Document>>& texts, const Schema& schema, Tokenizer& tokenizer,
                     std::vector<size_t>* used = nullptr);

}  // namespace goldspan
