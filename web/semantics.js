// semantics.js: the DOM layer over the canvas (linked with --pre-js, so it sees `Module`). ImGui
// draws pixels and has no accessibility of its own, so the app publishes a tree of what it drew
// (shell/semantics.hpp: roles, names, values, rectangles) and this mirrors it as DOM nodes laid
// exactly over the widgets, as Flutter's web engine and PhET's parallel DOM do: screen readers read
// it, Tab moves through it, find and copy reach its text, and the document it makes scrolls.
// [SECTION] Reconciling  [SECTION] Elements per role  [SECTION] Actions and focus
// [SECTION] Keys  [SECTION] Copy  [SECTION] Announcements
//
// Choices:
// - The DOM follows the tree, never the other way: an element is made once per node id and reused
//   (a focused one is never rebuilt or moved, nor the value of a focused input overwritten), and
//   the app's own widget changes come back as the next published tree.
// - Mouse over text: text nodes take the pointer (app.css), so a drag selects a number as in any
//   page and Ctrl+C copies it with its unit (see Copy); web/input_queue.cpp listens for presses on
//   #sem as well as on the canvas, with canvas coordinates, so ImGui still gets every click.
//   Controls let the pointer through to the canvas: ImGui alone handles a click on a widget.
(function () {
  'use strict';
  const root = document.getElementById('sem');
  const liveRegion = document.getElementById('sem-live');
  const records = new Map();      // node id -> record {id, node, tag, el (placed), control (focusable)}
  const byElement = new WeakMap();  // control element -> record
  let domIds = 0;                 // DOM ids are made here: node ids may hold any character
  let reconciling = false;        // inside publishSemantics (called from the app's frame)
  let published = false;          // a tree has been published at least once
  let lastTree = null;            // the tree last published, for tests and hosts (scaling._ui.tree)
  window.scaling._ui.tree = () => lastTree;

  // Calls into the app. During a publish (which runs inside the app's frame) the app must not be
  // re-entered, so a focus change the DOM makes then is told after the frame.
  function callApp(fn, args) {
    const run = () => Module.ccall(fn, null, args.map(() => 'string'), args);
    if (reconciling) queueMicrotask(run); else run();
  }
  const act = (id, action, value) => callApp('scaling_ui_act', [id, action, value === undefined ? '' : String(value)]);

  // [SECTION] Reconciling
  Module.publishSemantics = function (json) {
    let tree;
    try { tree = JSON.parse(json); } catch (e) { console.warn('semantics: unreadable tree', e.message); return; }
    lastTree = tree;
    reconciling = true;
    try {
      const seen = new Set();
      order(root, place(tree.nodes || [], seen));
      // (forEach, not for-of with destructuring: Emscripten 3.1.6's minifier garbles that)
      records.forEach((r, id) => { if (!seen.has(id)) { r.el.remove(); dropBox(r); records.delete(id); } });
      announce(seen);
    } finally {
      reconciling = false;
    }
    if (!published) {
      published = true;
      // The DOM now says what the canvas shows; the canvas itself is only pixels.
      Module.canvas.setAttribute('aria-hidden', 'true');
    }
  };

  // The elements for `nodes` under one parent, in order; consecutive tabs share a tablist.
  function place(nodes, seen) {
    const out = [];
    let tablist = null;
    for (const n of nodes) {
      if (n.role === 'tab') {
        if (!tablist) {
          // Keyed by its first tab, so it stays the same element while its tabs do.
          tablist = { r: record({ id: '\u0000tablist:' + n.id, role: 'tablist' }, seen), tabs: [] };
          out.push(tablist.r.el);
        }
        tablist.tabs.push(record(n, seen).el);
        continue;
      }
      if (tablist) { order(tablist.r.el, tablist.tabs); tablist = null; }
      out.push(record(n, seen).el);
    }
    if (tablist) order(tablist.r.el, tablist.tabs);
    return out;
  }

  // Makes `parent`'s children exactly `wanted`, in order, moving as little as it can and never the
  // element that holds the focus (moving a node out and back in blurs it): what stands before it
  // out of order is moved behind it instead.
  function order(parent, wanted) {
    const keep = new Set(wanted);
    for (const child of Array.from(parent.children)) if (!keep.has(child)) child.remove();
    const active = document.activeElement;
    for (let i = 0; i < wanted.length; ++i) {
      const el = wanted[i];
      if (parent.children[i] === el) continue;
      if (el.parentNode === parent && el.contains(active)) {
        while (parent.children[i] !== el) parent.appendChild(parent.children[i]);
      } else {
        parent.insertBefore(el, parent.children[i] || null);
      }
    }
  }

  // The node's record, made or reused, with its element brought up to date.
  function record(n, seen) {
    seen.add(n.id);
    const tag = tagOf(n);
    let r = records.get(n.id);
    if (r && r.tag !== tag && !r.el.contains(document.activeElement)) { r.el.remove(); dropBox(r); r = null; }
    if (!r) {
      r = { id: n.id, tag, node: null, el: null, control: null, geometry: '' };
      make(r, n);
      (r.control || r.el).dataset.node = n.id;  // which node it stands for (tests, and debugging)
      records.set(n.id, r);
      if (r.control) byElement.set(r.control, r);
    }
    update(r, n, seen);
    r.node = n;
    return r;
  }

  function tagOf(n) {
    switch (n.role) {
      case 'header': return 'header';
      case 'nav': return 'nav';
      case 'main': return 'main';
      case 'section': return 'section';
      case 'tablist': return 'div.tablist';
      case 'heading': return 'h' + Math.min(6, Math.max(1, n.level | 0 || 2));
      case 'button': return 'button';
      case 'tab': return 'tab';
      case 'textbox': return 'field.text';
      case 'select': return 'field.select';
      case 'slider': return 'field.range';
      case 'checkbox': return 'field.checkbox';
      case 'table': return 'table';
      case 'figure': return 'figure';
      default: return n.children && n.children.length ? 'div' : 'p';  // text, and roles yet unknown
    }
  }

  // [SECTION] Elements per role
  function el(tag, className) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    return e;
  }
  function newId() { return 'sem-' + (++domIds); }
  function setText(e, text) { if (e.textContent !== text) e.textContent = text; }
  function setAttr(e, name, value) {
    if (value === null || value === undefined || value === false) { if (e.hasAttribute(name)) e.removeAttribute(name); return; }
    const v = value === true ? 'true' : String(value);
    if (e.getAttribute(name) !== v) e.setAttribute(name, v);
  }
  // Leaves lie exactly over their widget (CSS px of the document, as the app publishes them). Their
  // boxes are rules of one constructed style sheet, a rule per leaf, not style attributes: the page
  // carries no inline style at all (its Content-Security-Policy forbids them in markup, and the site's
  // tests hold the live DOM to that too).
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  Module.pageSheet = sheet;  // web/frame_size.js sizes #sem with it too
  function boxOf(r) {
    if (!r.rule) {
      const cls = 'sem-box' + (++domIds);
      r.el.classList.add(cls);
      r.rule = sheet.cssRules[sheet.insertRule(`#sem .${cls} {}`, sheet.cssRules.length)];
    }
    return r.rule.style;
  }
  function dropBox(r) {
    const i = r.rule ? Array.prototype.indexOf.call(sheet.cssRules, r.rule) : -1;
    if (i >= 0) sheet.deleteRule(i);
  }
  function position(r, n) {
    const g = `${n.x}|${n.y}|${n.w}|${n.h}`;
    if (g === r.geometry) return;
    r.geometry = g;
    const s = boxOf(r);
    s.left = (+n.x || 0) + 'px';
    s.top = (+n.y || 0) + 'px';
    s.width = Math.max(0, +n.w || 0) + 'px';
    s.height = Math.max(0, +n.h || 0) + 'px';
    // A line of text is as tall as its font (ImGui's text height is its font size), so the
    // selection's highlight covers the drawn number; taller boxes are wrapped body text.
    if (r.kind === 'text' || r.kind === 'heading') {
      const h = +n.h || 16;
      s.fontSize = (h <= 40 ? h / 1.2 : 16) + 'px';
      r.el.classList.toggle('sem-wrap', h > 40);
    }
  }

  function make(r, n) {
    const t = r.tag;
    if (['header', 'nav', 'main', 'section', 'div'].includes(t)) {
      r.el = el(t);
      r.kind = 'container';
      if (t === 'main') { r.el.id = 'main'; r.el.tabIndex = -1; }  // the skip link's target
    } else if (t === 'div.tablist') {
      r.el = el('div');
      r.el.setAttribute('role', 'tablist');
      r.kind = 'container';
    } else if (/^h\d$/.test(t)) {
      r.el = el(t, 'sem-leaf sem-text');
      r.el.id = newId();
      r.kind = 'heading';
    } else if (t === 'p') {
      r.el = el('p', 'sem-leaf sem-text');
      r.kind = 'text';
    } else if (t === 'button' || t === 'tab') {
      r.el = r.control = el('button', 'sem-leaf');
      r.el.type = 'button';
      if (t === 'tab') r.el.setAttribute('role', 'tab');
      r.kind = 'button';
    } else if (t.startsWith('field.')) {
      makeField(r, t.slice(6));
    } else if (t === 'table') {
      r.el = el('div', 'sem-leaf sem-table');
      r.kind = 'table';
      r.table = el('table');
      r.el.appendChild(r.table);
    } else if (t === 'figure') {
      r.el = r.control = el('figure', 'sem-leaf');
      r.el.tabIndex = 0;
      r.caption = el('figcaption');
      r.keys = el('p', 'visually-hidden');
      r.keys.textContent = 'Keys: + and - zoom, arrows pan, 0 restores the view; Enter lets the wheel zoom, Escape gives it back.';
      r.data = el('table', 'visually-hidden');
      r.el.append(r.caption, r.keys, r.data);
      r.kind = 'figure';
    }
  }

  // A labelled control in a box over the widget: the label, then the control filling the box, then
  // what describes it (unit and help, error), which the control points at.
  function makeField(r, type) {
    r.kind = 'field';
    r.el = el('div', 'sem-leaf sem-field');
    const label = r.label = el('label', 'visually-hidden');
    const c = r.control = el(type === 'select' ? 'select' : 'input');
    if (type !== 'select') c.type = type;
    if (type === 'text') {
      c.autocomplete = 'off';
      c.spellcheck = false;
      c.setAttribute('autocapitalize', 'off');
    }
    c.id = newId();
    label.htmlFor = c.id;
    r.desc = el('span', 'visually-hidden');
    r.desc.id = newId();
    r.error = el('span', 'visually-hidden');
    r.error.id = newId();
    r.el.append(label, c, r.desc, r.error);
  }

  function update(r, n, seen) {
    const e = r.el;
    if (r.tag === 'div.tablist') return;  // its tabs are placed by its parent's place()
    if (r.kind === 'container') {
      const kids = place(n.children || [], seen);
      if (r.tag === 'nav') setAttr(e, 'aria-label', n.name || 'Views');
      if (r.tag === 'section') {
        // Named by its heading when it has one among its children, else by its own name.
        const heading = (n.children || []).find((c) => c.role === 'heading');
        const h = heading && records.get(heading.id);
        setAttr(e, 'aria-labelledby', h ? h.el.id : null);
        setAttr(e, 'aria-label', h ? null : n.name || null);
      }
      order(e, kids);
      return;
    }
    position(r, n);
    const name = n.name === undefined ? '' : String(n.name);
    switch (r.kind) {
      case 'heading':
      case 'text':
        setText(e, name);
        break;
      case 'button':
        setText(e, name);
        if (r.tag === 'tab') setAttr(e, 'aria-selected', n.selected ? 'true' : 'false');
        else setAttr(e, 'aria-pressed', 'pressed' in n ? (n.pressed ? 'true' : 'false') : null);
        break;
      case 'field': updateField(r, n, name); break;
      case 'table': updateTable(r, n, name); break;
      case 'figure': updateFigure(r, n, name); break;
    }
  }

  function updateField(r, n, name) {
    const c = r.control;
    setText(r.label, name);
    const desc = [n.unit, n.desc].filter(Boolean).join('. ');
    setText(r.desc, desc);
    setText(r.error, n.error || '');
    setAttr(c, 'aria-describedby', [desc ? r.desc.id : '', n.error ? r.error.id : ''].filter(Boolean).join(' ') || null);
    setAttr(c, 'aria-invalid', n.error ? 'true' : null);
    const focused = document.activeElement === c;
    if (c.tagName === 'SELECT') {
      const options = (n.options || []).map(String);
      if (r.options !== options.join('\u0000')) {
        r.options = options.join('\u0000');
        c.replaceChildren(...options.map((o) => { const opt = el('option'); opt.textContent = o; return opt; }));
      }
      if (c.selectedIndex !== (n.index | 0)) c.selectedIndex = n.index | 0;
    } else if (c.type === 'text') {
      // What the user is typing is theirs: the app's copy comes back through 'set' anyway.
      const value = n.value === undefined ? '' : String(n.value);  // (no ?? : Emscripten 3.1.6's acorn predates it)
      if (!focused && c.value !== value) c.value = value;
    } else if (c.type === 'range') {
      setAttr(c, 'min', n.min);
      setAttr(c, 'max', n.max);
      setAttr(c, 'step', n.step > 0 ? n.step : 'any');
      if (n.now !== undefined && c.value !== String(n.now)) c.value = String(n.now);
      setAttr(c, 'aria-valuetext', n.valuetext || null);
    } else if (c.type === 'checkbox') {
      c.checked = !!n.checked;
    }
  }

  function updateTable(r, n, name) {
    const key = JSON.stringify([name, n.header, n.rows]);
    if (r.content === key) return;
    r.content = key;
    const t = r.table;
    const caption = el('caption', 'visually-hidden');
    caption.textContent = name;
    t.replaceChildren(caption, section('thead', n.header ? [n.header] : [], 'th'), section('tbody', n.rows || [], 'td'));
  }

  // Rows of cells; header cells name their column.
  function section(tag, rows, cellTag) {
    const s = el(tag);
    for (const row of rows) {
      const tr = el('tr');
      for (const cell of row) {
        const c = el(cellTag);
        if (cellTag === 'th') c.scope = 'col';
        c.textContent = String(cell);
        tr.appendChild(c);
      }
      s.appendChild(tr);
    }
    return s;
  }

  // A figure: its title and one-sentence summary as the caption, and its data as a table a screen
  // reader can walk (the first rows: a plot's CSV can hold thousands).
  const FIGURE_ROWS = 60;
  function updateFigure(r, n, name) {
    setText(r.caption, [name, n.summary].filter(Boolean).join('. '));
    if (r.csv === n.csv) return;
    r.csv = n.csv;
    const rows = parseCsv(n.csv || '');
    const header = rows.shift() || [];
    const caption = el('caption');
    caption.textContent = rows.length > FIGURE_ROWS
      ? `Data of "${name}": the first ${FIGURE_ROWS} of ${rows.length} rows`
      : `Data of "${name}": ${rows.length} rows`;
    r.data.replaceChildren(caption, section('thead', header.length ? [header] : [], 'th'),
      section('tbody', rows.slice(0, FIGURE_ROWS), 'td'));
  }

  // CSV as the app writes it (RFC 4180: quotes around fields holding commas, quotes or newlines).
  function parseCsv(text) {
    const rows = [];
    let row = [], field = '', quoted = false;
    for (let i = 0; i < text.length; ++i) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (ch === '"') quoted = false; else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { row.push(field); field = ''; }
      else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') ++i;
        row.push(field); field = '';
        if (row.length > 1 || row[0] !== '') rows.push(row);
        row = [];
      } else field += ch;
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  // [SECTION] Actions and focus
  function recordOf(target) {
    for (let e = target; e && e !== root; e = e.parentElement) {
      const r = byElement.get(e);
      if (r) return r;
    }
    return null;
  }
  // click: a button, a tab or a checkbox by Enter, Space or a screen reader's activation (the mouse
  // never reaches them: its clicks are the canvas's); a figure, to take the wheel.
  root.addEventListener('click', (e) => {
    const r = recordOf(e.target);
    if (!r) return;
    if (r.kind === 'button' || (r.kind === 'field' && r.control.type === 'checkbox')) act(r.id, 'press');
    else if (r.kind === 'figure') act(r.id, 'engage');
  });
  root.addEventListener('input', (e) => {
    const r = recordOf(e.target);
    if (r && r.kind === 'field' && (r.control.type === 'text' || r.control.type === 'range')) act(r.id, 'set', r.control.value);
  });
  root.addEventListener('change', (e) => {
    const r = recordOf(e.target);
    if (r && r.kind === 'field' && r.control.tagName === 'SELECT') act(r.id, 'choose', r.control.selectedIndex);
  });
  // The app rings the widget the DOM's focus is on (and scrolls nothing: the browser already
  // brought the focused element into view).
  root.addEventListener('focusin', (e) => {
    const r = recordOf(e.target);
    callApp('scaling_ui_focus', [r ? r.id : '']);
  });
  root.addEventListener('focusout', (e) => {
    if (!e.relatedTarget || !root.contains(e.relatedTarget)) callApp('scaling_ui_focus', ['']);
  });
  // A press on the app (the canvas, or a text over it) is the mouse's or the finger's turn: the
  // overlay's focused control lets go, so keys go back to ImGui. pointerdown, because a touch the
  // app takes is preventDefault-ed and moves no focus by itself.
  document.addEventListener('pointerdown', (e) => {
    const onApp = e.target === Module.canvas || (root.contains(e.target) && !recordOf(e.target));
    const a = document.activeElement;
    if (onApp && a && a !== document.body && root.contains(a)) a.blur();
  }, true);

  // [SECTION] Keys
  // library_glfw.js listens for keys on the window in the capture phase and preventDefaults Tab
  // and Backspace, so Tab would never leave the page's first element and Backspace would never
  // delete in a DOM input. This listener is registered before it (pre-js runs before the runtime
  // sets GLFW up) and keeps from it: Tab always (Tab is the browser's: it moves through the
  // overlay, in DOM order, which is the visual order), and every key whose target is an element of
  // the page rather than the app (a control of the overlay, the skip links), so typing goes to the
  // DOM input only. The event is not cancelled: its default action (typing, activating a button,
  // stepping a slider) still happens. The phone-keyboard editor's own listener (api.js) runs first.
  function keyRoute(e) {
    const t = e.target;
    const onPage = t && t !== document.body && t !== document.documentElement && t !== Module.canvas;
    if (e.key !== 'Tab' && !onPage) return;
    if (e.type === 'keydown' && root.contains(t)) overlayKey(e);
    if (e.type === 'keydown' && e.key === 'Tab' && !onPage) tabFromApp();
    e.stopImmediatePropagation();
  }
  // Tab while the app has the keyboard (a field clicked with the mouse): the DOM's focus first goes
  // to that widget's element (the tree's "focus"), so Tab's default action, which runs after this
  // listener, moves on from there to the next control, not from the top of the page.
  function tabFromApp() {
    const r = lastTree && lastTree.focus ? records.get(lastTree.focus) : null;
    if (r && r.control) r.control.focus({ preventScroll: true });
  }
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, keyRoute, true);

  // A figure takes the wheel with Enter and lets go with Escape, zooms with + and -, pans with the
  // arrows and returns to its automatic view with 0 (the keyboard's way to do what a pinch and a
  // drag do: WCAG 2.1.1); nothing else of the overlay needs keys of its own (buttons, inputs and
  // selects act on theirs natively).
  const FIGURE_KEYS = { '+': '+', '=': '+', '-': '-', '0': '0', ArrowLeft: 'ArrowLeft', ArrowRight: 'ArrowRight',
    ArrowUp: 'ArrowUp', ArrowDown: 'ArrowDown' };
  function overlayKey(e) {
    const r = recordOf(e.target);
    if (!r || r.kind !== 'figure' || e.target !== r.control || e.type !== 'keydown') return;
    if (e.key === 'Enter') { e.preventDefault(); act(r.id, 'engage'); }
    else if (e.key === 'Escape') { e.preventDefault(); act(r.id, 'release'); }
    else if (FIGURE_KEYS[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); act(r.id, 'key', FIGURE_KEYS[e.key]); }
  }

  // [SECTION] Copy
  // Leaves are absolutely placed, side by side in the DOM with nothing between them, so the
  // browser's own copy would run "72.2B" and "params" together. A selection within the overlay is
  // copied as the texts it touches, each as selected, joined by spaces (table cells by tabs).
  document.addEventListener('copy', (e) => {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !e.clipboardData) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = '';
    let lastLeaf = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!range.intersectsNode(t)) continue;
      let text = t.data;
      if (t === range.endContainer) text = text.slice(0, range.endOffset);
      if (t === range.startContainer) text = text.slice(range.startOffset);  // after the end's cut: same offsets
      text = text.trim();
      if (!text) continue;
      const cell = t.parentElement.closest('td, th');
      const leaf = t.parentElement.closest('.sem-leaf');
      if (out) out += cell && lastLeaf === leaf ? (cell.cellIndex === 0 ? '\n' : '\t') : ' ';
      out += text;
      lastLeaf = leaf;
    }
    if (!out) return;
    e.clipboardData.setData('text/plain', out);
    e.preventDefault();
  });

  // [SECTION] Announcements
  // An answer that changes (nodes marked "live") is said once, politely, a second after the last
  // change: while someone types "3.8e25" the answer changes on every key, and only the last is
  // worth hearing. One region for the page, so two answers changing together are said together.
  const ANNOUNCE_AFTER_MS = 1000;
  const liveTexts = new Map();  // live node id -> the text last seen
  const pending = new Map();    // live node id -> its changed text, not yet said
  let announceTimer = 0;
  function announce(seen) {
    records.forEach((r, id) => {
      if (!r.node || !r.node.live) return;
      const text = String(r.node.name || '');
      if (published && liveTexts.has(id) && liveTexts.get(id) !== text) pending.set(id, text);
      liveTexts.set(id, text);
    });
    for (const id of Array.from(liveTexts.keys())) if (!seen.has(id)) liveTexts.delete(id);
    if (!pending.size) return;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      liveRegion.textContent = Array.from(pending.values()).join('. ');
      pending.clear();
    }, ANNOUNCE_AFTER_MS);
  }
})();
