// embed-resize.js: optional, for pages that embed the explorer. Each embedded view posts
// {type: 'scaling-explorer:size', height} to its host; this sets the height of the iframe that
// sent it. Only messages from one of the page's own explorer iframes, from the origin that iframe
// was loaded from, of exactly that shape, are used. Include it once: <script src="embed-resize.js"></script>
(function () {
  'use strict';
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'scaling-explorer:size') return;
    if (typeof d.height !== 'number' || !isFinite(d.height) || d.height < 100 || d.height > 10000) return;
    var frames = document.querySelectorAll('iframe.scaling-explorer');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source && new URL(frames[i].src, location.href).origin === e.origin) {
        frames[i].style.height = Math.ceil(d.height) + 'px';
        frames[i].dataset.sized = '1';
      }
    }
  });
})();
