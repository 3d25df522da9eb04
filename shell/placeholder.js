// Placeholder page: loads the wasm core and the ICU data, tokenizes pasted text.
'use strict';
(async function () {
  const $ = (id) => document.getElementById(id);
  const status = $('status'), progress = $('progress');
  if (typeof WebAssembly !== 'object') {
    status.textContent = 'This browser has no WebAssembly: goldspan cannot run here.';
    status.className = 'error';
    return;
  }
  $('input').value = 'Ines Oduya said 14 workers were evacuated. 港湾局長は述べた。 Family 👨‍👩‍👧 café.';

  // Fetch the ICU data with progress, then start the module and hand the data over.
  async function fetchWithProgress(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    const total = Number(res.headers.get('Content-Length')) || 0;
    const reader = res.body.getReader();
    const chunks = []; let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value); got += value.length;
      if (total) progress.value = got / total;
    }
    const out = new Uint8Array(got); let o = 0;
    for (const c of chunks) { out.set(c, o); o += c.length; }
    return out;
  }

  let core;
  try {
    const [data, mod] = await Promise.all([fetchWithProgress('icudt72l.dat'), createGoldspan()]);
    core = mod;
    const ptr = core._malloc(data.length);  // kept for the session: ICU reads from it
    core.HEAPU8.set(data, ptr);
    if (!core._gs_init(ptr, data.length)) throw new Error(core.UTF8ToString(core._gs_last_error()));
  } catch (e) {
    status.textContent = 'Could not start: ' + e.message;
    status.className = 'error';
    return;
  }
  progress.hidden = true;
  status.textContent = 'core ready';
  $('go').disabled = false;

  function tokenize() {
    const text = $('input').value;
    const json = core.ccall('gs_tokenize', 'number', ['string', 'string'], [text, $('locale').value]);
    if (!json) {
      $('summary').textContent = core.UTF8ToString(core._gs_last_error());
      $('summary').className = 'error';
      return;
    }
    const r = JSON.parse(core.UTF8ToString(json));
    $('summary').className = '';
    $('summary').textContent = `${r.tokens.length} tokens, ${r.sentences.length} sentences, ${r.length} code points`;
    const cps = Array.from(text);  // code points, the unit of every offset
    const box = $('tokens'); box.textContent = '';
    let at = 0;
    r.tokens.forEach(([s, e], i) => {
      if (s > at) box.append(cps.slice(at, s).join(''));
      const span = document.createElement('span');
      span.className = 'k' + (i % 2);
      span.title = `${r.kinds[i]} [${s}, ${e})`;
      span.textContent = cps.slice(s, e).join('');
      box.append(span);
      at = e;
    });
    box.append(cps.slice(at).join(''));
    $('json').textContent = JSON.stringify({ tokens: r.tokens, sentences: r.sentences });
  }
  $('go').addEventListener('click', tokenize);
  tokenize();
})();
