// api.js: window.scaling, the page's JavaScript API (linked with --pre-js, so it sees `Module`).
// Every number comes from the C++ core through the scaling_* C functions in c_api.cpp: the
// same code as the CLI's --json, never a JavaScript re-implementation.
//   await scaling.ready
//   scaling.optimal({flops: 5.76e23, law: 'chinchilla-a3'})  -> {law, flops, params, tokens, tokens_per_param, loss}
//     (law: any id of scaling.laws(); without one, epoch2024, as the CLI)
//   scaling.loss({params: '70B', tokens: '1.4T', law})       -> same keys
//   scaling.compare({flops: 1e24})                           -> {flops, laws, spread, rules_of_thumb, ...}
//   await scaling.draws()   before compare() for Epoch's range_95: the bootstrap draws behind it are
//                           fetched when first needed, not with the page (until then: range_error)
//   scaling.laws()                                           -> [{id, name, citation, ...}]
//   scaling.models()                                         -> [{id, name, params_total, ..., versus}]
//   scaling.budget({gpu, gpus, days, mfu}) / memory({params}) / lifetime({loss, inference_tokens})
//   / lifetimeCost({loss, requests, input_tokens, output_tokens}): as the CLI's commands
//   scaling.fit({text, exclude_top, bootstrap, ...})          -> as `scaling fit --json`
//   scaling.testTime({success, samples}) / emergence({answer_length}) / fineTuning({examples})
//   / frontier({from, to, points, law}): as the CLI's commands of those names
//   Every command of the core's table is a method here, named in camelCase (scaling.commands()).
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
    return JSON.parse(passText('scaling_call', JSON.stringify(texts), command));
  }

  // Hands a string of any size to a C function taking (const char* text[, const char* extra]):
  // ccall's 'string' copies onto the stack (5 MB), which a large CSV would overflow, so the text
  // goes through the heap. Returns the C function's string result, if any.
  function passText(fn, text, extra) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    if (!p) return JSON.stringify({ error: 'out of memory for a text of ' + n + ' bytes' });
    Module.stringToUTF8(text, p, n);
    try {
      if (extra === undefined) return Module.ccall(fn, 'string', ['number'], [p]);
      return Module.ccall(fn, 'string', ['string', 'number'], [extra, p]);
    } finally {
      Module._free(p);
    }
  }

  // The bootstrap draws behind the bands (core/draws.hpp): not part of the app's first download
  // (bench/sizes.sh); each file is fetched once from beside the page, when the app first draws a
  // band (page.cpp asks) or scaling.draws() is awaited, and handed to the core. The service
  // worker keeps it for offline use.
  const drawsFetches = {};
  function fetchDraws(file) {
    if (!drawsFetches[file]) {
      drawsFetches[file] = fetch(file)
        .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.text(); })
        .then((text) => { passText('scaling_draws_arrived', text, file); },
          (e) => { Module.ccall('scaling_draws_failed', null, ['string', 'string'], [file, String((e && e.message) || e)]); });
    }
    return drawsFetches[file];
  }
  Module.fetchDraws = fetchDraws;

  const api = {
    ready,
    // Resolves when every bootstrap draws file has arrived (or failed: compare() then says why).
    draws: () => ready.then(() => Promise.all(JSON.parse(Module.ccall('scaling_draws_files', 'string', [], [])).map(fetchDraws)))
      .then(() => undefined),
    // One method per row of the core's command table (scaling_commands), added once the runtime is
    // up: scaling.<js_name>(args), e.g. optimal, loss, compare, laws, models, budget, memory,
    // lifetime, lifetimeCost, fit, data, scenario, project, nextFlop, testTime, emergence,
    // fineTuning, frontier. scaling.commands() is the table itself (inputs with key, label, unit,
    // help, range, optional), for a host that builds its own form.
  };
  // For tests and embedding hosts: what the UI drew last frame, how many frames so far, whether
  // it has caught up with all input (settled), the last export, and switching views by name.
  api._ui = {
    probe: () => JSON.parse(Module.ccall('scaling_ui_probe', 'string', [], [])),
    frames: () => Module.ccall('scaling_ui_frames', 'number', [], []),
    settled: () => Module.ccall('scaling_ui_settled', 'number', [], []) === 1,
    flops: () => Module.ccall('scaling_ui_flops', 'number', [], []),
    show: (view) => Module.ccall('scaling_ui_show', 'number', ['string'], [String(view)]) === 1,
    paste: (text) => passText('scaling_ui_paste', String(text)),
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
  // The commands' methods exist once the runtime is up; a call before then (a page that did not
  // await scaling.ready) gets the same {error} answer as any refused call, not a TypeError. `then`
  // stays undefined so the object is never mistaken for a promise.
  window.scaling = new Proxy(api, {
    get(target, key) {
      if (key in target || running || typeof key !== 'string' || key === 'then') return target[key];
      return () => ({ error: 'not ready yet: await scaling.ready first' });
    },
  });

  // The Fit view's "Load a file...": a picker that stays inside the page (no upload anywhere).
  Module.openRunsFile = function () {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.tsv,.txt,.json,text/csv,text/plain,application/json';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > 64 * 1024 * 1024) { console.error('scaling: the file is larger than 64 MB'); return; }
      file.text().then((text) => passText('scaling_ui_load_runs', text));
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
    passText('scaling_ui_paste', text);
  });

  // Permalinks: the address bar follows the state without adding history entries.
  Module.setQuery = function (query) {
    try { window.history.replaceState(null, '', '?' + query + window.location.hash); } catch (e) { /* file:// in some browsers */ }
  };
  // Module.reportHeight, the page's height and an embed's host, is web/frame_size.js's.
  Module.copyText = function (text) {
    api._ui.lastCopy = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => copyByCommand(text));
    } else {
      copyByCommand(text);
    }
  };
  // Where the asynchronous clipboard is refused (no permission, an http page on a LAN address).
  function copyByCommand(text) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    area.remove();
  }
  // Docs pages and, from an embed, the full explorer: in a new tab, relative to this page.
  Module.openPage = function (path) {
    api._ui.lastOpen = path;
    window.open(new URL(path, window.location.href).href, '_blank', 'noopener');
  };

  // The user's work (runs, mapping, fit, custom constants) kept in this browser between visits.
  // The C++ side decides what to save and when (app::work_of); these only touch localStorage,
  // which can be missing (privacy modes) or full: both are reported back, never thrown.
  Module.loadWork = function (key) {
    let text = null;
    try { text = window.localStorage.getItem(key); } catch (e) { return; }
    if (text !== null) passText('scaling_ui_restore_work', text);
  };
  Module.saveWork = function (key, text) {
    try { window.localStorage.setItem(key, text); return 1; } catch (e) { return 0; }
  };
  // A saved entry that cannot be read is moved aside, not deleted: the user's data may be recoverable.
  Module.setAsideWork = function (key) {
    try {
      const text = window.localStorage.getItem(key);
      if (text !== null) window.localStorage.setItem(key + '.set-aside', text);
      window.localStorage.removeItem(key);
    } catch (e) { /* nothing more to do without storage */ }
  };

  // The phone's own keyboard for the app's fields. A canvas cannot open it, an HTML input can: a
  // finger's tap on a field (shell/fields.cpp records where each was drawn) lays an input over it,
  // focused inside the tap's own event (iOS opens the keyboard only then): the numeric keyboard for
  // numbers, with keys for what it lacks (e, K, M, B, T), a text area for the table of runs. Each
  // keystroke goes to the field; Enter or a tap elsewhere closes it, Escape restores the old text.
  // A mouse click keeps ImGui's own field: this is for touch only.
  const editor = { open: false, box: null, input: null, area: null, keys: null, original: '' };
  function editorElement() {
    if (editor.box) return;
    editor.box = document.createElement('div');
    editor.box.id = 'field-editor';
    editor.box.hidden = true;
    editor.input = document.createElement('input');
    editor.input.type = 'text';
    editor.input.setAttribute('inputmode', 'decimal');
    editor.input.setAttribute('enterkeyhint', 'done');
    editor.area = document.createElement('textarea');
    editor.area.setAttribute('inputmode', 'text');
    for (const el of [editor.input, editor.area]) {
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('autocapitalize', 'off');
      el.setAttribute('autocorrect', 'off');
      el.spellcheck = false;
      el.className = 'field-editor-text';
      el.addEventListener('input', () => passText('scaling_ui_edit_text', el.value));
      el.addEventListener('blur', () => closeEditor(true));
      editor.box.appendChild(el);
    }
    editor.keys = document.createElement('div');
    editor.keys.className = 'field-editor-keys';
    for (const k of ['e', '-', 'K', 'M', 'B', 'T', 'Done']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = k === '-' ? '\u2212' : k;
      b.dataset.key = k;
      // pointerdown, not click: the input keeps its focus (and the keyboard stays up).
      b.addEventListener('pointerdown', (e) => {
        e.preventDefault();
        if (k === 'Done') { closeEditor(true); return; }
        const el = editor.input;
        el.setRangeText(k, el.selectionStart, el.selectionEnd, 'end');
        passText('scaling_ui_edit_text', el.value);
      });
      editor.keys.appendChild(b);
    }
    editor.box.appendChild(editor.keys);
    document.body.appendChild(editor.box);
  }
  function openEditor(kind, x, y, w, h) {
    editorElement();
    const lines = kind === 1;
    const el = lines ? editor.area : editor.input;
    editor.input.hidden = lines;
    editor.area.hidden = !lines;
    editor.keys.hidden = lines;
    editor.original = Module.ccall('scaling_ui_edit_current', 'string', [], []);
    el.value = editor.original;
    editor.open = true;
    editor.box.hidden = false;
    Module.placeEditor(x, y, w, h);
    el.focus({ preventScroll: true });
    if (!lines) el.select();  // like the app's fields: typing replaces the number
  }
  function closeEditor(tellApp) {
    if (!editor.open) return;
    editor.open = false;
    editor.box.hidden = true;
    const el = document.activeElement;
    if (el === editor.input || el === editor.area) el.blur();
    if (tellApp) Module.ccall('scaling_ui_edit_end', null, [], []);
  }
  Module.placeEditor = function (x, y, w, h) {
    if (!editor.box) return;
    const r = Module.canvas.getBoundingClientRect();
    const el = editor.input.hidden ? editor.area : editor.input;
    Object.assign(el.style, { left: (r.left + x) + 'px', top: (r.top + y) + 'px', width: w + 'px', height: h + 'px' });
    placeKeys();
  };
  // The extra keys: a bar across the bottom of what is visible, just above the phone's keyboard
  // (visualViewport shrinks when it opens), clear of the field and of the message under it.
  function placeKeys() {
    if (!editor.open || editor.keys.hidden) return;
    const vv = window.visualViewport;
    const bottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
    editor.keys.style.top = (bottom - editor.keys.offsetHeight) + 'px';
  }
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', placeKeys);
    window.visualViewport.addEventListener('scroll', placeKeys);
  }
  Module.closeEditor = function () { closeEditor(false); };
  // The tap: a touch that starts and ends in one place, quickly. A touch anywhere on the canvas
  // first closes an open editor (the canvas takes the touch, so the input would not lose focus).
  // "Quickly" is timed on the events' own time stamps, when the finger moved, not on when a busy
  // page got round to the handlers (a slow frame between them would make a tap look long).
  // Listened for on the document: a finger may land on the canvas or on a text of the DOM layer
  // over it (#sem, web/semantics.js), and both are the app.
  let tapStart = null;
  const onApp = (e) => e.target === Module.canvas || document.getElementById('sem').contains(e.target);
  document.addEventListener('touchstart', (e) => {
    if (!onApp(e)) return;
    if (editor.open) closeEditor(true);
    const t = e.touches.length === 1 ? e.touches[0] : null;
    tapStart = t ? { x: t.clientX, y: t.clientY, at: e.timeStamp } : null;
  }, { passive: true });
  document.addEventListener('touchend', (e) => {
    if (!onApp(e)) return;
    const t = e.changedTouches[0];
    const start = tapStart;
    tapStart = null;
    if (!running || !start || e.touches.length !== 0 || !t) return;
    if (Math.hypot(t.clientX - start.x, t.clientY - start.y) > 10 || e.timeStamp - start.at > 800) return;
    const r = Module.canvas.getBoundingClientRect();
    const hit = Module.ccall('scaling_ui_edit_at', 'string', ['number', 'number'], [t.clientX - r.left, t.clientY - r.top]);
    if (!hit) return;
    const [kind, x, y, w, h] = hit.split(' ').map(Number);
    openEditor(kind, x, y, w, h);
  }, { passive: true });
  // GLFW listens for keys on the window in the capture phase: what is typed into the editor must
  // not also reach the app as key events (it would be typed twice). These listeners run first and
  // stop the event there, so the editor's own keys (Enter, Escape) are handled here too; the
  // browser's default action (the character going into the input) still happens.
  function editorKey(e) {
    const el = e.target;
    if (!editor.open || (el !== editor.input && el !== editor.area)) return;
    e.stopImmediatePropagation();
    if (e.type !== 'keydown') return;
    if (e.key === 'Escape') {
      el.value = editor.original;
      passText('scaling_ui_edit_text', el.value);
      closeEditor(true);
    } else if (e.key === 'Enter' && el === editor.input) {
      e.preventDefault();
      closeEditor(true);
    }
  }
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, editorKey, true);
  api._ui.editor = () => (editor.open ? { kind: editor.input.hidden ? 'lines' : 'number', value: (editor.input.hidden ? editor.area : editor.input).value } : null);

  // The bold face (web/CMakeLists.txt): fetched from beside the page once the first frame is up (so
  // it never slows that frame on a slow link), written where the app reads its fonts, and the app
  // told to build them again. Until then headings are in the regular face. _ui.fonts resolves once
  // that is done (or failed) and a frame has drawn with it, for tests that measure text.
  const firstFrame = new Promise((resolve) => {
    const onFirstFrame = Module.onFirstFrame;  // boot.js's: the loading screen leaves
    Module.onFirstFrame = function () { if (onFirstFrame) onFirstFrame(); resolve(); };
  });
  const boldFont = firstFrame.then(() => fetch('font-bold'))
    .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.arrayBuffer(); });
  const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  api._ui.fonts = ready.then(() => boldFont).then((buffer) => {
    FS.writeFile('/fonts/bold', new Uint8Array(buffer));
    Module.ccall('scaling_bold_font_arrived', null, [], []);
  }, (e) => console.warn('bold font unavailable, headings stay regular:', (e && e.message) || e)).then(nextFrames);

  const previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = function () {
    if (previous) previous();
    running = true;
    const table = JSON.parse(Module.ccall('scaling_commands', 'string', [], []));
    api.commands = () => table;
    for (const c of table) api[c.js_name] = (args) => call(c.name, args);
    resolveReady(api);
  };
})();
