// api.js: window.scaling, the page's JavaScript API (linked with --pre-js, so it sees `Module`).
// Every number comes from the C++ core through the scaling_* C functions in main_web.cpp: the
// same code as the CLI's --json, never a JavaScript re-implementation.
//   await scaling.ready
//   scaling.optimal({flops: 5.76e23, law: 'chinchilla-a3'})  -> {law, flops, params, tokens, tokens_per_param, loss}
//   scaling.loss({params: '70B', tokens: '1.4T', law})       -> same keys
//   scaling.compare({flops: 1e24})                           -> {flops, laws, spread, rules_of_thumb, ...}
//   scaling.laws()                                           -> [{id, name, citation, ...}]
//   scaling.models()                                         -> [{id, name, params_total, ..., versus}]
//   scaling.budget({gpu, gpus, days, mfu}) / memory({params}) / lifetime({loss, inference_tokens})
//   / lifetimeCost({loss, requests, input_tokens, output_tokens}): as the CLI's commands
// Bad arguments return {error: "..."} and never throw.
(function () {
  'use strict';
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  let running = false;

  // Numbers and strings go to the core as text, which parses and validates them like typed input
  // (String(NaN) is "NaN", which the core refuses by name). Unknown keys are refused by the core.
  function call(command, args) {
    if (!running) return { error: 'not ready yet: await scaling.ready first' };
    if (args === undefined || args === null) args = {};
    if (typeof args !== 'object' || Array.isArray(args)) return { error: 'arguments must be an object' };
    const texts = {};
    for (const [key, value] of Object.entries(args)) {
      if (value === undefined || value === null) continue;
      if (typeof value === 'number') texts[key] = String(value);
      else if (typeof value === 'string') texts[key] = value;
      else return { error: `${key}: expected a number or a string, got ${typeof value}`, field: key };
    }
    return JSON.parse(Module.ccall('scaling_call', 'string', ['string', 'string'], [command, JSON.stringify(texts)]));
  }

  const api = {
    ready,
    optimal: (args) => call('optimal', args),
    loss: (args) => call('loss', args),
    compare: (args) => call('compare', args),
    laws: () => call('laws', {}),
    models: () => call('models', {}),
    budget: (args) => call('budget', args),
    memory: (args) => call('memory', args),
    lifetime: (args) => call('lifetime', args),
    lifetimeCost: (args) => call('lifetime_cost', args),
  };
  // For tests and embedding hosts: what the UI drew last frame, how many frames so far, the last
  // export, and switching views by name.
  api._ui = {
    probe: () => JSON.parse(Module.ccall('scaling_ui_probe', 'string', [], [])),
    frames: () => Module.ccall('scaling_ui_frames', 'number', [], []),
    flops: () => Module.ccall('scaling_ui_flops', 'number', [], []),
    show: (view) => Module.ccall('scaling_ui_show', 'number', ['string'], [String(view)]) === 1,
    paste: (text) => Module.ccall('scaling_ui_paste', null, ['string'], [String(text)]),
    setFitOption: (name, value) => Module.ccall('scaling_ui_set_fit_option', null, ['string', 'number'], [String(name), Number(value)]),
    frameStats: () => JSON.parse(Module.ccall('scaling_ui_frame_stats', 'string', [], [])),
    lastExport: null,
  };

  // Plot exports (called from C++ right after a frame is drawn, while the canvas still holds it).
  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  Module.downloadText = function (name, text, type) {
    api._ui.lastExport = { name, type, size: text.length };
    download(name, new Blob([text], { type }));
  };
  Module.downloadCanvasRegion = function (name, x, y, w, h) {
    const src = Module.canvas;
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.min(w, src.width - x));
    out.height = Math.max(1, Math.min(h, src.height - y));
    out.getContext('2d').drawImage(src, x, y, out.width, out.height, 0, 0, out.width, out.height);
    out.toBlob((blob) => {
      api._ui.lastExport = { name, type: 'image/png', size: blob ? blob.size : 0 };
      if (blob) download(name, blob);
    }, 'image/png');
  };
  window.scaling = api;

  // The Fit view's "Load a file...": a picker that stays inside the page (no upload anywhere).
  Module.openRunsFile = function () {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.tsv,.txt,text/csv,text/plain';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > 64 * 1024 * 1024) { console.error('scaling: the file is larger than 64 MB'); return; }
      file.text().then((text) => Module.ccall('scaling_ui_load_runs', null, ['string'], [text]));
    });
    input.click();
  };

  // The system clipboard: browsers hand it over only in a paste event. Forward it to the app (which
  // queues it behind earlier input), unless the page's own inputs are the target.
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (!running || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable))) return;
    const text = e.clipboardData ? e.clipboardData.getData('text') : '';
    if (!text) return;
    e.preventDefault();
    Module.ccall('scaling_ui_paste', null, ['string'], [text]);
  });

  const previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = function () {
    if (previous) previous();
    running = true;
    resolveReady(api);
  };
})();
