// frame_size.js: how tall the page is (linked with --pre-js, so it sees `Module`). The app reports
// its content height (Platform::report_height, every mode); the DOM layer (#sem) is made that tall,
// so the document scrolls natively over the fixed canvas. Embedded, the host is told too, so it can
// make the iframe as tall as the content: then nothing scrolls inside the iframe, and a wheel or a
// swipe over it scrolls the host page. Hosts speak different dialects; each gets its own:
//   - ours: {type: 'scaling-explorer:size', height}, read by site/embed-resize.js;
//   - LTI (Canvas, and LMSs that copied it): the JSON text {"subject": "lti.frameResize", height};
//   - H5P's resizer (h5p-resizer.js, in Moodle, WordPress and Drupal H5P pages): a handshake, then
//     a resize in two steps. The frame says {context: 'h5p', action: 'hello'}; a host running the
//     resizer answers 'hello'. To resize, the frame sends 'prepareResize' (scrollHeight,
//     clientHeight), the host gets ready (older versions shrink the iframe to 1 px first) and
//     answers 'resizePrepared', and the frame sends 'resize' with its height, which hosts read as
//     scrollHeight (current) or height (older). A host's own 'resize' (its window resized) asks
//     for the whole exchange again.
// Only a number leaves the page, so any origin may read it ('*').
(function () {
  'use strict';
  const embedded = window.parent !== window;
  let height = 0;           // the content height last reported, CSS px
  let h5pHost = false;      // the host answered H5P's hello
  let heightRule = null;    // #sem's height, a rule of the page's constructed sheet

  function post(message) { window.parent.postMessage(message, '*'); }
  function prepareH5pResize() {
    if (h5pHost && height) post({ context: 'h5p', action: 'prepareResize', scrollHeight: height, clientHeight: window.innerHeight });
  }

  Module.reportHeight = function (h) {
    const next = Math.ceil(h);
    if (!(next > 0)) return;
    // A rule, not a style attribute: the page has no inline style (web/semantics.js's sheet).
    if (!heightRule) heightRule = Module.pageSheet.cssRules[Module.pageSheet.insertRule('#sem {}', 0)];
    heightRule.style.height = next + 'px';
    if (next === height) return;
    height = next;
    if (!embedded) return;
    post({ type: 'scaling-explorer:size', height });
    post(JSON.stringify({ subject: 'lti.frameResize', height }));
    prepareH5pResize();
  };

  if (embedded) {
    window.addEventListener('message', (e) => {
      const d = e.data;
      if (e.source !== window.parent || !d || typeof d !== 'object' || d.context !== 'h5p') return;
      if (d.action === 'hello') { h5pHost = true; prepareH5pResize(); }
      else if (d.action === 'resizePrepared' && height) post({ context: 'h5p', action: 'resize', scrollHeight: height, height });
      else if (d.action === 'resize') prepareH5pResize();
    });
    post({ context: 'h5p', action: 'hello' });
  }
})();
