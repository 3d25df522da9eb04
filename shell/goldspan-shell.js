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

  // Downloads several files, reporting combined progress. Each comes as bytes, except
  // goldspan.wasm, which comes compiled: compiled while it downloads (compileStreaming), not
  // after, which was most of the time from the last byte to the first frame.
  async function fetchAll(urls) {
    if (embedded.size) return Promise.all(urls.map((u) => u === 'goldspan.wasm' ? WebAssembly.compile(fromEmbedded(u)) : fromEmbedded(u)));
    const got = new Array(urls.length).fill(0), total = new Array(urls.length).fill(0);
    const show = () => {
      const t = total.reduce((a, b) => a + b, 0);
      if (t) $('progress').value = got.reduce((a, b) => a + b, 0) / t;
    };
    return Promise.all(urls.map(async (url, i) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      total[i] = Number(res.headers.get('Content-Length')) || 0;
      const counted = new Response(res.body.pipeThrough(new TransformStream({
        transform(chunk, out) { got[i] += chunk.length; show(); out.enqueue(chunk); },
      })), { headers: { 'Content-Type': res.headers.get('Content-Type') || '' } });
      if (url !== 'goldspan.wasm') return new Uint8Array(await counted.arrayBuffer());
      // A host that serves .wasm with another type refuses streaming: compile the bytes then.
      if (/^application\/wasm\b/.test(res.headers.get('Content-Type') || '')) return WebAssembly.compileStreaming(counted);
      return WebAssembly.compile(await counted.arrayBuffer());
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

  // [SECTION] Autosave log in IndexedDB
  // The log is the only durable copy of the session, append-only, in order: {seq, line}
  // (journal lines), {seq, doc, bytes} (documents, raw UTF-8) and {seq, skip: [from, to]}
  // (records a restore could not apply, so later ones are replayed without them). Each record
  // is put and committed in the task that made the edit: the commit is on its way before the
  // edit is drawn, and a renderer that dies after that task still has it committed by the
  // browser. "Saved" means its transaction completed (localStorage, which Chromium writes to
  // disk seconds later, is no second copy). A failed write keeps that record and every later
  // one in memory, says so at once (saveWarning) and is retried in order. Restore only reads.
  // One tab writes (the Web Lock LOCK); the others are read-only until it goes.
  const DB = 'goldspan', LOCK = 'goldspan-log';
  const OLD_MIRROR = 'goldspan-pending';  // earlier versions' localStorage copy: moved into the log once
  const describe = (e) => e && e.name === 'QuotaExceededError' ? 'the browser\'s storage quota is exhausted'
    : `${(e && (e.message || e.name)) || e}`;
  const store = {
    db: null, seq: 1,
    all: [],             // every record of the session in order: written again if the database was wiped
    unsaved: [],         // records whose transaction has not completed, in order
    writing: new Set(),  // seqs in a transaction now
    committed: 0,        // highest seq whose transaction completed
    failure: '',         // why saving does not work ('' = it does)
    readOnly: '',        // why this tab must not write ('' = it owns the log)
    restored: false,     // the log was read: only then may this tab write to it
    oldMirrorUpTo: 0,    // the old mirror's records are in flight up to this seq
    retryTimer: 0,
    open() {
      return new Promise((ok, no) => {
        let req;
        try { req = indexedDB.open(DB, 2); } catch (e) { no(e); return; }
        req.onupgradeneeded = () => {
          if (req.result.objectStoreNames.contains('log')) req.result.deleteObjectStore('log');
          req.result.createObjectStore('log', { keyPath: 'seq' });
        };
        req.onsuccess = () => {
          const db = req.result;
          // Site data cleared, or the storage failed: nothing more is saved until it reopens.
          db.onclose = () => { if (this.db === db) { this.db = null; this.fail(new Error('the database was closed under the page')); } };
          // Another page asking to delete the database stays blocked: it holds unsaved work's base.
          db.onversionchange = () => {};
          this.db = db;
          ok();
        };
        req.onerror = () => no(req.error || new Error('IndexedDB refused to open'));
      });
    },
    request(fn) {
      return new Promise((ok, no) => {
        const req = fn(this.db.transaction('log').objectStore('log'));
        req.onsuccess = () => ok(req.result);
        req.onerror = () => no(req.error);
      });
    },
    readAll() { return this.request((os) => os.getAll()); },
    async lastSeq() {
      const c = await this.request((os) => os.openCursor(null, 'prev'));
      return c ? c.key : 0;
    },
    // The localStorage lines an earlier version wrote and never committed (seq after the log's end).
    oldMirror(after) {
      try {
        const recs = JSON.parse(localStorage.getItem(OLD_MIRROR) || '[]');
        return Array.isArray(recs) ? recs.filter((r) => r.seq > after && typeof r.line === 'string') : [];
      } catch { return []; }
    },
    // After restore: `log` is what was replayed from (in order); later seqs follow it.
    started(log, oldLines) {
      this.all = log.slice();
      this.committed = log.length ? log[log.length - 1].seq : 0;
      this.seq = Math.max(this.committed, ...oldLines.map((r) => r.seq)) + 1;
      this.restored = true;
      if (oldLines.length && !this.readOnly) {
        this.all.push(...oldLines);
        this.unsaved.push(...oldLines);
        this.oldMirrorUpTo = oldLines[oldLines.length - 1].seq;
        this.flush();
      }
    },
    append(rec) {
      rec.seq = this.seq++;
      this.all.push(rec);
      this.unsaved.push(rec);
      if (this.readOnly) this.fail(new Error(this.readOnly));  // the app refuses edits first; never silently
      else if (this.failure) this.scheduleRetry();             // behind the failed ones, in order
      else this.flush();
    },
    flush() {
      if (this.readOnly || !this.db || !this.restored) return;
      const recs = this.unsaved.filter((r) => !this.writing.has(r.seq));
      if (!recs.length) return;
      let tx;
      try {
        tx = this.db.transaction('log', 'readwrite', { durability: 'strict' });
        const os = tx.objectStore('log');
        for (const r of recs) os.put(r);
        if (tx.commit) tx.commit();  // sent now, not when the task ends
      } catch (e) { this.fail(e); return; }
      for (const r of recs) this.writing.add(r.seq);
      tx.oncomplete = () => {
        const done = new Set(recs);
        for (const r of recs) this.writing.delete(r.seq);
        this.unsaved = this.unsaved.filter((r) => !done.has(r));
        this.committed = Math.max(this.committed, recs[recs.length - 1].seq);
        if (this.oldMirrorUpTo && !this.unsaved.some((r) => r.seq <= this.oldMirrorUpTo)) {
          try { localStorage.removeItem(OLD_MIRROR); } catch { /* blocked: it only repeats committed lines */ }
          this.oldMirrorUpTo = 0;
        }
        if (!this.unsaved.length) this.failure = '';
        else if (!this.failure) this.flush();
        this.changed();
      };
      tx.onabort = () => {
        for (const r of recs) this.writing.delete(r.seq);
        this.fail(tx.error || new Error('the transaction was aborted'));
      };
    },
    fail(e) {
      if (e && e.name === 'InvalidStateError') this.db = null;  // the connection is closing: reopen it
      this.failure = describe(e);
      console.error('goldspan: autosave:', this.failure);
      this.changed();
      this.scheduleRetry();
    },
    scheduleRetry() {
      if (!this.retryTimer && this.restored && !this.readOnly)
        this.retryTimer = setTimeout(() => { this.retryTimer = 0; this.retry(); }, 1000);
    },
    async retry() {
      try {
        if (!this.db) {
          await this.open();
          // Emptier than what had committed: wiped (site data cleared). The session is written again.
          if (await this.lastSeq() < this.committed) this.unsaved = this.all.slice();
        }
        this.flush();
      } catch (e) { this.fail(e); }
    },
    warning() {
      if (this.readOnly) return `read-only: ${this.readOnly}`;
      if (!this.failure) return '';
      const n = this.unsaved.length;
      return `changes are not being saved (${this.failure})${n ? ` \u00b7 ${n} unsaved` : ''} \u2014 export to keep them`;
    },
    clear() {
      this.unsaved = []; this.all = [];
      if (this.db) this.db.transaction('log', 'readwrite').objectStore('log').clear();
    },
    pending() { return this.unsaved.length; },
    // The status bar shows pending() and warning(): the app's frame loop sleeps at rest, so it
    // is woken to draw them.
    changed() { if (core) core._gs_wake(); },
  };

  // Replays the log into the app, in order, up to the first record missing or failing. Returns
  // [seq it stopped at, last seq] when records after that point were not applied, else null.
  async function replay(log) {
    const skips = log.filter((r) => r.skip).map((r) => r.skip);
    const skipped = (a, b) => skips.some(([s, e]) => a >= s && b <= e);
    let line = 0, prev = log.length ? log[0].seq - 1 : 0;
    for (const rec of log) {
      if (rec.seq !== prev + 1 && !skipped(prev + 1, rec.seq - 1)) return [prev + 1, log[log.length - 1].seq];
      prev = rec.seq;
      if (rec.skip || skipped(rec.seq, rec.seq)) continue;
      const r = rec.line !== undefined
        ? withBytes(new TextEncoder().encode(rec.line), (p, n) => callJson('gs_restore_line', ['number', 'number', 'number'], [p, n, ++line]))
        : await withDictionaries(() => withBytes(rec.bytes, (p, n) => callJson('gs_restore_document', ['string', 'number', 'number'], [rec.doc, p, n])));
      if (!r.ok) {
        console.error('goldspan: restoring the autosave log:', r.errors);
        return [rec.seq, log[log.length - 1].seq];
      }
    }
    return null;
  }

  // Resolves true when this tab holds the writer's lock (waiting a moment for it: a reload's old
  // document may still hold it). A tab without it is read-only and reloads (restoring all the
  // writer saved) once the writer has gone.
  async function takeLock() {
    if (!navigator.locks) return true;  // no Web Locks: one tab assumed
    // Polled with ifAvailable, not an AbortSignal: Chromium can drop a lock already granted when
    // the request's signal aborts later.
    const tryOnce = () => new Promise((ok) => {
      navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
        ok(!!lock);
        return lock ? new Promise(() => {}) : undefined;  // held for the life of the page
      }).catch(() => ok(true));  // denied here (an opaque origin such as file://): one tab assumed
    });
    for (const end = performance.now() + 1500; ;) {
      if (await tryOnce()) return true;
      if (performance.now() > end) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    navigator.locks.request(LOCK, () => { location.reload(); return new Promise(() => {}); });
    return false;
  }

  // [SECTION] Script fonts, fetched from the site itself when a document needs their script
  // (the app asks: web/app/fonts.cpp). A badge shows the download; a failure is shown too.
  const fonts = {
    loading: new Map(),  // file -> {got, total}
    failed: [],
    waiters: [],
    badge() {
      const el = $('font-badge');
      if (!this.loading.size && !this.failed.length) { el.className = 'hidden'; return; }
      const parts = [...this.loading].map(([f, p]) => `${f.replace(/^fonts\//, '').replace(/\.[ot]t[fc]$/, '')} ` +
        (p.total ? `${Math.round(p.got / 1024)} / ${Math.round(p.total / 1024)} kB` : `${Math.round(p.got / 1024)} kB`));
      el.textContent = this.failed.length ? `Font not loaded: ${this.failed.join(', ')}` : `Loading font ${parts.join(', ')}…`;
      el.className = this.failed.length ? 'error' : '';
    },
    async request(file) {
      if (this.loading.has(file)) return;
      const p = { got: 0, total: 0 };
      this.loading.set(file, p);
      this.badge();
      try {
        let bytes;
        if (embedded.size) {
          if (!embedded.has(file)) throw new Error('not in this single-file build');
          bytes = fromEmbedded(file);
        } else {
          const res = await fetch(file);
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          p.total = +res.headers.get('content-length') || 0;
          const chunks = [], reader = res.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value); p.got += value.length; this.badge();
          }
          bytes = new Uint8Array(p.got);
          let at = 0;
          for (const c of chunks) { bytes.set(c, at); at += c.length; }
        }
        withBytes(bytes, (ptr, n) => core.ccall('gs_add_font', null, ['string', 'number', 'number'], [file, ptr, n]));
      } catch (e) {
        this.failed.push(`${file} (${describe(e)})`);
      }
      this.loading.delete(file);
      this.badge();
      if (!this.loading.size) for (const w of this.waiters.splice(0)) w();
    },
    // Resolves once no font is loading (after the frames that asked for them).
    async ready() {
      await nextFrame(); await nextFrame();
      if (this.loading.size) await new Promise((r) => this.waiters.push(r));
      await nextFrame(); await nextFrame();
    },
  };

  // [SECTION] What the wasm app calls (web/platform_web.cpp)
  const fileInput = $('file-input');
  let pickPurpose = 'open';  // 'adjudicate' after File > Adjudicate…, 'agreement' after File > Agreement…, 'suggestions' after File > Open as suggestions…
  globalThis.goldspanShell = {
    download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url; a.download = name;
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    pickFiles(purpose) { pickPurpose = purpose || 'open'; fileInput.click(); },
    requestFont(file) { fonts.request(file); },
    persist(line) { store.append({ line }); },
    persistDocument(id, bytes) { store.append({ doc: id, bytes }); },
    clearPersisted() { store.clear(); },
    pendingSaves() { return store.pending(); },
    saveWarning() { return store.warning(); },
  };

  // A .zip (a brat export, or any archive of files goldspan reads) becomes its entries, named
  // "archive.zip/path" so that errors say where they are. Stored and deflated entries; deflate
  // goes through the browser's own DecompressionStream.
  async function unzip(name, bytes) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;  // the end of central directory record, within the last 64 KiB (its comment)
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--)
      if (dv.getUint32(i, true) === 0x06054b50) { end = i; break; }
    if (end < 0) throw new Error(`${name}: not a zip archive (no end of central directory record)`);
    const count = dv.getUint16(end + 10, true);
    const out = [];
    for (let k = 0, p = dv.getUint32(end + 16, true); k < count; k++) {
      if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw new Error(`${name}: entry ${k + 1}: damaged central directory`);
      const method = dv.getUint16(p + 10, true), size = dv.getUint32(p + 20, true), local = dv.getUint32(p + 42, true);
      const nameLen = dv.getUint16(p + 28, true);
      const path = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
      p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
      // Folders and the metadata some archivers add are not files of the corpus.
      if (path.endsWith('/') || path.startsWith('__MACOSX/') || path.split('/').pop().startsWith('.')) continue;
      if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) throw new Error(`${name}: ${path}: damaged local header`);
      const at = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      const data = bytes.subarray(at, at + size);
      let content;
      if (method === 0) content = data;
      else if (method === 8) {
        try {
          content = new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
        } catch (e) { throw new Error(`${name}: ${path}: cannot inflate (${e.message})`); }
      } else throw new Error(`${name}: ${path}: compression method ${method} (goldspan reads stored and deflated entries)`);
      out.push({ name: `${name}/${path}`, bytes: content });
    }
    return out;
  }

  // The last pick or drop's result, numbered, for scripts that drop files (a drop event has no
  // promise to wait on).
  let opened = { count: 0, result: null };

  // Every file of one pick or drop goes to the app in one call, read together: brat .txt and
  // .ann pair up, and when one file is bad nothing is opened.
  // Files (File objects, or {name, text} for scripts) as one buffer and its list of names.
  async function readAll(files) {
    const all = [];
    for (const f of files) {
      const bytes = typeof f.text === 'string' && !(f instanceof Blob) ? new TextEncoder().encode(f.text) : new Uint8Array(await f.arrayBuffer());
      if (/\.zip$/i.test(f.name)) all.push(...await unzip(f.name, bytes));
      else all.push({ name: f.name, bytes });
    }
    const data = new Uint8Array(all.reduce((n, f) => n + f.bytes.length, 0));
    let at = 0;
    for (const f of all) { data.set(f.bytes, at); at += f.bytes.length; }
    return { data, names: new TextEncoder().encode(JSON.stringify(all.map((f) => ({ name: f.name, size: f.bytes.length })))) };
  }

  // Reads the files (File objects or {name, text}; a .zip as its entries) and hands them to the
  // app's `fn` in one call, with `extra` numbers after the buffers. Resolves to {ok, errors};
  // `onUnreadable` is told when the page could not read them (the app never saw them).
  async function sendFiles(fn, files, extra = [], onUnreadable = () => {}) {
    let read = null, r;
    try { read = await readAll(files); } catch (e) { r = { ok: false, errors: [e.message] }; onUnreadable(r); }
    if (read) {
      r = await withDictionaries(() => withBytes(read.names, (np, nn) => withBytes(read.data, (p, n) =>
        callJson(fn, ['number', 'number', 'number', 'number', ...extra.map(() => 'number')], [np, nn, p, n, ...extra]))));
    }
    opened = { count: opened.count + 1, result: r };
    canvas.focus();
    return r;
  }

  // Several annotators' gold files of the same documents (File > Adjudicate…): a new session
  // with what they agree on, and the adjudication view on the rest. `strategy`: majority,
  // unanimous or prefer=NAME, as `goldspan adjudicate --strategy`.
  const adjudicate = (files, { strategy = 'majority' } = {}) => {
    core.ccall('gs_adjudication_strategy', null, ['string'], [strategy]);
    return sendFiles('gs_adjudicate', files);
  };
  // The same files scored in the Agreement window (File > Agreement…); the session is left as it is.
  const agreement = (files) => sendFiles('gs_agreement', files);
  // { suggestions: true }: File > Open as suggestions… (the files' spans, Label Studio
  // predictions and dictionary matches become suggestions to accept or reject). Resolves to [{ok, errors}].
  async function openFiles(files, { suggestions = false } = {}) {
    return [await sendFiles('gs_open_files', files, [suggestions ? 1 : 0], (r) =>
      core.ccall('gs_show_errors', null, ['string', 'string'], ['Could not open the files', JSON.stringify(r.errors)]))];
  }
  fileInput.addEventListener('change', async () => {
    const files = [...fileInput.files];
    fileInput.value = '';
    if (pickPurpose === 'adjudicate') await adjudicate(files);
    else if (pickPurpose === 'agreement') await agreement(files);
    else await openFiles(files, { suggestions: pickPurpose === 'suggestions' });
    pickPurpose = 'open';
  });
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
  const panelControls = (fn) => {
    const p = callJson(fn, [], []);
    for (const k of Object.keys(p.controls)) p.controls[k] = toPage(p.controls[k]);
    return p;
  };
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let markReady;
  const api = {
    ready: new Promise((r) => { markReady = r; }),
    openTexts(docs) { return withDictionaries(() => callJsonText('gs_open_texts', JSON.stringify(docs))); },
    openFiles,
    adjudicate,
    adjudication() {
      const a = callJson('gs_adjudication', [], []);
      for (const k of Object.keys(a.controls)) a.controls[k] = toPage(a.controls[k]);
      return a;
    },
    agreement,
    // The Agreement window: figures, heatmap cells and listed spans, rectangles in page pixels.
    agreementView() {
      const v = callJson('gs_agreement_view', [], []);
      for (const c of v.cells) Object.assign(c, toPage({ x: c.x, y: c.y, w: c.w, h: c.h }));
      for (const k of Object.keys(v.controls)) v.controls[k] = toPage(v.controls[k]);
      return v;
    },
    suggestions(docId = '') { return callJson('gs_suggestions', ['string'], [docId]); },
    lastOpened() { return opened; },
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
    clustersPanel() { return panelControls('gs_clusters_panel'); },
    documentsPanel() { return panelControls('gs_documents_panel'); },
    selectedSpan() { return callJson('gs_selected_span', [], []); },
    links() { return callJson('gs_links', [], []); },
    // The Shift+L pick; the type menu's rows are in page pixels.
    linkPick() {
      const p = callJson('gs_link_pick', [], []);
      if (p) p.menu = p.menu.map((r) => ({ type: r.type, ...toPage(r) }));
      return p;
    },
    panes() { return callJson('gs_panes', [], []); },
    sideBySide(on) { core.ccall('gs_side_by_side', null, ['number'], [on ? 1 : 0]); },
    showInPane(docId, pane) { return !!core.ccall('gs_show_in_pane', 'number', ['string', 'number'], [docId, pane]); },
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
    // Frames drawn since boot: the frame loop sleeps while nothing changes.
    frames() { return core._gs_frames(); },
    // Of those, the frames drawn on the canvas: one that would draw the same picture is not.
    presented() { return core._gs_presented(); },
    // Animation frames the loop ran since boot: none is asked for while nothing changes.
    animationFrames() { return core._gs_animation_frames(); },
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
    // The claims table (F4, View > Claims table): rows of claims saying the same thing, one
    // column per document; `cells` are the page rectangles where the open window drew each claim.
    claimsTable() {
      const t = callJson('gs_claims_table', [], []);
      t.cells = t.cells.map((c) => ({ span: c.span, ...toPage(c) }));
      return t;
    },
    // The rectangle of a code point where it is drawn now, without scrolling (null when not drawn).
    visibleCharRect(docId, offset) {
      const r = callJson('gs_char_rect', ['string', 'number'], [docId, offset]);
      return r && toPage(r);
    },
    savedPending() { return store.pending(); },
    // Font files the app has and is waiting for, and glyphs in the canvas's own atlas.
    fonts() { return { ...callJson('gs_fonts', [], []), failed: [...fonts.failed] }; },
    fontsReady() { return fonts.ready(); },
    // What the status bar drew about saving, and the state behind it.
    saveState() {
      return { pending: store.pending(), warning: store.warning(), readOnly: !!store.readOnly, line: callJson('gs_save_line', [], []) };
    },
  };
  window.goldspan = api;

  // [SECTION] Start
  (async () => {
    const missing = missingFeature();
    if (missing) return fail(missing);
    try {
      manifest = JSON.parse(new TextDecoder().decode(await fetchBytes('manifest.json')));
      // The samples are asked for at once too (a few kB), used only when nothing is restored.
      const samples = Promise.all(manifest.samples.map(fetchBytes));
      samples.catch(() => {});  // a failure counts only where they are used
      const [wasm, icu, schema, ...fonts] = await fetchAll(['goldspan.wasm', manifest.icu, manifest.schema, ...manifest.fonts]);
      // Start-up phases as performance marks, for benchmarks (bench/browser) to read.
      performance.mark('goldspan:fetched');
      core = await createGoldspan({
        canvas,
        instantiateWasm(imports, done) {  // the module compiled by fetchAll
          WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm), (e) => fail('goldspan could not start: ' + e.message));
          return {};
        },
      });
      manifest.fonts.forEach((name, i) => withBytes(fonts[i], (p, n) => core.ccall('gs_add_font', null, ['string', 'number', 'number'], [name, p, n])));
      const icuPtr = core._malloc(icu.length);  // ICU reads from it for the whole session
      core.HEAPU8.set(icu, icuPtr);
      const dpr = window.devicePixelRatio || 1;
      const err = core.ccall('gs_boot', 'number', ['number', 'number', 'string', 'number', 'number', 'number'],
        [icuPtr, icu.length, new TextDecoder().decode(schema), Math.round(canvas.clientWidth * dpr), Math.round(canvas.clientHeight * dpr), dpr]);
      if (err) return fail(core.UTF8ToString(err));
      performance.mark('goldspan:booted');
      core.ccall('gs_font_catalog', null, ['string'], [JSON.stringify(manifest.scriptFonts || [])]);
      if (!await takeLock()) store.readOnly = 'goldspan is open for editing in another tab; this one reloads when that tab closes';
      let log = [];
      try {
        await store.open();
        log = await store.readAll();
      } catch (e) {
        store.db = null;  // no restore, so this session never writes into that database
        store.failure = `IndexedDB is not available: ${describe(e)}`;
      }
      const oldLines = store.db ? store.oldMirror(log.length ? log[log.length - 1].seq : 0) : [];
      if (log.length || oldLines.length) {
        const stopped = await replay(log.concat(oldLines));
        store.started(log, oldLines);  // the old mirror's lines go into the log even if not applied
        if (stopped && !store.readOnly) store.append({ skip: stopped });
      } else {
        if (store.db) store.started([], []);
        const texts = (await samples).map((bytes, i) => ({ id: manifest.samples[i].split('/').pop(), text: new TextDecoder().decode(bytes) }));
        if (store.readOnly) {
          for (const t of texts) withBytes(new TextEncoder().encode(t.text), (p, n) => callJson('gs_restore_document', ['string', 'number', 'number'], [t.id, p, n]));
        } else {
          await api.openTexts(texts);
        }
      }
      performance.mark('goldspan:opened');
      if (store.readOnly) core.ccall('gs_set_read_only', null, ['string'], [store.readOnly]);
      resize();
      $('loading').className = 'hidden';
      canvas.focus();
      markReady();
    } catch (e) {
      fail('goldspan could not start: ' + e.message);
    }
  })();
})();
