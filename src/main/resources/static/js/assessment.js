// Assessment console: live countdowns of care-plan remake tasks, the history chart of the care card, and the
// NRS 2002 final screening shown only when the initial screening is positive. Safe to load more than once
// (the care card is swapped in by htmx and brings this script along).
(function () {
  'use strict';
  if (window.jujiaAssessment) { window.jujiaAssessment.scan(document); return; }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  // "47:59:58" until the deadline; "-0:00:05" once it has passed.
  function countdown(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    return (ms < 0 ? '-' : '') + Math.floor(s / 3600) + ':' + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-due')) - now;
      el.textContent = countdown(left);
      if (left < 0) {
        el.classList.add('overdue');
        var row = el.closest('tr');
        if (row) { row.classList.add('overdue'); }
      }
    });
  }

  var echartsWaiters = null;
  function withEcharts(src, cb) {
    if (window.echarts) { cb(); return; }
    if (echartsWaiters) { echartsWaiters.push(cb); return; }
    echartsWaiters = [cb];
    var s = document.createElement('script');
    s.src = src;
    s.onload = function () { var w = echartsWaiters; echartsWaiters = null; w.forEach(function (f) { f(); }); };
    document.head.appendChild(s);
  }

  var COLOURS = { RED: '#d9352b', ORANGE: '#ee8a1a', YELLOW: '#e9c411', GREEN: '#2e9e4f' };

  function drawChart(el) {
    var points = JSON.parse(el.getAttribute('data-care-chart') || '[]');
    var chart = window.echarts.init(el);
    function series(name, key, lineColour) {
      return {
        name: name, type: 'line', connectNulls: true, symbol: 'circle', symbolSize: 12, lineStyle: { color: lineColour, width: 2 },
        itemStyle: { color: lineColour },
        data: points.map(function (p) {
          return { value: [p.date, p[key]], itemStyle: { color: COLOURS[p.colour], borderColor: '#fff', borderWidth: 1 }, colour: p.colour };
        }).filter(function (d) { return d.value[1] !== null && d.value[1] !== undefined; })
      };
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [series(el.getAttribute('data-label-barthel'), 'barthel', '#8c3221'),
               series(el.getAttribute('data-label-gbt'), 'gbt', '#6b6b6b')]
    });
    el.setAttribute('data-ready', '1');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function charts(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('[data-care-chart]:not([data-ready])').forEach(function (el) {
      withEcharts(el.getAttribute('data-echarts-src'), function () { drawChart(el); });
    });
  }

  // NRS 2002: the final screening applies only when an initial answer is yes.
  function nrs(form) {
    var final = form.querySelector('#nrs-final');
    if (!final) { return; }
    var positive = Array.prototype.some.call(form.querySelectorAll('input[type=radio][name^="nrs2002.initial."]'), function (r) {
      return r.checked && r.value === 'true';
    });
    final.hidden = !positive;
  }

  function forms(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('#assessment-form:not([data-ready])').forEach(function (form) {
      form.setAttribute('data-ready', '1');
      form.addEventListener('change', function () { nrs(form); });
      // an optional instrument is included as soon as one of its answers is given
      form.addEventListener('change', function (e) {
        var section = e.target.closest('details.optional');
        if (section && e.target.type !== 'checkbox') {
          var include = section.querySelector('input[type=checkbox][name^="include."]');
          if (include && !include.checked) { include.checked = true; }
        }
      }, true);
      nrs(form);
    });
  }

  function scan(root) { charts(root); forms(root); tick(); }

  window.jujiaAssessment = { scan: scan, countdown: countdown };
  setInterval(tick, 1000);
  document.addEventListener('htmx:load', function (e) { scan(e.detail.elt); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(document); });
  } else {
    scan(document);
  }
})();
