// boot.js: the Module object Emscripten's index.js picks up, the loading screen, context loss and
// the service worker (web/shell.html). A file, not an inline script, so the page's
// Content-Security-Policy can allow only the site's own scripts.
var Module = {
  canvas: document.getElementById('canvas'),
  print: function (text) { console.log(text); },
  printErr: function (text) { console.error(text); },
  setStatus: function (text) {
    var m = text && text.match(/\((\d+(\.\d+)?)\/(\d+)\)/);
    var p = document.getElementById('progress');
    if (m) { p.value = +m[1]; p.max = +m[3]; }
  },
  // The loading screen leaves the page, and so the accessibility tree, with the first frame: a
  // status still saying "Loading" after load would be announced to a screen reader's user.
  onFirstFrame: function () {
    performance.mark('scaling-first-frame');
    document.getElementById('loading').hidden = true;
    document.documentElement.dataset.ready = '1';
  },
  onAbort: function (what) {
    var s = document.getElementById('status');
    s.className = 'error';
    s.textContent = 'Scaling Explorer stopped: ' + what + '. Reload the page to start again.';
    document.getElementById('loading').hidden = false;
  }
};
// WebGL context loss (a GPU reset, a backgrounded tab on a phone): the state lives in the URL and
// the saved work in localStorage, so when the browser restores the context the page reloads into
// exactly what was on screen, rather than drawing nothing.
Module.canvas.addEventListener('webglcontextlost', function (e) {
  e.preventDefault();
  var s = document.getElementById('status');
  s.textContent = 'The graphics context was lost; restoring…';
  document.getElementById('loading').hidden = false;
}, false);
Module.canvas.addEventListener('webglcontextrestored', function () { location.reload(); }, false);
// Offline after the first visit (sw.js); not from file://, where service workers do not exist.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('offline support unavailable:', e.message); });
}
// No browser context menu over the canvas (right-drag is the app's; the menu would cover it).
Module.canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
