// 长者模式 (elderly mode): applied before the page is drawn, remembered across
// pages, switched by the header button (hidden when JavaScript is off, when
// the site reads as usual). A classic script so it runs before first paint,
// and from file:// too (module scripts do not).
(function () {
  var KEY = 'gongkai-elder';
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage may be off */ }
  if (stored === '1') root.setAttribute('data-mode', 'elder');
  // The search page opened from disk (file://): browsers do not run its module
  // script there, nor let it fetch the index, so instead of "JavaScript is off"
  // it says why and how to serve the site, keeping the query (in the box and in
  // the example address).
  function fromFile() {
    var note = document.getElementById('search-nojs');
    if (!note || window.location.protocol !== 'file:' || !note.getAttribute('data-file')) return;
    var q = new URLSearchParams(window.location.search).get('q') || '';
    var box = document.getElementById('search-q');
    if (box && q) box.value = q;
    var example = 'http://127.0.0.1:1111/search/index.html' + (q ? '?q=' + encodeURIComponent(q) : '');
    var p = document.createElement('p');
    p.textContent = note.getAttribute('data-file') + ' ';
    var code = document.createElement('code');
    code.textContent = example;
    p.appendChild(code);
    note.replaceChildren(p);
    note.classList.add('file-note');
  }

  // A document opened from a search result (?hl=query): each part of the
  // query is marked where the page's article holds it as written, and the
  // first mark (after the #anchor, if any) is scrolled into view.
  function highlight() {
    var q = new URLSearchParams(window.location.search).get('hl');
    var article = document.querySelector('article.document');
    if (!q || !article) return;
    var parts = q.trim().split(/\s+/).filter(function (p) { return p.length > 1 || /[^\x00-\x7f]/.test(p); });
    if (!parts.length) return;
    var escaped = parts.map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var pattern = new RegExp(escaped.join('|'), 'gi');
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      pattern.lastIndex = 0;
      if (pattern.test(walker.currentNode.nodeValue)) nodes.push(walker.currentNode);
    }
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var fragment = document.createDocumentFragment();
      var at = 0;
      var m;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text))) {
        fragment.appendChild(document.createTextNode(text.slice(at, m.index)));
        var mark = document.createElement('mark');
        mark.className = 'hl';
        mark.textContent = m[0];
        fragment.appendChild(mark);
        if (!first) first = mark;
        at = m.index + m[0].length;
      }
      fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
    // Opened at a section (#anchor, from a search result's sections): the
    // first mark from that heading on.
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) {
      var marks = article.querySelectorAll('mark.hl');
      first = null;
      for (var i = 0; i < marks.length && !first; i++) {
        if (target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING) first = marks[i];
      }
      if (!first) { target.scrollIntoView(); return; }
    }
    if (first) first.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fromFile();
    highlight();
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
