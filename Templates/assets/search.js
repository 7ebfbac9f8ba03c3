/* Gongshi search: runs in the browser against the static index in sousuo/i/ (see SearchIndex.swift). */
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  if (!app) { return; }
  var buckets = parseInt(app.getAttribute('data-buckets'), 10);
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
  // The same folding as SearchTokens.swift: full-width ASCII and the ideographic space to half-width,
  // upper case, no white space nor variation selector; document numbers also write every year bracket
  // as 〔〕. Tokens are of code points (Array.from), as Swift's are.
  function normalize(q) {
    return q.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\u3000/g, ' ').replace(/[a-z]/g, function (c) { return c.toUpperCase(); }).replace(/[\s\u200B\uFEFF\uFE00-\uFE0F]+|\uDB40[\uDD00-\uDDEF]/g, '');
  }
  function normalizeDocument(q) {
    return normalize(q).replace(/[\[【(〔]/g, '〔').replace(/[\]】)〕]/g, '〕');
  }
  function isCode(q) { return /^[0-9A-Z]{4,18}$/.test(q); }
  function looksLikeDocument(q) { return /[0-9〔〕\[\]【】()号]/.test(q); }
  function grams(q, n, prefix) {
    var chars = Array.from(q), out = [], seen = {};
    for (var i = 0; i + n <= chars.length; i++) {
      var t = prefix + chars.slice(i, i + n).join('');
      if (!seen[t]) { seen[t] = true; out.push(t); }
    }
    return out;
  }
  // A number's tokens: the whole number; then its first four characters (the authority's abbreviation:
  // a prefix typed alone, 周市监处罚〔2026〕, is found whole when that authority has few numbers) and
  // its last four (the least shared part of a whole number); then the rest from the end.
  function documentTokens(doc) {
    var g = grams(doc, 4, '%');
    var order = g.length > 2 ? [g[0], g[g.length - 1]].concat(g.slice(1, -1).reverse()) : g.reverse();
    return ['=' + doc].concat(order);
  }
  // The index families a query is looked up in, most likely first. Each has its tokens (best first)
  // and the text its documents are matched against.
  function familiesOf(raw) {
    var q = normalize(raw), doc = normalizeDocument(raw), families = [];
    var docLength = Array.from(doc).length;
    // Three characters are a number's authority part (周环罚) when followed by its year bracket.
    var docs = docLength >= 4 || (docLength === 3 && !looksLikeDocument(q))
      ? { tokens: docLength >= 4 ? documentTokens(doc) : ['%' + doc + '〔'], q: doc, hay: function (d) { return normalizeDocument(d[0]); }, fold: normalizeDocument, code: false }
      : null;
    // A 组织机构代码 is indexed without its hyphen (59467239-9 → 594672399).
    var code = /^[0-9A-Z]{8}-[0-9A-Z]$/.test(q) ? q.replace('-', '') : q;
    if (isCode(code)) {
      // The end of a code is its least shared part.
      families.push({ tokens: grams(code, 4, '#').reverse(), q: code, hay: function (d) { return d[1]; }, fold: normalize, code: true });
      // A code-like query may also be a licence number (JY2370306…): looked up only when no code has it.
      if (docs) { docs.onlyIfNothingYet = true; families.push(docs); }
      return families;
    }
    // Try first the tokens made of the rarest characters.
    var score = function (t) { var s = 0; Array.from(t).forEach(function (c) { if (COMMON.indexOf(c) >= 0) { s++; } }); return s; };
    var names = { tokens: grams(q, 2, '').map(function (t, i) { return [score(t), i, t]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (x) { return x[2]; }),
      q: q, hay: function (d) { return normalize(d[0]); }, fold: normalize, code: false };
    // A number is searched only when the query looks like one (digits, brackets or 号): a name query
    // then costs no fetch of the number index.
    if (docs && looksLikeDocument(q)) { families.push(docs); }
    families.push(names);
    // A number's authority part alone (周市监处罚) is looked up among numbers when no name has it.
    if (docs && !looksLikeDocument(q)) { docs.onlyIfNothingYet = true; families.push(docs); }
    return families;
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
    if (Array.from(q).length < 2) { say('请至少输入两个字，或统一社会信用代码、决定书文号中连续的至少四位。'); return; }
    var families = familiesOf(raw).filter(function (f) { return f.tokens.length > 0; });
    if (families.length === 0) { say('请输入统一社会信用代码中连续的至少四位。'); return; }
    say('正在查询…');
    var found = {}, incomplete = false, fetches = 0;
    // Looks a family up token by token: a token nobody has means no match in this family; a token
    // with all its postings holds every match; otherwise keep its matches and try the
    // next token. At most MAX_FETCHES bucket files per query, whatever the families.
    function lookup(f, t) {
      if (t >= f.tokens.length || fetches >= MAX_FETCHES) { incomplete = incomplete || t > 0; return Promise.resolve(); }
      var token = f.tokens[t];
      fetches++;
      return fetchBucket(bucketOf(token)).then(function (data) {
        var entry = data.t[token];
        // No document has this token: no match in this family — unless it was the whole number,
        // which may still be a fragment of longer numbers.
        if (!entry) { return token.charAt(0) === '=' ? lookup(f, t + 1) : undefined; }
        var total = entry[0];
        entry[1].forEach(function (i) {
          var d = data.d[i];
          if (f.hay(d).indexOf(f.q) >= 0) { found[d[2]] = { d: d, f: f }; }
        });
        // Complete when the bucket kept every posting of the token (number tokens keep fewer than names).
        if (entry[1].length >= total || token.charAt(0) === '=') { return; }
        return lookup(f, t + 1);
      });
    }
    var chain = Promise.resolve();
    families.forEach(function (f) {
      chain = chain.then(function () { return f.onlyIfNothingYet && Object.keys(found).length > 0 ? undefined : lookup(f, 0); });
    });
    chain.then(function () {
      var list = Object.keys(found).map(function (k) { return found[k]; })
        .sort(function (a, b) {
          // Numbers: the shortest first (周市监罚〔2026〕12号 before …123号); names alphabetically.
          var byLength = a.f.code === false && a.f.fold === normalizeDocument && b.f === a.f ? a.d[0].length - b.d[0].length : 0;
          return byLength || (a.d[0] < b.d[0] ? -1 : a.d[0] > b.d[0] ? 1 : 0);
        });
      show(list, q, !incomplete);
    }).catch(function () { say('查询失败：无法读取搜索索引，请稍后再试。'); });
  }

  // Marks the first match of q in text, comparing folded text (fold: normalize or normalizeDocument)
  // but marking the characters as written.
  function highlight(el, text, q, fold) {
    var chars = Array.from(text), hay = '', from = [];
    chars.forEach(function (c, i) { var f = fold(c); for (var k = 0; k < f.length; k++) { hay += f[k]; from.push(i); } });
    var at = q ? hay.indexOf(q) : -1;
    if (at < 0) { el.appendChild(document.createTextNode(text)); return; }
    var start = from[at], end = from[at + q.length - 1] + 1;
    el.appendChild(document.createTextNode(chars.slice(0, start).join('')));
    var m = document.createElement('mark');
    m.textContent = chars.slice(start, end).join('');
    el.appendChild(m);
    el.appendChild(document.createTextNode(chars.slice(end).join('')));
  }

  function show(list, q, complete) {
    results.textContent = '';
    if (list.length === 0) {
      // Only part of the index was read: matches may exist among the many that share these characters.
      if (!complete) { say('查询的字符过于常见，未能找出结果：请输入更完整的名称、统一社会信用代码或决定书文号。'); return; }
      // Numbers are indexed by four characters: fewer can only be looked up as a name (or, for three,
      // as an authority's part before its year bracket), so a number may still contain them.
      var short = Array.from(normalizeDocument(q)).length < 4;
      say(short ? '没有找到名称包含“' + q + '”的主体。决定书文号请至少输入连续的四个字符，例如“〔2026〕3”。'
        : '没有找到名称、统一社会信用代码或决定书文号包含“' + q + '”的信息。');
      return;
    }
    var shown = list.slice(0, MAX_SHOWN);
    say(list.length > MAX_SHOWN ? '结果较多，显示前 ' + shown.length + ' 条，请输入更完整的名称、代码或文号缩小范围。'
      : !complete ? '找到 ' + list.length + ' 条，可能还有更多：请输入更完整的名称、代码或文号。'
      : '找到 ' + list.length + ' 条。');
    var ul = document.createElement('ul');
    ul.className = 'results';
    shown.forEach(function (hit) {
      var d = hit.d, f = hit.f;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = siteRoot + d[2];
      if (f.code) { a.textContent = d[0]; } else { highlight(a, d[0], f.q, f.fold); }
      li.appendChild(a);
      if (d[1]) {
        var c = document.createElement('span');
        c.className = 'doc-no code';
        if (f.code) { highlight(c, d[1], f.q, normalize); } else { c.textContent = d[1]; }
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
