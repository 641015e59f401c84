/* dibao: the reader's choices and small aids.  Every page works without this file: colours
   follow the system, text has its default size, the citation can be selected by hand. */
(function () {
  'use strict';
  var root = document.documentElement;

  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }

  // light/dark: the system's choice until the reader picks one; the pick is kept for every page
  var themeButton = document.getElementById('theme-toggle');
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function isDark() {
    var chosen = root.getAttribute('data-theme');
    return chosen ? chosen === 'dark' : !!(systemDark && systemDark.matches);
  }
  function showTheme() { themeButton.setAttribute('aria-pressed', String(isDark())); }
  if (themeButton) {
    showTheme();
    themeButton.addEventListener('click', function () {
      var theme = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', theme);
      remember('dibao-theme', theme);
      showTheme();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener('change', showTheme);
  }

  // text size 小/中/大 (articles)
  var sizeGroup = document.querySelector('.size-choice');
  if (sizeGroup) {
    var choices = sizeGroup.querySelectorAll('button[data-size-choice]');
    var showSize = function () {
      var size = root.getAttribute('data-size') || 'm';
      for (var i = 0; i < choices.length; i++) {
        choices[i].setAttribute('aria-pressed', String(choices[i].getAttribute('data-size-choice') === size));
      }
    };
    showSize();
    sizeGroup.addEventListener('click', function (event) {
      var size = event.target.getAttribute && event.target.getAttribute('data-size-choice');
      if (!size) return;
      if (size === 'm') root.removeAttribute('data-size'); else root.setAttribute('data-size', size);
      remember('dibao-size', size);
      showSize();
    });
  }

  // "/" focuses the search box, as on many sites; not while typing in a field
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var box = document.querySelector('main input[type=search]') || document.querySelector('input[type=search]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // copy the citation with the page's permanent address
  var copyButton = document.querySelector('.copy-cite');
  if (copyButton) {
    var status = copyButton.parentNode.querySelector('.copy-status');
    var canonical = document.querySelector('link[rel=canonical]');
    var address = canonical ? canonical.href : location.href.split(/[?#]/)[0];
    var text = document.getElementById(copyButton.getAttribute('data-copy')).textContent.trim() + ' ' + address;
    var done = function (ok) {
      status.textContent = ok ? '已复制' : '复制失败，请手动选择文字';
      setTimeout(function () { status.textContent = ''; }, 3000);
    };
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    };
    copyButton.addEventListener('click', function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  }

  // the archive's date picker: to the month's page, at the date's cell (the nearest month that has papers)
  var jump = document.querySelector('form.date-jump');
  if (jump) {
    jump.addEventListener('submit', function (event) {
      var value = jump.querySelector('input[type=date]').value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
      event.preventDefault();
      var months = jump.getAttribute('data-months').split(' ');
      var wanted = value.slice(0, 7), month = months[0];
      for (var i = 0; i < months.length; i++) { if (months[i] <= wanted) month = months[i]; }
      location.href = jump.getAttribute('data-base') + month.replace('-', '/') + '.html' +
        (month === wanted ? '#d-' + value : '');
    });
  }

  // a filter by paper, where the archive holds more than one: kept in the address (?paper=…)
  var filter = document.querySelector('.paper-filter');
  if (filter) {
    var chips = filter.querySelectorAll('button[data-paper-choice]');
    var choose = function (paper) {
      var items = document.querySelectorAll('[data-paper]');
      for (var i = 0; i < items.length; i++) {
        items[i].classList.toggle('unchosen', !!paper && items[i].getAttribute('data-paper') !== paper);
      }
      for (var j = 0; j < chips.length; j++) {
        chips[j].setAttribute('aria-pressed', String(chips[j].getAttribute('data-paper-choice') === paper));
      }
    };
    var given = (location.search.match(/[?&]paper=([a-z0-9-]+)/) || [])[1] || '';
    if (given) choose(given);
    filter.addEventListener('click', function (event) {
      var paper = event.target.getAttribute && event.target.getAttribute('data-paper-choice');
      if (paper === null || paper === undefined) return;
      choose(paper);
      if (window.history && history.replaceState) {
        history.replaceState(null, '', location.pathname + (paper ? '?paper=' + paper : '') + location.hash);
      }
    });
  }
}());
