/* Gongshi search: runs in the browser against the static index in sousuo/i/ (see SearchIndex.swift). */
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  if (!app) { return; }
  var buckets = parseInt(app.getAttribute('data-buckets'), 10);
  var cap = parseInt(app.getAttribute('data-cap'), 10);
  var indexBase = app.getAttribute('data-index');
  var siteRoot = app.getAttribute('data-root');
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('results');
  var COMMON = '有限公司责任集团股份科技贸易商行店厂区市县省山东淄博周村经营部中心';
  var MAX_FETCHES = 3, MAX_SHOWN = 100;
  var cache = {};

  function bucketOf(token) {
    var bytes = new TextEncoder().encode(token), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h % buckets;
  }
  function normalize(q) { return q.toUpperCase().replace(/\s+/g, ''); }
  function isCode(q) { return /^[0-9A-Z]{4,18}$/.test(q); }
  function tokensOf(q) {
    var chars = Array.from(q), out = [], seen = {};
    var n = isCode(q) ? 4 : 2, prefix = isCode(q) ? '#' : '';
    for (var i = 0; i + n <= chars.length; i++) {
      var t = prefix + chars.slice(i, i + n).join('');
      if (!seen[t]) { seen[t] = true; out.push(t); }
    }
    if (!isCode(q)) {
      // Try first the tokens made of the rarest characters.
      var score = function (t) { var s = 0; Array.from(t).forEach(function (c) { if (COMMON.indexOf(c) >= 0) { s++; } }); return s; };
      out = out.map(function (t, i) { return [score(t), i, t]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (x) { return x[2]; });
    } else {
      out.reverse(); // the end of a code is its least shared part
    }
    return out;
  }
  function fetchBucket(b) {
    if (!cache[b]) {
      cache[b] = fetch(indexBase + b + '.json').then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
    }
    return cache[b];
  }
  function say(text) { status.textContent = text; }

  function search(raw) {
    var q = normalize(raw);
    results.textContent = '';
    if (!q) { say(''); return; }
    if (Array.from(q).length < 2) { say('请至少输入两个字，或统一社会信用代码中连续的至少四位。'); return; }
    var code = isCode(q), tokens = tokensOf(q);
    if (tokens.length === 0) { say('请输入统一社会信用代码中连续的至少四位。'); return; }
    say('正在查询…');
    var found = {}, complete = false, tried = 0;
    function step() {
      if (tried >= Math.min(MAX_FETCHES, tokens.length) || complete) { return Promise.resolve(); }
      var token = tokens[tried++];
      return fetchBucket(bucketOf(token)).then(function (data) {
        var entry = data.t[token];
        if (!entry) { complete = true; found = {}; return; } // a token nobody has: no match at all
        var total = entry[0], ids = entry[1];
        var matches = {};
        ids.forEach(function (i) {
          var d = data.d[i];
          var hay = code ? d[1] : normalize(d[0]);
          if (hay.indexOf(q) >= 0) { matches[d[2]] = d; }
        });
        if (total <= cap) { complete = true; found = matches; return; }
        Object.keys(matches).forEach(function (k) { found[k] = matches[k]; });
        return step();
      });
    }
    step().then(function () {
      var list = Object.keys(found).map(function (k) { return found[k]; })
        .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
      show(list, q, complete, code);
    }).catch(function () { say('查询失败：无法读取搜索索引，请稍后再试。'); });
  }

  function highlight(el, text, q, code) {
    var hay = code ? text : text.toUpperCase(), at = hay.indexOf(q);
    if (at < 0 || !q) { el.appendChild(document.createTextNode(text)); return; }
    el.appendChild(document.createTextNode(text.slice(0, at)));
    var m = document.createElement('mark');
    m.textContent = text.slice(at, at + q.length);
    el.appendChild(m);
    el.appendChild(document.createTextNode(text.slice(at + q.length)));
  }

  function show(list, q, complete, code) {
    results.textContent = '';
    if (list.length === 0) { say('没有找到名称或统一社会信用代码包含“' + q + '”的主体。'); return; }
    var shown = list.slice(0, MAX_SHOWN);
    var more = !complete || list.length > MAX_SHOWN;
    say(more ? '结果较多，显示前 ' + shown.length + ' 个主体，请输入更完整的名称或代码缩小范围。'
             : '找到 ' + list.length + ' 个主体。');
    var ul = document.createElement('ul');
    ul.className = 'results';
    shown.forEach(function (d) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = siteRoot + d[2];
      if (code) { a.textContent = d[0]; } else { highlight(a, d[0], q, false); }
      li.appendChild(a);
      if (d[1]) {
        var c = document.createElement('span');
        c.className = 'doc-no code';
        if (code) { highlight(c, d[1], q, true); } else { c.textContent = d[1]; }
        li.appendChild(c);
      }
      if (d[3]) {
        var s = document.createElement('span');
        s.className = 'doc-no';
        s.textContent = d[3];
        li.appendChild(s);
      }
      ul.appendChild(li);
    });
    results.appendChild(ul);
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = input.value;
    if (window.history && history.replaceState) {
      history.replaceState(null, '', '?q=' + encodeURIComponent(q));
    }
    search(q);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();
