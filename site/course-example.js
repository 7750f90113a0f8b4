// course-example.js: lets the example course page embed an explorer served from another origin, as a
// real course page on an LMS would: course-example.html?explorer=https://host/path/ points every
// iframe.scaling-explorer at that folder (same query, same view). Without the parameter the page
// embeds the explorer beside it. A file, not inline script, so the page keeps working under a
// Content-Security-Policy that forbids inline script. Only http(s) addresses are taken: anything
// else (javascript:, data:) is ignored and the same-folder default stays.
(function () {
  'use strict';
  var given = new URLSearchParams(location.search).get('explorer');
  if (!given) return;
  var base;
  try { base = new URL(given, location.href); } catch (e) { return; }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return;
  var frames = document.querySelectorAll('iframe.scaling-explorer');
  for (var i = 0; i < frames.length; i++) {
    // The written src is relative ("index.html?embed=1&..."): resolve it against the given folder.
    frames[i].src = new URL(frames[i].getAttribute('src'), base).href;
  }
})();
