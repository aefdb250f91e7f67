/* Alarm centre and family page: live updates over server-sent events, readings and statistics charts. */
(function () {
  'use strict';

  function refresh(container, url) {
    return fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html == null) return;
        var tmp = document.createElement('div');
        tmp.innerHTML = html.trim();
        var fresh = tmp.firstElementChild;
        var old = container.firstElementChild;
        if (fresh && old) {
          container.replaceChild(fresh, old);
          if (window.htmx) window.htmx.process(fresh);
        }
        document.dispatchEvent(new CustomEvent('jujia:alarms-refreshed'));
      });
  }

  /** Subscribes to the alarm stream; calls onAlarm(data) for every change. */
  function live(streamUrl, onAlarm) {
    var state = document.getElementById('live-state');
    var es = new EventSource(streamUrl);
    es.addEventListener('hello', function () { if (state) state.setAttribute('data-state', 'live'); });
    es.addEventListener('alarm', function (e) {
      var data = {};
      try { data = JSON.parse(e.data); } catch (ignored) { /* keep going */ }
      onAlarm(data);
    });
    es.onerror = function () { if (state) state.setAttribute('data-state', 'reconnecting'); };
    window.addEventListener('beforeunload', function () { es.close(); });
    return es;
  }

  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // ---------------------------------------------------------------- board and family page
  ['alarm-board', 'family-feed'].forEach(function (id) {
    var el = document.getElementById(id);
    if (!el) return;
    var update = debounce(function () { refresh(el, el.getAttribute('data-refresh')); }, 150);
    live(el.getAttribute('data-stream'), update);
  });

  // ages on the board tick every second
  function tickAges() {
    var now = Date.now();
    document.querySelectorAll('tr.alarm-row[data-raised]').forEach(function (row) {
      var cell = row.querySelector('.age');
      var s = Math.max(0, Math.floor((now - Number(row.getAttribute('data-raised'))) / 1000));
      if (!cell) return;
      cell.textContent = s < 60 ? s + 's' : s < 3600 ? Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's'
        : s < 86400 ? Math.floor(s / 3600) + 'h' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + 'm' : Math.floor(s / 86400) + 'd';
    });
  }
  if (document.getElementById('alarm-board')) setInterval(tickAges, 1000);

  // ---------------------------------------------------------------- one alarm
  var detail = document.getElementById('alarm-detail');
  if (detail) {
    var myId = Number(detail.getAttribute('data-id'));
    var update = debounce(function () { refresh(detail, detail.getAttribute('data-refresh')); }, 150);
    live(detail.getAttribute('data-stream'), function (data) { if (data.id === myId) update(); });
  }

  // ---------------------------------------------------------------- charts
  function withEcharts(src, cb) {
    if (window.echarts) { cb(); return; }
    var s = document.createElement('script');
    s.src = src;
    s.onload = cb;
    document.head.appendChild(s);
  }

  var readings = document.getElementById('readings-chart');
  if (readings) {
    var data = JSON.parse(readings.getAttribute('data-readings') || '{"t":[]}');
    if (!data.t || data.t.length === 0) {
      readings.classList.add('empty');
      readings.textContent = readings.getAttribute('data-empty');
      readings.setAttribute('data-ready', 'empty');
    } else {
      withEcharts(readings.getAttribute('data-echarts-src'), function () {
        var chart = window.echarts.init(readings);
        function s(key, label) {
          var pts = [];
          for (var i = 0; i < data.t.length; i++) if (data[key][i] != null) pts.push([data.t[i], data[key][i]]);
          return { name: readings.getAttribute(label), type: 'line', showSymbol: false, data: pts };
        }
        var series = [s('heart_rate', 'data-l-hr'), s('breathing_rate', 'data-l-br'), s('spo2', 'data-l-spo2'),
          s('systolic', 'data-l-sys'), s('diastolic', 'data-l-dia')].filter(function (x) { return x.data.length > 0; });
        chart.setOption({ tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 20, top: 40, bottom: 30 },
          xAxis: { type: 'time' }, yAxis: { type: 'value' }, series: series });
        window.addEventListener('resize', function () { chart.resize(); });
        readings.setAttribute('data-ready', 'true');
      });
    }
  }

  var perType = document.getElementById('type-chart');
  if (perType) {
    var rows = JSON.parse(perType.getAttribute('data-per-type') || '[]');
    var labels = {};
    document.querySelectorAll('#per-type tr[data-type]').forEach(function (tr) {
      labels[tr.getAttribute('data-type')] = tr.querySelector('.type-name').getAttribute('data-label');
    });
    if (rows.length > 0) {
      withEcharts(perType.getAttribute('data-echarts-src'), function () {
        var chart = window.echarts.init(perType);
        chart.setOption({ tooltip: {}, legend: {}, grid: { left: 40, right: 20, top: 40, bottom: 60 },
          xAxis: { type: 'category', data: rows.map(function (r) { return labels[r.type] || r.type; }), axisLabel: { rotate: 30 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: perType.getAttribute('data-l-alarms'), type: 'bar', data: rows.map(function (r) { return r.alarms; }) },
                   { name: perType.getAttribute('data-l-false'), type: 'bar', data: rows.map(function (r) { return r.false_alarms; }) }] });
        perType.setAttribute('data-ready', 'true');
      });
    }
  }
})();
