// 长者模式 (elderly mode): applied before the page is drawn, remembered across
// pages, switched by the header button (hidden when JavaScript is off, when
// the site reads as usual). A classic script so it runs before first paint.
(function () {
  var KEY = 'gongkai-elder';
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage may be off */ }
  if (stored === '1') root.setAttribute('data-mode', 'elder');
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('elder-toggle');
    if (!button) return;
    var sync = function () {
      button.setAttribute('aria-pressed', root.getAttribute('data-mode') === 'elder' ? 'true' : 'false');
    };
    button.hidden = false;
    sync();
    button.addEventListener('click', function () {
      var on = root.getAttribute('data-mode') !== 'elder';
      if (on) root.setAttribute('data-mode', 'elder'); else root.removeAttribute('data-mode');
      try { window.localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) { /* the mode still applies to this page */ }
      sync();
    });
  });
}());
