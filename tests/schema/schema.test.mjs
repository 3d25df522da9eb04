// The JSON Schema of the gold format and the C++ validator must agree: real exports written by
// the CLI pass both, and structurally malformed files fail both. Checks that need the text or
// the label schema (hashes, offsets, labels) are the CLI's alone; the last test shows them.
// Needs the native CLI: build/native/bin/goldspan (or GOLDSPAN_CLI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.GOLDSPAN_CLI || join(root, 'build/native/bin/goldspan');
const schemaFile = join(root, 'assets/schema/default.json');
const tmp = mkdtempSync(join(tmpdir(), 'goldspan-schema-'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateJson = ajv.compile(JSON.parse(readFileSync(join(root, 'assets/schema/goldspan-gold-v1.schema.json'), 'utf8')));

function goldspan(...args) {
  return spawnSync(cli, args, { encoding: 'utf8' });
}

function exportOf(name, ...args) {
  const out = join(tmp, name);
  execFileSync(cli, ['convert', ...args, out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8'));
}

// Real exports by the CLI: the annotated samples (entities, claims, cues, a discontinuous span,
// relations, clusters, links), with UTF-16 offsets, and the plain samples without annotations.
const exports = {
  annotated: () => exportOf('annotated.json', '--from', 'gold', '--to', 'gold', join(root, 'tests/io/fixtures/samples.gold.json')),
  utf16: () => exportOf('utf16.json', '--from', 'gold', '--to', 'gold', '--utf16', join(root, 'tests/io/fixtures/samples.gold.json')),
  plain: () => exportOf('plain.json', '--from', 'txt', '--to', 'gold', '--schema', schemaFile, join(root, 'assets/sample')),
  // a schema that maps brat events to claims (docs/formats.md, "In the schema"), embedded as is.
  bratMapping: () => {
    const withMapping = join(tmp, 'brat-schema.json');
    const s = JSON.parse(readFileSync(schemaFile, 'utf8'));
    s.brat = { claim_events: ['Attribution:claimant=Source,content=Content,cue=trigger'] };
    writeFileSync(withMapping, JSON.stringify(s));
    const doc = exportOf('brat-mapping.json', '--from', 'txt', '--to', 'gold', '--schema', withMapping, join(root, 'assets/sample'));
    assert.deepEqual(doc.schema.brat, s.brat);
    return doc;
  },
  // adjudicate's output: x_annotators on every record, x_conflicts at the top.
  adjudicated: () => {
    const out = join(tmp, 'adjudicated.json'), fixture = join(root, 'tests/io/fixtures/samples.gold.json');
    execFileSync(cli, ['adjudicate', fixture, fixture, '-o', out], { stdio: ['ignore', 'ignore', 'ignore'] });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(Array.isArray(doc.x_conflicts) && doc.documents[0].spans[0].x_annotators.length === 2);
    return doc;
  },
};

function cliAccepts(doc) {
  const file = join(tmp, 'check.json');
  writeFileSync(file, JSON.stringify(doc, null, 1));
  const r = goldspan('validate', file);
  return { ok: r.status === 0, stderr: r.stderr };
}

for (const [name, make] of Object.entries(exports)) {
  test(`a real export (${name}) is valid for the JSON Schema and for goldspan validate`, () => {
    const doc = make();
    assert.ok(validateJson(doc), ajv.errorsText(validateJson.errors));
    assert.ok(cliAccepts(doc).ok);
  });
}

const annotated = exports.annotated();
const clone = () => structuredClone(annotated);
const span = (doc) => doc.documents[0].spans[0];

// Structural faults: each must be rejected by both.
const malformed = {
  'format missing': (d) => { delete d.format; },
  'version 2': (d) => { d.version = 2; },
  'offset unit utf16': (d) => { d.offset_unit = 'utf16'; },
  'documents not an array': (d) => { d.documents = {}; },
  'document without text': (d) => { delete d.documents[1].text; },
  'sha256 not hex': (d) => { d.documents[0].sha256 = 'XYZ'; },
  'unknown span key': (d) => { span(d).lable = 'DATE'; },
  'unknown top-level key': (d) => { d.comment = 'hi'; },
  'negative offset': (d) => { span(d).start = -1; },
  'offset as a string': (d) => { span(d).end = '31'; },
  'kind not in the enum': (d) => { span(d).kind = 'thing'; },
  'span without label': (d) => { delete span(d).label; },
  'one fragment': (d) => { d.documents[0].spans.find((s) => s.fragments).fragments = [[325, 387]]; },
  'fragment of three numbers': (d) => { const s = d.documents[0].spans.find((x) => x.fragments); s.fragments[0] = [325, 349, 1]; },
  'attribute value not a string': (d) => { d.documents[0].spans.find((s) => s.kind === 'claim').attributes.stance = 1; },
  'created not ISO 8601 UTC': (d) => { span(d).created = '2024-01-01 10:00'; },
  'relation without to': (d) => { delete d.documents[0].relations[0].to; },
  'cluster of cues': (d) => { d.clusters[0].kind = 'cue'; },
  'member without span': (d) => { delete d.clusters[0].members[0].span; },
  'link end a number': (d) => { d.cluster_links[0].from = 4; },
  'provenance exported_at malformed': (d) => { d.provenance.exported_at = 'today'; },
  'suggestions_left negative': (d) => { d.provenance.suggestions_left = -1; },
  'suggestions_left not a number': (d) => { d.provenance.suggestions_left = '3'; },
  'schema color malformed': (d) => { d.schema.entity_types[0].color = 'red'; },
  'schema unknown key': (d) => { d.schema.entity_types[0].shortcut = 'p'; },
  'schema brat mapping not a string': (d) => { d.schema.brat = { claim_events: [3] }; },
  'schema brat unknown key': (d) => { d.schema.brat = { events: [] }; },
};

for (const [name, edit] of Object.entries(malformed)) {
  test(`malformed (${name}): rejected by the JSON Schema and by goldspan validate`, () => {
    const doc = clone();
    edit(doc);
    assert.equal(validateJson(doc), false, 'the JSON Schema accepted it');
    const r = cliAccepts(doc);
    assert.equal(r.ok, false, 'goldspan validate accepted it');
  });
}

// What the page writes when suggestions were left undecided (docs/gold-json.md): the CLI cannot
// make suggestions, so the count is set on a real export here.
test('provenance.suggestions_left (a count) is accepted by both', () => {
  const doc = clone();
  doc.provenance.suggestions_left = 12;
  assert.ok(validateJson(doc), ajv.errorsText(validateJson.errors));
  assert.ok(cliAccepts(doc).ok);
});

test('extensions (x_ keys) are accepted by both', () => {
  const doc = clone();
  doc.x_project = 'harbour fire';
  span(doc).x_confidence = '0.9';
  assert.ok(validateJson(doc), ajv.errorsText(validateJson.errors));
  assert.ok(cliAccepts(doc).ok);
});

// Beyond JSON Schema: well-formed files with wrong content. The JSON Schema passes them, the
// CLI names the problem.
const semantic = {
  'hash of another text': [(d) => { d.documents[1].sha256 = '0'.repeat(64); }, 'documents[1].sha256: does not match'],
  'offset past the end': [(d) => { span(d).end = 100000; }, 'documents[0].spans[0].end: 100000 is past the end'],
  'text not the slice': [(d) => { span(d).text = 'Sunday night'; }, 'documents[0].spans[0].text:'],
  'unknown label': [(d) => { span(d).label = 'TIME'; }, "unknown label 'TIME'"],
  'duplicate span id': [(d) => { d.documents[0].spans[1].id = span(d).id; }, 'duplicate span id'],
  'dangling relation': [(d) => { d.documents[0].relations[0].to = 's999'; }, "no span 's999'"],
};

for (const [name, [edit, message]] of Object.entries(semantic)) {
  test(`content fault (${name}): passes the JSON Schema, goldspan validate names it`, () => {
    const doc = clone();
    edit(doc);
    assert.ok(validateJson(doc), ajv.errorsText(validateJson.errors));
    const r = cliAccepts(doc);
    assert.equal(r.ok, false);
    assert.match(r.stderr, new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
}
