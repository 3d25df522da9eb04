// goldspan page shell: loads the app with a progress bar, bridges files, downloads and the
// IndexedDB autosave log to the wasm app, and exposes the automation API as window.goldspan.
// Everything it loads comes from this page's own origin.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  let core = null;  // the Emscripten module once booted

  // [SECTION] Errors and progress
  function fail(message) {
    $('loading').className = 'error';
    $('loading-text').textContent = message;
    $('progress').hidden = true;
  }

  function missingFeature() {
    if (typeof WebAssembly !== 'object') return 'This browser cannot run WebAssembly, which goldspan needs.';
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'This browser has no WebGL2 (or it is disabled), which goldspan needs to draw.';
    return null;
  }

  // In the single-file build (scripts/single_file.mjs) every file is inlined as base64.
  const embedded = new Map([...document.querySelectorAll('script[type="application/x-goldspan"]')]
    .map((s) => [s.dataset.file, s]));
  function fromEmbedded(url) {
    const s = embedded.get(url);
    const bin = atob(s.textContent);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  const fetchBytes = async (url) => embedded.has(url) ? fromEmbedded(url) : new Uint8Array(await (await fetch(url)).arrayBuffer());

  // Downloads several files, reporting combined progress.
  async function fetchAll(urls) {
    if (embedded.size) return urls.map(fromEmbedded);
    const got = new Array(urls.length).fill(0), total = new Array(urls.length).fill(0);
    const show = () => {
      const t = total.reduce((a, b) => a + b, 0);
      if (t) $('progress').value = got.reduce((a, b) => a + b, 0) / t;
    };
    return Promise.all(urls.map(async (url, i) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      total[i] = Number(res.headers.get('Content-Length')) || 0;
      const reader = res.body.getReader();
      const chunks = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value); got[i] += value.length; show();
      }
      const out = new Uint8Array(got[i]);
      let o = 0;
      for (const c of chunks) { out.set(c, o); o += c.length; }
      return out;
    }));
  }

  // [SECTION] Memory bridge
  function withBytes(bytes, fn) {
    const ptr = core._malloc(bytes.length || 1);
    core.HEAPU8.set(bytes, ptr);
    try { return fn(ptr, bytes.length); } finally { core._free(ptr); }
  }
  // Canvas pixels (what the app reports) to CSS pixels of the page.
  const toPage = (r) => {
    const box = canvas.getBoundingClientRect(), sx = box.width / canvas.width, sy = box.height / canvas.height;
    return { x: box.left + r.x * sx, y: box.top + r.y * sy, width: r.w * sx, height: r.h * sy };
  };
  const callJson = (name, types, args) => JSON.parse(core.UTF8ToString(core.ccall(name, 'number', types, args)));
  // For inputs of any size: ccall's 'string' would copy them onto the (small) wasm stack.
  const callJsonText = (name, text) =>
    withBytes(new TextEncoder().encode(text), (p, n) => callJson(name, ['number', 'number'], [p, n]));

  // ICU's dictionaries (CJK, Thai, Lao, Khmer, Burmese; 2.3 MB gzip) are fetched the first time a
  // text needs them: the app answers {needsDictionaries} and the call is made again.
  let manifest = null, dictionaries = null;
  function loadDictionaries() {
    if (!dictionaries) dictionaries = (async () => {
      const [bytes] = await fetchAll([manifest.icuDict]);
      const ptr = core._malloc(bytes.length);  // ICU reads from it for the whole session
      core.HEAPU8.set(bytes, ptr);
      const err = JSON.parse(core.UTF8ToString(core._gs_add_icu_data(ptr, bytes.length)));
      if (err) throw new Error(err);
    })();
    return dictionaries;
  }
  async function withDictionaries(call) {
    const r = call();
    if (!r.needsDictionaries) return r;
    await loadDictionaries();
    return call();
  }

  // [SECTION] Autosave log in IndexedDB (append-only, in order). Records carry a sequence
  // number: {seq, line} for journal lines, {seq, doc, bytes} for documents (raw UTF-8, no JSON
  // escaping of large texts). IndexedDB commits asynchronously, so journal lines not yet
  // committed are mirrored synchronously in localStorage: a tab killed right after an edit
  // still restores it. (Documents are too large for that mirror; they are in the picker's files.)
  const PENDING = 'goldspan-pending';
  const store = {
    db: null, queue: [], inflight: 0, seq: 1,
    open() {
      return new Promise((ok, no) => {
        const req = indexedDB.open('goldspan', 2);
        req.onupgradeneeded = () => {
          if (req.result.objectStoreNames.contains('log')) req.result.deleteObjectStore('log');
          req.result.createObjectStore('log', { keyPath: 'seq' });
        };
        req.onsuccess = () => { this.db = req.result; ok(); };
        req.onerror = () => no(req.error);
      });
    },
    mirror() {
      try { return JSON.parse(localStorage.getItem(PENDING) || '[]'); } catch { return []; }
    },
    setMirror(recs) {
      try {
        if (recs.length) localStorage.setItem(PENDING, JSON.stringify(recs));
        else localStorage.removeItem(PENDING);
      } catch { /* storage full or disabled: IndexedDB still has everything that committed */ }
    },
    // Every record in order, including mirrored lines whose transaction never committed.
    readAll() {
      return new Promise((ok, no) => {
        const req = this.db.transaction('log').objectStore('log').getAll();
        req.onsuccess = () => {
          const recs = req.result;
          const last = recs.length ? recs[recs.length - 1].seq : 0;
          const lost = this.mirror().filter((r) => r.seq > last);
          this.seq = Math.max(last, ...lost.map((r) => r.seq), 0) + 1;
          this.setMirror([]);
          for (const r of lost) this.queue.push(r);  // commit them now
          this.flush();
          ok(recs.concat(lost));
        };
        req.onerror = () => no(req.error);
      });
    },
    append(rec) {
      rec.seq = this.seq++;
      this.queue.push(rec);
      if (rec.line !== undefined) this.setMirror(this.mirror().concat([rec]));
      if (this.queue.length === 1) queueMicrotask(() => this.flush());
    },
    flush() {
      if (!this.queue.length || !this.db) return;
      const recs = this.queue.splice(0);
      this.inflight += recs.length;
      const tx = this.db.transaction('log', 'readwrite', { durability: 'strict' });
      const os = tx.objectStore('log');
      for (const r of recs) os.put(r);
      tx.oncomplete = () => {
        this.inflight -= recs.length;
        const done = new Set(recs.map((r) => r.seq));
        this.setMirror(this.mirror().filter((r) => !done.has(r.seq)));
        this.flush();
      };
      tx.onerror = tx.onabort = () => {
        this.inflight -= recs.length;
        this.queue.unshift(...recs);  // keep them; try again shortly
        setTimeout(() => this.flush(), 500);
      };
    },
    clear() {
      this.queue = [];
      this.setMirror([]);
      this.db.transaction('log', 'readwrite').objectStore('log').clear();
    },
    pending() { return this.queue.length + this.inflight; },
  };

  // [SECTION] What the wasm app calls (web/platform_web.cpp)
  const fileInput = $('file-input');
  globalThis.goldspanShell = {
    download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url; a.download = name;
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    pickFiles() { fileInput.click(); },
    persist(line) { store.append({ line }); },
    persistDocument(id, bytes) { store.append({ doc: id, bytes }); },
    clearPersisted() { store.clear(); },
    pendingSaves() { return store.pending(); },
  };

  async function openFiles(files) {
    const results = [];
    for (const f of files) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      results.push(await withDictionaries(() => withBytes(bytes, (p, n) => callJson('gs_open_file', ['string', 'number', 'number'], [f.name, p, n]))));
    }
    canvas.focus();
    return results;
  }
  fileInput.addEventListener('change', async () => { await openFiles([...fileInput.files]); fileInput.value = ''; });
  window.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
  window.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files.length) openFiles([...e.dataTransfer.files]);
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // The app's Ctrl+S (export), Ctrl+O (open) and Ctrl+F (search) are not the browser's "save page" and "open".
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'o' || e.key === 'f')) e.preventDefault();
    if (e.key === 'F3') e.preventDefault();  // the app's find next, not the browser's
  });

  // [SECTION] Size: the canvas is drawn at device pixels (HiDPI)
  function resize() {
    if (!core) return;
    const dpr = window.devicePixelRatio || 1;
    core._gs_resize(Math.round(canvas.clientWidth * dpr), Math.round(canvas.clientHeight * dpr), dpr);
  }
  new ResizeObserver(resize).observe(canvas);

  // [SECTION] Automation API (docs/automation.md)
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let markReady;
  const api = {
    ready: new Promise((r) => { markReady = r; }),
    openTexts(docs) { return withDictionaries(() => callJsonText('gs_open_texts', JSON.stringify(docs))); },
    openFiles,
    documents() { return callJson('gs_documents', [], []); },
    schema() { return callJson('gs_schema', [], []); },
    spans(docId) { return callJson('gs_spans', ['string'], [docId]); },
    relations(docId) { return callJson('gs_relations', ['string'], [docId]); },
    pick() { return callJson('gs_pick', [], []); },
    clusters() { return callJson('gs_clusters', [], []); },
    // The k finder's state; each row's rectangle is in page pixels (absent before it is drawn).
    clusterFinder() {
      const f = callJson('gs_cluster_finder', [], []);
      if (f.open) for (const r of f.rows) if (r.w !== undefined) Object.assign(r, toPage({ x: r.x, y: r.y, w: r.w, h: r.h }));
      return f;
    },
    clustersPanel() {
      const p = callJson('gs_clusters_panel', [], []);
      for (const k of Object.keys(p.controls)) p.controls[k] = toPage(p.controls[k]);
      return p;
    },
    selectedSpan() { return callJson('gs_selected_span', [], []); },
    // Gold JSON of everything (a string); exportAs gives any format as bytes, with the
    // warnings of what that format cannot carry; download() is File > Export.
    exportGold(options = {}) {
      const r = api.exportAs('gold', options);
      return new TextDecoder().decode(r.bytes);
    },
    exportAs(format, { utf16 = false } = {}) {
      const r = callJson('gs_export', ['string', 'number'], [format, utf16 ? 1 : 0]);
      if (r.error) throw new Error(r.error);
      const ptr = core._gs_export_data();
      return { name: r.name, mime: r.mime, warnings: r.warnings, bytes: core.HEAPU8.slice(ptr, ptr + r.size) };
    },
    download(format, { utf16 = false } = {}) { core.ccall('gs_download', null, ['string', 'number'], [format, utf16 ? 1 : 0]); },
    importGold(text) { return withDictionaries(() => callJsonText('gs_import_gold', text)); },
    addSpans(docId, spans, mode = 'token') { return callJsonText('gs_add_spans', JSON.stringify({ doc: docId, spans, mode })); },
    selection() { return callJson('gs_selection', [], []); },
    scrollTo(docId, offset) { return !!core.ccall('gs_scroll_to', 'number', ['string', 'number'], [docId, offset]); },
    // The on-screen rectangle of one code point in CSS pixels of the page, after scrolling it into view.
    async charRect(docId, offset) {
      if (!api.scrollTo(docId, offset)) return null;
      await nextFrame(); await nextFrame();
      const r = callJson('gs_char_rect', ['string', 'number'], [docId, offset]);
      if (!r) return null;
      const box = canvas.getBoundingClientRect(), sx = box.width / canvas.width, sy = box.height / canvas.height;
      return { x: box.left + r.x * sx, y: box.top + r.y * sy, width: r.w * sx, height: r.h * sy };
    },
    select(docId, start, end) { return !!core.ccall('gs_select', 'number', ['string', 'number', 'number'], [docId, start, end]); },
    frameMs() { return core._gs_frame_ms(); },
    status() { return callJson('gs_status', [], []); },
    search(pattern, { regex = false, ignoreCase = false } = {}) {
      return callJson('gs_search', ['string', 'number', 'number'], [pattern, regex ? 1 : 0, ignoreCase ? 1 : 0]);
    },
    // The Ctrl+F panel's state; `controls` are the rectangles of its checkboxes and buttons.
    searchPanel() {
      const p = callJson('gs_search_panel', [], []);
      for (const k of Object.keys(p.controls)) p.controls[k] = toPage(p.controls[k]);
      return p;
    },
    // The rectangle of a code point where it is drawn now, without scrolling (null when not drawn).
    visibleCharRect(docId, offset) {
      const r = callJson('gs_char_rect', ['string', 'number'], [docId, offset]);
      return r && toPage(r);
    },
    savedPending() { return store.pending(); },
  };
  window.goldspan = api;

  // [SECTION] Start
  (async () => {
    const missing = missingFeature();
    if (missing) return fail(missing);
    try {
      manifest = JSON.parse(new TextDecoder().decode(await fetchBytes('manifest.json')));
      const [wasm, icu, schema, ...fonts] = await fetchAll(['goldspan.wasm', manifest.icu, manifest.schema, ...manifest.fonts]);
      core = await createGoldspan({ wasmBinary: wasm, canvas });
      manifest.fonts.forEach((name, i) => withBytes(fonts[i], (p, n) => core.ccall('gs_add_font', null, ['string', 'number', 'number'], [name, p, n])));
      const icuPtr = core._malloc(icu.length);  // ICU reads from it for the whole session
      core.HEAPU8.set(icu, icuPtr);
      const dpr = window.devicePixelRatio || 1;
      const err = core.ccall('gs_boot', 'number', ['number', 'number', 'string', 'number', 'number', 'number'],
        [icuPtr, icu.length, new TextDecoder().decode(schema), Math.round(canvas.clientWidth * dpr), Math.round(canvas.clientHeight * dpr), dpr]);
      if (err) return fail(core.UTF8ToString(err));
      await store.open();
      const log = await store.readAll();
      if (log.length) {
        let line = 0;
        for (const rec of log) {
          const r = rec.line !== undefined
            ? withBytes(new TextEncoder().encode(rec.line), (p, n) => callJson('gs_restore_line', ['number', 'number', 'number'], [p, n, ++line]))
            : await withDictionaries(() => withBytes(rec.bytes, (p, n) => callJson('gs_restore_document', ['string', 'number', 'number'], [rec.doc, p, n])));
          if (!r.ok) { console.error('goldspan: restoring the autosave log:', r.errors); break; }
        }
      } else {
        const texts = await Promise.all(manifest.samples.map(async (u) => ({ id: u.split('/').pop(), text: new TextDecoder().decode(await fetchBytes(u)) })));
        await api.openTexts(texts);
      }
      resize();
      $('loading').className = 'hidden';
      canvas.focus();
      markReady();
    } catch (e) {
      fail('goldspan could not start: ' + e.message);
    }
  })();
})();
