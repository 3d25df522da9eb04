// Shared by the peer host pages: fetch the benchmark document (text + entity spans) chosen by
// ?k=<thousand tokens>, and flag window.__shown once the tool has put text and highlights in
// the DOM (checked each animation frame).
window.peerLoad = async () => {
  const k = new URLSearchParams(location.search).get('k') || '5';
  const [text, spans] = await Promise.all([
    fetch(`/bench/doc/${k}.txt`).then((r) => r.text()),
    fetch(`/bench/doc/${k}.json`).then((r) => r.json()),
  ]);
  return { text, spans };
};
window.peerShown = (test) => {
  const check = () => { if (test()) window.__shown = performance.now(); else requestAnimationFrame(check); };
  requestAnimationFrame(check);
};
