/* Gongshi listing filters: a progressive enhancement of /xzxk/, /xzcf/ and the department pages.
   Reads the shard index (…/shaixuan/index.json, see FilterShards.swift), computes the exact count of
   any filter from it, and fetches only the shards (one department, one month of decisions) that hold
   the page of results shown. Without script the page is the plain paginated listing. */
(function () {
  'use strict';
  var app = document.getElementById('filter-app');
  if (!app || !window.fetch || !window.Promise) { return; }
  var root = app.getAttribute('data-root');
  var sources = app.getAttribute('data-sources').split(' ').filter(Boolean);
  var fixedDept = app.getAttribute('data-department') || '';
  var pageSize = parseInt(app.getAttribute('data-page-size'), 10) || 50;
  var form = document.getElementById('filter-form');
  var status = document.getElementById('filter-status');
  var results = document.getElementById('filter-results');
  var staticList = document.getElementById('listing-static');
  var KIND_TITLES = { xzxk: '行政许可', xzcf: '行政处罚' };
  var PARAMS = ['zhonglei', 'bumen', 'leibie', 'yanzhong', 'yue', 'paixu', 'ye'];
  var metas = [], deptNames = {}, cache = {}, serial = 0;

  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
    }
    return cache[url];
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function addOptions(select, values, label) {
    values.forEach(function (v) {
      var o = el('option', '', label ? label(v) : v);
      o.value = v;
      select.appendChild(o);
    });
    var field = select.parentNode;
    field.hidden = values.length === 0;
  }
  function unique(list) {
    var seen = {}, out = [];
    list.forEach(function (v) { if (!seen[v]) { seen[v] = true; out.push(v); } });
    return out;
  }
  function monthLabel(m) { return m.slice(0, 4) + '年' + parseInt(m.slice(5), 10) + '月'; }

  function init(loaded) {
    metas = loaded;
    var depts = [], cats = [], sevs = [], months = [], kinds = [];
    metas.forEach(function (m) {
      m.departments.forEach(function (d) { deptNames[d[0]] = d[1]; depts.push(d[0]); });
      // Offer only what this page's records have: a department page its own categories and months.
      var mine = m.shards.filter(function (s) { return !fixedDept || m.departments[s[0]][0] === fixedDept; });
      mine.forEach(function (s) {
        months.push(s[1]);
        s[2].forEach(function (pair) {
          var c = m.combos[pair[0]];
          c[0].forEach(function (i) { cats.push(m.categories[i]); });
          if (c[1] >= 0) { sevs.push(m.severities[c[1]]); }
        });
      });
      if (mine.length > 0) { kinds.push(m.kind); }
    });
    addOptions(form.elements.zhonglei, kinds.length > 1 ? kinds : [], function (k) { return KIND_TITLES[k] || k; });
    addOptions(form.elements.bumen, fixedDept ? [] : unique(depts), function (c) { return deptNames[c]; });
    addOptions(form.elements.leibie, unique(cats).sort(function (a, b) {
      return (a === '未注明') - (b === '未注明') || (a < b ? -1 : a > b ? 1 : 0);
    }));
    var order = ['严重', '一般', '轻微'];
    addOptions(form.elements.yanzhong, unique(sevs).sort(function (a, b) {
      var x = order.indexOf(a), y = order.indexOf(b);
      return (x < 0 ? 9 : x) - (y < 0 ? 9 : y) || (a < b ? -1 : a > b ? 1 : 0);
    }));
    addOptions(form.elements.yue, unique(months).sort().reverse(), monthLabel);
    var params = new URLSearchParams(window.location.search);
    PARAMS.forEach(function (p) {
      var f = form.elements[p], v = params.get(p);
      if (f && v !== null && Array.prototype.some.call(f.options, function (o) { return o.value === v; })) { f.value = v; }
    });
    app.hidden = false;
    form.addEventListener('change', function () { apply(1, false); });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(1, false); });
    form.addEventListener('reset', function () { setTimeout(function () { apply(1, false); }, 0); });
    apply(parseInt(params.get('ye'), 10) || 1, false);
  }

  function state() {
    var s = {};
    PARAMS.forEach(function (p) { if (form.elements[p]) { s[p] = form.elements[p].value; } });
    return s;
  }
  function remember(s, page) {
    if (!window.history || !history.replaceState) { return; }
    var q = new URLSearchParams();
    PARAMS.forEach(function (p) { if (s[p]) { q.set(p, s[p]); } });
    if (page > 1) { q.set('ye', String(page)); }
    var text = q.toString();
    history.replaceState(null, '', window.location.pathname + (text ? '?' + text : ''));
  }

  // Every shard that holds a matching record, with how many: read from the index alone.
  function matchingShards(s) {
    var out = [];
    metas.forEach(function (m) {
      if (s.zhonglei && m.kind !== s.zhonglei) { return; }
      var combos = m.combos.map(function (c) {
        var catOK = !s.leibie || c[0].some(function (i) { return m.categories[i] === s.leibie; });
        var sevOK = !s.yanzhong || (c[1] >= 0 && m.severities[c[1]] === s.yanzhong);
        return catOK && sevOK;
      });
      m.shards.forEach(function (sh) {
        var dept = m.departments[sh[0]][0];
        if ((fixedDept || s.bumen) && dept !== (fixedDept || s.bumen)) { return; }
        if (s.yue && sh[1] !== s.yue) { return; }
        var n = 0;
        sh[2].forEach(function (pair) { if (combos[pair[0]]) { n += pair[1]; } });
        if (n > 0) { out.push({ meta: m, combos: combos, dept: dept, month: sh[1], count: n }); }
      });
    });
    return out;
  }

  function apply(page, focus) {
    var s = state();
    var active = PARAMS.some(function (p) { return p !== 'ye' && s[p]; });
    var mine = ++serial;
    if (!active) {
      results.textContent = '';
      staticList.hidden = false;
      status.textContent = '';
      remember(s, 1);
      return;
    }
    var asc = s.paixu === 'asc';
    var shards = matchingShards(s);
    var total = shards.reduce(function (a, x) { return a + x.count; }, 0);
    var pages = Math.max(1, Math.ceil(total / pageSize));
    page = Math.min(Math.max(1, page), pages);
    remember(s, page);
    staticList.hidden = true;
    if (total === 0) {
      results.textContent = '';
      status.textContent = '没有符合条件的决定。';
      return;
    }
    // Months in display order, each with its shards and count; the page's rows lie in a few months.
    var byMonth = {};
    shards.forEach(function (x) { (byMonth[x.month] = byMonth[x.month] || []).push(x); });
    var months = Object.keys(byMonth).sort();
    if (!asc) { months.reverse(); }
    var from = (page - 1) * pageSize, to = from + pageSize, seen = 0, needed = [], skip = 0;
    months.forEach(function (m) {
      var n = byMonth[m].reduce(function (a, x) { return a + x.count; }, 0);
      if (seen + n > from && seen < to) {
        if (needed.length === 0) { skip = from - seen; }
        needed.push(m);
      }
      seen += n;
    });
    status.textContent = '正在读取…';
    Promise.all(needed.map(function (m) {
      return Promise.all(byMonth[m].map(function (x) {
        return getJSON(x.meta.base + x.dept + '/' + m + '.json').then(function (rows) {
          return rows.filter(function (r) { return x.combos[r[7]]; }).map(function (r) { return { r: r, kind: x.meta.kind, dept: x.dept }; });
        });
      })).then(function (lists) {
        var rows = [].concat.apply([], lists);
        rows.sort(function (a, b) {
          if (a.r[5] !== b.r[5]) { return (a.r[5] < b.r[5]) === asc ? -1 : 1; }
          var ka = a.kind + '/' + a.r[0], kb = b.kind + '/' + b.r[0];
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        return rows;
      });
    })).then(function (lists) {
      if (mine !== serial) { return; }
      var rows = [].concat.apply([], lists).slice(skip, skip + pageSize);
      show(rows, page, pages, total, asc, focus);
    }).catch(function () {
      if (mine !== serial) { return; }
      status.textContent = '筛选失败：无法读取筛选数据，请稍后再试，或使用下方的完整列表。';
      staticList.hidden = false;
    });
  }

  function show(rows, page, pages, total, asc, focus) {
    results.textContent = '';
    status.textContent = '共 ' + total + ' 条符合条件的决定，按决定日期从' + (asc ? '旧到新' : '新到旧') + '排列' +
      (pages > 1 ? '，第 ' + page + ' 页，共 ' + pages + ' 页。' : '。');
    var box = el('div', 'table-scroll');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', '筛选结果');
    box.tabIndex = 0;
    var table = el('table', 'records');
    var head = el('thead'), tr = el('tr');
    ['行政相对人', '决定', '决定日期', '公示日期', '公示部门'].forEach(function (h, i) {
      var th = el('th', i === 2 || i === 3 ? 'nowrap' : (i === 4 ? 'c-dept' : ''), h);
      th.scope = 'col';
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (x) {
      var r = x.r, row = el('tr');
      var who = el('td', 'c-entity'), a = el('a', '', r[1]);
      a.href = root + x.kind + '/' + r[0] + '/';
      who.appendChild(a);
      if (r[8]) { who.appendChild(document.createTextNode(' ')); who.appendChild(el('span', 'badge badge-objection', '异议处理中')); }
      if (r[2]) { who.appendChild(el('span', 'doc-no code', r[2])); }
      row.appendChild(who);
      var what = el('td', 'c-title');
      what.appendChild(el('span', 'badge badge-kind kind-tag', KIND_TITLES[x.kind] || x.kind));
      what.appendChild(document.createTextNode(r[3]));
      what.appendChild(el('span', 'doc-no', r[4]));
      row.appendChild(what);
      row.appendChild(el('td', 'c-date nowrap', r[5]));
      row.appendChild(el('td', 'c-published nowrap', r[6]));
      var dept = el('td', 'c-dept'), da = el('a', '', deptNames[x.dept] || x.dept);
      da.href = root + 'bumen/' + x.dept + '/';
      dept.appendChild(da);
      row.appendChild(dept);
      body.appendChild(row);
    });
    table.appendChild(body);
    box.appendChild(table);
    results.appendChild(box);
    if (pages > 1) {
      var nav = el('nav', 'pager');
      nav.setAttribute('aria-label', '筛选结果分页');
      var ul = el('ul');
      [[page - 1, '上一页', page > 1], [page + 1, '下一页', page < pages]].forEach(function (b) {
        if (!b[2]) { return; }
        var li = el('li'), button = el('button', 'pager-button', b[1]);
        button.type = 'button';
        button.addEventListener('click', function () { apply(b[0], true); });
        li.appendChild(button);
        ul.appendChild(li);
      });
      nav.appendChild(ul);
      nav.appendChild(el('p', 'muted', '第 ' + page + ' 页，共 ' + pages + ' 页'));
      results.appendChild(nav);
    }
    if (focus) { box.focus(); }
  }

  Promise.all(sources.map(function (src) {
    return getJSON(src + 'index.json').then(function (m) { m.base = src; return m; });
  })).then(init).catch(function () { /* no index: the plain listing stays, as without script */ });
})();
