/* dibao: mark the search query in an article when the reader arrives from search.
   Contract with search/search.js: a result link to an article page carries the query as typed,
   ?q=<encodeURIComponent(query)>; its words (split at spaces) are marked where they occur
   literally in the headline or the text.  Without the parameter this does nothing. */
(function () {
  'use strict';
  var match = /[?&]q=([^&#]*)/.exec(location.search);
  if (!match) return;
  var query;
  try { query = decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { return; }
  var words = query.split(/\s+/).filter(function (w) { return w.length > 0; });
  var story = document.querySelector('.story');
  if (!words.length || !story) return;
  words.sort(function (a, b) { return b.length - a.length; });  // the longer word wins where two overlap
  var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
  var pattern = new RegExp(escaped.join('|'), 'gi');

  var places = story.querySelectorAll('h1, .story-body p, .story-body h2, .story-body li, .story-body figcaption');
  var marks = [];
  for (var i = 0; i < places.length; i++) markIn(places[i]);
  if (!marks.length) return;

  function markIn(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    nodes.forEach(function (text) {
      var value = text.nodeValue, last = 0, found, pieces = document.createDocumentFragment();
      pattern.lastIndex = 0;
      while ((found = pattern.exec(value)) !== null) {
        pieces.appendChild(document.createTextNode(value.slice(last, found.index)));
        var mark = document.createElement('mark');
        mark.className = 'hit';
        mark.textContent = found[0];
        pieces.appendChild(mark);
        marks.push(mark);
        last = found.index + found[0].length;
      }
      if (last === 0) return;
      pieces.appendChild(document.createTextNode(value.slice(last)));
      text.parentNode.replaceChild(pieces, text);
    });
  }

  // say what is marked, with a way to take the marks off
  var note = document.createElement('p');
  note.className = 'hit-note';
  note.setAttribute('role', 'status');
  note.textContent = '已标出检索词“' + words.join('”“') + '”，共 ' + marks.length + ' 处。';
  var clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = '清除标记';
  clear.addEventListener('click', function () {
    marks.forEach(function (mark) { mark.parentNode.replaceChild(document.createTextNode(mark.textContent), mark); });
    note.parentNode.removeChild(note);
  });
  note.appendChild(clear);
  var body = story.querySelector('.story-body');
  body.parentNode.insertBefore(note, body);
  if (!location.hash) {
    var first = marks[0];
    if (first.closest && first.closest('h1')) return;  // the headline is already in view
    first.scrollIntoView({ block: 'center' });
  }
}());
