// The caregiver's phone pages: today's and tomorrow's visits, a visit with navigation, check-in (position + face
// photo), the service record built from the item's measurable checks, check-out, and confirmation at the door.
(function () {
  'use strict';
  var M = window.JujiaMobile, t = M.t, el = M.el;
  var listView = document.getElementById('cg-list-view');
  var list = document.getElementById('cg-list');
  var note = document.getElementById('cg-list-note');
  var page = document.getElementById('cg-visit');
  var dayOffset = 0;
  var current = null; // the visit on screen (normalised)
  var queued = [];    // my queued actions
  var photos = {};    // visit id + input id → {base64, dataUrl}: survives a re-render of the page
  var typed = {};     // visit id → {field id: value} typed into the page, kept across re-renders

  // ---------- visits: from the API, else the copy kept on the phone ----------
  function asList(answer) { return Array.isArray(answer) ? answer : (answer && answer.content) || []; }
  /** Keeps a visit on the phone; a list entry (without home position and checks) does not erase a kept detail's. */
  function remember(raw, detail) {
    if (!raw || raw.id === undefined) { return raw; }
    var kept = M.load('visit.' + raw.id);
    var merged = Object.assign({}, raw);
    merged.detailKept = !!(detail || (kept && kept.detailKept));
    if (kept) {
      if ((!raw.checks || !raw.checks.length) && kept.checks && kept.checks.length) { merged.checks = kept.checks; }
      if ((!raw.elder || raw.elder.latitude === null || raw.elder.latitude === undefined) && kept.elder) { merged.elder = kept.elder; }
      if (kept.priority && !raw.priority) { merged.priority = kept.priority; }
    }
    M.save('visit.' + raw.id, merged);
    return merged;
  }
  /** The orders' priorities (the caregiver sees their own orders), to put red first. */
  function withPriorities(raws, date) {
    return M.api('/orders?from=' + date + '&to=' + date).then(function (orders) {
      var byOrder = {};
      (orders || []).forEach(function (o) { byOrder[o.id] = o.priority; });
      return raws.map(function (r) { return byOrder[r.orderId] ? Object.assign({}, r, { priority: byOrder[r.orderId] }) : r; });
    }).catch(function () { return raws; });
  }
  function loadDay(offset) {
    var date = M.day(offset);
    note.hidden = true;
    return M.api('/visits?caregiver=me&date=' + date).then(function (answer) {
      return withPriorities(asList(answer), date);
    }).then(function (raws) {
      raws = raws.map(function (r) { return remember(r); });
      M.save('visits.' + date, raws.map(function (r) { return r.id; }));
      return raws;
    }).catch(function (e) {
      var ids = M.load('visits.' + date);
      note.hidden = false;
      note.textContent = ids ? t('caregiver.offlineList') : (M.isNetworkError(e) ? t('caregiver.offlineNoList') : e.message);
      return (ids || []).map(function (id) { return M.load('visit.' + id); }).filter(Boolean);
    });
  }
  function loadVisit(id) {
    return M.api('/visits/' + id).then(function (raw) {
      var kept = M.load('visit.' + raw.id);
      return remember(kept && kept.priority && !raw.priority ? Object.assign(raw, { priority: kept.priority }) : raw, true);
    }).catch(function (e) {
      var raw = M.load('visit.' + id);
      if (raw) { return raw; }
      throw e;
    });
  }
  function queuedFor(visitId, kind) {
    return queued.filter(function (q) { return String(q.visitId) === String(visitId) && (!kind || q.kind === kind); });
  }

  // ---------- the list ----------
  function renderList(raws) {
    M.clear(list);
    var visits = M.sortVisits(raws.map(M.visit));
    if (!visits.length) { list.appendChild(el('li.m-empty', { text: t('caregiver.none') })); }
    visits.forEach(function (v) {
      var pendingHere = queuedFor(v.id).length > 0;
      list.appendChild(el('li.m-card.m-visit', { 'data-id': String(v.id), 'data-status': v.status, 'data-priority': v.priority || '' },
        el('a.m-card-link', { href: '#visit/' + v.id },
          el('div.m-card-top', el('span.m-time', { text: M.hhmm(v.start) + (v.end ? '–' + M.hhmm(v.end) : '') }), M.priorityDot(v.priority),
            M.chip(v.status), pendingHere ? el('span.m-chip.m-queued', { text: t('queue.pending') }) : null),
          el('div.m-card-title', { text: v.elderName }),
          el('div.m-card-sub', { text: v.itemName + (v.minutes ? ' · ' + t('caregiver.minutes', v.minutes) : '') }),
          v.flags.length ? el('div.m-flags', M.flagChips(v.flags)) : null)));
    });
  }
  function showList() {
    page.hidden = true;
    rendered = null;
    listView.hidden = false;
    current = null;
    document.querySelectorAll('.m-tab').forEach(function (b) { b.setAttribute('aria-selected', String(Number(b.dataset.day) === dayOffset)); });
    return loadDay(dayOffset).then(function (raws) { renderList(raws); prefetch(raws); });
  }
  /**
   * Keeps the full visit (home position for the map link, the item's checks for the record form) of the open visits
   * on the phone, so that a visit can be worked through without network later in the day.
   */
  function prefetch(raws) {
    var open = raws.filter(function (r) {
      var kept = M.load('visit.' + r.id);
      return (r.status === 'SCHEDULED' || r.status === 'IN_PROGRESS') && !(kept && kept.detailKept);
    }).slice(0, 20);
    return open.reduce(function (chain, r) {
      return chain.then(function () { return M.api('/visits/' + r.id).then(function (v) { return remember(v, true); }).catch(function () { return null; }); });
    }, Promise.resolve());
  }
  document.querySelectorAll('.m-tab').forEach(function (b) {
    b.addEventListener('click', function () { dayOffset = Number(b.dataset.day); showList(); });
  });

  // ---------- photos and position ----------
  /** A JPEG of at most ~200 KB from a camera photo, downscaled in a canvas; base64 without the data: prefix. */
  function jpeg(file, maxBytes) {
    maxBytes = maxBytes || 200 * 1024;
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
      r.readAsDataURL(file);
    }).then(function (url) {
      return new Promise(function (resolve, reject) {
        var img = new Image();
        img.onload = function () { resolve(img); };
        img.onerror = function () { reject(new Error(t('caregiver.photoUnreadable'))); };
        img.src = url;
      });
    }).then(function (img) {
      var side = 1024, quality = 0.8, out = null;
      var canvas = document.createElement('canvas');
      for (var i = 0; i < 10; i++) {
        var scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight));
        canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        out = canvas.toDataURL('image/jpeg', quality);
        var base64 = out.slice(out.indexOf(',') + 1);
        if (base64.length * 3 / 4 <= maxBytes) { return { base64: base64, dataUrl: out }; }
        if (quality > 0.5) { quality -= 0.15; } else { side = Math.round(side * 0.75); }
      }
      return { base64: out.slice(out.indexOf(',') + 1), dataUrl: out };
    });
  }
  function position() {
    return new Promise(function (resolve, reject) {
      if (!navigator.geolocation) { reject(new Error(t('caregiver.noGeolocation'))); return; }
      navigator.geolocation.getCurrentPosition(resolve, function (e) { reject(new Error(t('caregiver.geolocationFailed', e.message || e.code))); },
        { enableHighAccuracy: true, timeout: 30000, maximumAge: 0 });
    });
  }
  function photoInput(id, v) {
    var key = v.id + '/' + id;
    var kept = photos[key];
    var preview = el('img.m-photo-preview', { alt: '', hidden: !kept, src: kept ? kept.dataUrl : null });
    var input = el('input', { type: 'file', id: id, accept: 'image/*', capture: 'user', class: 'm-file' });
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      delete photos[key];
      if (!f) { preview.hidden = true; return; }
      photos[key] = { pending: jpeg(f) };
      photos[key].pending.then(function (p) { if (photos[key]) { photos[key] = p; } preview.src = p.dataUrl; preview.hidden = false; })
        .catch(function (e) { delete photos[key]; M.toast(e.message, 'error'); });
    });
    return el('label.m-field.m-photo', el('span', { text: t('caregiver.photo') }), input, preview);
  }

  // ---------- check-in and check-out ----------
  function perform(kind, v, button, extra) {
    var photo = photos[v.id + '/' + (kind === 'check-in' ? 'photo-in' : 'photo-out')];
    if (!photo) { M.toast(t('caregiver.photoRequired'), 'error'); return; }
    button.disabled = true;
    button.textContent = t('caregiver.locating');
    Promise.all([photo.pending || photo, position()]).then(function (r) {
      var pos = r[1];
      var body = {
        latitude: pos.coords.latitude, longitude: pos.coords.longitude,
        accuracyMeters: Math.round(pos.coords.accuracy * 10) / 10,
        capturedAt: new Date(pos.timestamp || Date.now()).toISOString(),
        photo: r[0].base64
      };
      if (extra) { Object.assign(body, extra()); }
      delete photos[v.id + '/' + (kind === 'check-in' ? 'photo-in' : 'photo-out')];
      delete typed[v.id];
      return M.submit({ kind: kind, visitId: v.id, path: '/visits/' + v.id + '/' + kind, body: body, label: v.elderName + ' · ' + v.itemName });
    }).then(function (result) {
      if (result.failed) { M.toast(result.error.message, 'error'); }
      else if (!result.sent) { M.toast(t('queue.queuedHint'), 'warn'); }
      return rerender();
    }).catch(function (e) {
      M.toast(e.message, 'error');
      button.disabled = false;
      button.textContent = t('action.' + kind);
    });
  }

  function checksOf(v) {
    if (v.checks.length) { return Promise.resolve(v.checks); }
    if (!v.itemCode) { return Promise.resolve([]); }
    var cached = M.load('item.' + v.itemCode);
    return M.api('/catalogue/items/' + encodeURIComponent(v.itemCode))
      .then(function (item) { M.save('item.' + v.itemCode, item.checks || []); return item.checks || []; })
      .catch(function () { return cached || []; });
  }
  function checkLabel(c) { return M.tOr('check.' + c.name, c.name); }
  function bounds(c) {
    var u = c.unit ? ' ' + c.unit : '';
    if (c.min !== null && c.min !== undefined && c.max !== null && c.max !== undefined) { return c.min + '–' + c.max + u; }
    if (c.min !== null && c.min !== undefined) { return '≥ ' + c.min + u; }
    if (c.max !== null && c.max !== undefined) { return '≤ ' + c.max + u; }
    return t('caregiver.recordValue') + (c.unit ? ' (' + c.unit + ')' : '');
  }
  // measured by the visit verification itself (photo, position, check-in/out times), not typed in
  var MEASURED_BY_EVV = ['face_match_score', 'distance_from_home_m', 'duration_min'];
  function recordForm(checks) {
    var seen = {};
    var fields = checks.filter(function (c) { return MEASURED_BY_EVV.indexOf(c.name) < 0 && !seen[c.name] && (seen[c.name] = true); }).map(function (c) {
      var input = el('input', { type: 'number', step: 'any', inputmode: 'decimal', 'data-check': c.name, id: 'check-' + c.name });
      var hint = el('small.m-hint', { text: bounds(c) });
      input.addEventListener('input', function () {
        var x = Number(input.value);
        var bad = input.value !== '' && ((c.min !== null && c.min !== undefined && x < Number(c.min)) || (c.max !== null && c.max !== undefined && x > Number(c.max)));
        input.classList.toggle('m-out-of-range', bad);
        hint.textContent = bad ? t('caregiver.outOfRange', bounds(c)) : bounds(c);
      });
      return el('label.m-field', el('span', { text: checkLabel(c) + (c.unit ? ' (' + c.unit + ')' : '') }), input, hint);
    });
    return el('div#record-form.m-form',
      el('h2.m-h2', { text: t('caregiver.record') }),
      fields.length ? fields : el('p.m-note', { text: t('caregiver.noChecks') }),
      el('label.m-field', el('span', { text: t('caregiver.notes') }), el('textarea#record-notes', { rows: 3, maxlength: 2000 })));
  }
  function recordValues() {
    var measurements = {};
    document.querySelectorAll('#record-form input[data-check]').forEach(function (i) {
      if (i.value !== '' && !isNaN(Number(i.value))) { measurements[i.dataset.check] = Number(i.value); }
    });
    var notes = (document.getElementById('record-notes') || {}).value || '';
    return { record: { measurements: measurements, notes: notes } };
  }

  // ---------- confirmation at the door ----------
  function confirmation(v) {
    var box = el('section#confirm-box.m-card', el('h2.m-h2', { text: t('caregiver.confirmTitle') }), el('p.m-note', { text: t('caregiver.confirmHint') }));
    function send(body, button) {
      button.disabled = true;
      var entry = { kind: 'confirmation', visitId: v.id, path: '/visits/' + v.id + '/confirmation', label: v.elderName + ' · ' + v.itemName,
        body: Object.assign({ outcome: 'CONFIRMED' }, body) };
      M.api(entry.path, { method: 'POST', body: entry.body }).then(function (answer) {
        M.toast(t('caregiver.confirmed'), 'ok');
        if (answer && answer.id !== undefined) { remember(answer, true); }
        return rerender();
      }).catch(function (e) {
        button.disabled = false;
        if (M.isNetworkError(e) && body.method !== 'SMS') {
          return M.submit(entry).then(function () { M.toast(t('queue.queuedHint'), 'warn'); return rerender(); });
        }
        M.toast(e.message, 'error');
      });
    }
    var pin = el('input#confirm-pin', { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 8, placeholder: t('caregiver.pinPlaceholder') });
    var pinBtn = el('button#confirm-pin-submit.m-btn', { type: 'button', text: t('caregiver.confirmWithPin') });
    pinBtn.addEventListener('click', function () {
      if (!pin.value.trim()) { M.toast(t('caregiver.pinRequired'), 'error'); return; }
      send({ method: 'PIN', code: pin.value.trim() }, pinBtn);
    });
    var sms = el('input#confirm-sms', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 8, placeholder: t('caregiver.smsPlaceholder') });
    var smsReq = el('button#sms-request.m-btn.m-btn-ghost', { type: 'button', text: t('caregiver.smsRequest') });
    smsReq.addEventListener('click', function () {
      smsReq.disabled = true;
      M.api('/visits/' + v.id + '/confirmation-code', { method: 'POST' }).then(function () { M.toast(t('caregiver.smsSent'), 'ok'); })
        .catch(function (e) { M.toast(M.isNetworkError(e) ? t('caregiver.smsOffline') : e.message, 'error'); })
        .finally(function () { setTimeout(function () { smsReq.disabled = false; }, 30000); });
    });
    var smsBtn = el('button#confirm-sms-submit.m-btn', { type: 'button', text: t('caregiver.confirmWithSms') });
    smsBtn.addEventListener('click', function () {
      if (!sms.value.trim()) { M.toast(t('caregiver.pinRequired'), 'error'); return; }
      send({ method: 'SMS', code: sms.value.trim() }, smsBtn);
    });
    var pad = signaturePad();
    var sigBtn = el('button#confirm-signature-submit.m-btn', { type: 'button', text: t('caregiver.confirmWithSignature') });
    sigBtn.addEventListener('click', function () {
      if (!pad.signed()) { M.toast(t('caregiver.signFirst'), 'error'); return; }
      send({ method: 'SIGNATURE', signaturePng: pad.png() }, sigBtn);
    });
    var panes = {
      PIN: el('div.m-pane', el('label.m-field', el('span', { text: t('caregiver.pin') }), pin), pinBtn),
      SMS: el('div.m-pane', { hidden: true }, smsReq, el('label.m-field', el('span', { text: t('caregiver.smsCode') }), sms), smsBtn),
      SIGNATURE: el('div.m-pane', { hidden: true }, pad.node, sigBtn)
    };
    var tabs = el('nav.m-tabs.m-tabs-small');
    Object.keys(panes).forEach(function (k, i) {
      tabs.appendChild(el('button.m-tab', { type: 'button', 'data-method': k, 'aria-selected': String(i === 0), text: t('caregiver.method.' + k),
        onclick: function () {
          Object.keys(panes).forEach(function (o) { panes[o].hidden = o !== k; });
          tabs.querySelectorAll('.m-tab').forEach(function (b) { b.setAttribute('aria-selected', String(b.dataset.method === k)); });
        } }));
    });
    box.appendChild(tabs);
    Object.keys(panes).forEach(function (k) { box.appendChild(panes[k]); });
    return box;
  }
  function signaturePad() {
    var canvas = el('canvas#sig-pad.m-sig', { width: 600, height: 300 });
    var ctx = canvas.getContext('2d');
    var drawing = false, strokes = 0;
    function reset() {
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = '#111'; ctx.lineWidth = 4; ctx.lineCap = 'round'; ctx.lineJoin = 'round';
      strokes = 0;
    }
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) { drawing = true; canvas.setPointerCapture(e.pointerId); var p = at(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); e.preventDefault(); });
    canvas.addEventListener('pointermove', function (e) { if (!drawing) { return; } var p = at(e); ctx.lineTo(p.x, p.y); ctx.stroke(); strokes++; e.preventDefault(); });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (n) { canvas.addEventListener(n, function () { drawing = false; }); });
    reset();
    var clearBtn = el('button#sig-clear.m-btn.m-btn-ghost.m-btn-small', { type: 'button', text: t('caregiver.signClear'), onclick: reset });
    return {
      node: el('div.m-sig-box', el('p.m-note', { text: t('caregiver.signHint') }), canvas, clearBtn),
      signed: function () { return strokes > 2; },
      png: function () { var u = canvas.toDataURL('image/png'); return u.slice(u.indexOf(',') + 1); }
    };
  }

  // ---------- one visit ----------
  function mapLink(v) {
    if (v.lat === null || v.lon === null) { return null; }
    var href = 'https://uri.amap.com/marker?position=' + v.lon + ',' + v.lat + '&name=' + encodeURIComponent(v.elderName) + '&callnative=1';
    return el('a#map-link.m-btn.m-btn-ghost', { href: href, target: '_blank', rel: 'noopener', text: t('caregiver.navigate') });
  }
  function elementLine(label, e) {
    if (!e) { return null; }
    var parts = [M.dateTime(e.capturedAt || e.at || e.serverTime)];
    if (e.accuracyMeters !== undefined && e.accuracyMeters !== null) { parts.push('±' + e.accuracyMeters + ' m'); }
    if (e.distanceMeters !== undefined && e.distanceMeters !== null) { parts.push(t('caregiver.distance', Math.round(e.distanceMeters))); }
    if (e.faceScore !== undefined && e.faceScore !== null) { parts.push(t('caregiver.faceScore', e.faceScore)); }
    if (e.delayedSync) { parts.push(t('caregiver.delayedSync')); }
    return el('li', el('b', { text: label + ' ' }), parts.join(' · '));
  }
  function keepTyped() {
    if (!current) { return; }
    var values = typed[current.id] = typed[current.id] || {};
    page.querySelectorAll('input[id]:not([type=file]), textarea[id]').forEach(function (i) { values[i.id] = i.value; });
  }
  function restoreTyped(v, root) {
    var values = typed[v.id] || {};
    root.querySelectorAll('input[id]:not([type=file]), textarea[id]').forEach(function (i) {
      if (values[i.id] !== undefined) { i.value = values[i.id]; i.dispatchEvent(new Event('input')); }
    });
  }
  var rendered = null; // what the page shows, to leave it (and what is being typed or drawn) alone when nothing changed
  function renderVisit(v) {
    var qIn = queuedFor(v.id, 'check-in'), qOut = queuedFor(v.id, 'check-out'), qConf = queuedFor(v.id, 'confirmation');
    var key = JSON.stringify([v.raw, qIn.length, qOut.length, qConf.length]);
    if (current && String(current.id) === String(v.id) && !page.hidden && key === rendered) { return; }
    rendered = key;
    if (current && String(current.id) === String(v.id)) { keepTyped(); }
    current = v;
    var started = v.status === 'IN_PROGRESS' || qIn.length > 0;
    M.clear(page);
    page.dataset.id = String(v.id);
    page.dataset.status = v.status;
    page.appendChild(el('a.m-back', { href: '#', text: '‹ ' + t('caregiver.back') }));
    page.appendChild(el('header.m-visit-head',
      el('h1.m-h1', { text: v.elderName }),
      el('div.m-card-sub', { text: v.itemName }),
      el('div.m-card-top', el('span.m-time', { text: M.dayOf(v.start) + ' ' + M.hhmm(v.start) + (v.end ? '–' + M.hhmm(v.end) : '') }),
        M.priorityDot(v.priority), el('span#visit-status', { 'data-status': v.status }, M.chip(v.status)),
        qIn.length + qOut.length + qConf.length ? el('span.m-chip.m-queued', { text: t('queue.pending') }) : null,
        v.delayedSync ? el('span#visit-delayed.m-chip.m-delayed', { text: t('caregiver.delayedSync') }) : null),
      v.minutes ? el('div.m-note', { text: t('caregiver.planned', v.minutes) }) : null,
      v.address ? el('div.m-note', { text: v.address }) : null,
      v.flags.length ? el('div#visit-flags.m-flags', M.flagChips(v.flags)) : null,
      mapLink(v)));
    var pendingAll = qIn.concat(qOut, qConf);
    if (pendingAll.length) {
      page.appendChild(el('div#visit-queued.m-banner.m-banner-warn', { 'data-captured-at': (pendingAll[0].body.capturedAt || '') },
        pendingAll.map(function (q) {
          return el('div', { text: t('queue.pendingAction', t('action.' + q.kind), M.dateTime(q.body.capturedAt || q.queuedAt)) });
        })));
    }
    if (v.checkIn || v.checkOut) {
      page.appendChild(el('ul.m-elements', elementLine(t('action.check-in'), v.checkIn), elementLine(t('action.check-out'), v.checkOut)));
    }
    if (v.status === 'SCHEDULED' && !qIn.length) {
      var inBtn = el('button#check-in.m-btn.m-btn-big', { type: 'button', text: t('action.check-in') });
      inBtn.addEventListener('click', function () { perform('check-in', v, inBtn); });
      page.appendChild(el('section.m-card', el('h2.m-h2', { text: t('caregiver.checkInTitle') }),
        el('p.m-note', { text: t('caregiver.checkInHint') }), photoInput('photo-in', v), inBtn));
    }
    if (started && !qOut.length) {
      var holder = el('div');
      var outBtn = el('button#check-out.m-btn.m-btn-big', { type: 'button', text: t('action.check-out') });
      outBtn.addEventListener('click', function () { perform('check-out', v, outBtn, recordValues); });
      page.appendChild(el('section.m-card', holder, photoInput('photo-out', v), outBtn));
      checksOf(v).then(function (checks) { holder.appendChild(recordForm(checks)); restoreTyped(v, holder); });
    }
    if (v.record && (Object.keys(v.record.measurements || {}).length || v.record.notes)) {
      var ms = v.record.measurements || {}, outside = v.record.outOfBounds || [];
      page.appendChild(el('section#visit-record.m-card', el('h2.m-h2', { text: t('caregiver.record') }),
        el('ul.m-elements', Object.keys(ms).map(function (k) {
          var bad = outside.indexOf(k) >= 0;
          return el(bad ? 'li.m-error' : 'li', { 'data-check': k }, el('b', { text: M.tOr('check.' + k, k) + ' ' }), String(ms[k]),
            bad ? ' · ' + t('caregiver.outsideStandard') : '');
        }),
          v.record.notes ? el('li', { text: v.record.notes }) : null)));
    }
    if ((v.status === 'VERIFIED' || v.status === 'FLAGGED') && !v.confirmation && !v.dispute && !qConf.length) {
      page.appendChild(confirmation(v));
    }
    if (v.confirmation || v.outcome) {
      var c = v.confirmation || {};
      page.appendChild(el('p#visit-confirmation.m-banner.m-banner-ok', { 'data-outcome': v.outcome || '',
        text: t('caregiver.confirmationDone', M.tOr('outcome.' + v.outcome, v.outcome || ''), M.tOr('method.' + c.method, c.method || '')) }));
    }
    restoreTyped(v, page);
  }
  function showVisit(id) {
    listView.hidden = true;
    page.hidden = false;
    return loadVisit(id).then(function (raw) { renderVisit(M.visit(raw)); window.scrollTo(0, 0); })
      .catch(function (e) { M.clear(page); page.appendChild(el('a.m-back', { href: '#', text: '‹ ' + t('caregiver.back') })); page.appendChild(el('p.m-error', { text: e.message })); });
  }
  function rerender() {
    return M.pending().then(function (q) {
      queued = q.filter(function (e) { return e.user === M.user; });
      if (current) {
        var raw = M.load('visit.' + current.id) || current.raw;
        renderVisit(M.visit(raw));
      }
    });
  }
  function route() {
    var m = /^#visit\/(\d+)$/.exec(location.hash);
    return M.pending().then(function (q) {
      queued = q.filter(function (e) { return e.user === M.user; });
      return m ? showVisit(m[1]) : showList();
    });
  }
  window.addEventListener('hashchange', route);

  // ---------- the queue's answers ----------
  M.on('sent', function (d) {
    var answer = d.answer;
    if (answer && answer.id !== undefined && (d.entry.kind === 'check-in' || d.entry.kind === 'check-out' || d.entry.kind === 'confirmation')) {
      remember(answer, true);
      var v = M.visit(answer);
      M.toast(t('queue.sent', t('action.' + d.entry.kind), d.entry.label || '') + (v.delayedSync ? ' · ' + t('caregiver.delayedSync') : '')
        + ' · ' + M.tOr('status.' + v.status, v.status), v.status === 'FLAGGED' ? 'warn' : 'ok');
    }
    M.pending().then(function (q) {
      queued = q.filter(function (e) { return e.user === M.user; });
      if (current && String(current.id) === String(d.entry.visitId)) { rerender(); }
      else if (!current) { showList(); }
    });
  });
  M.on('failed', function (d) {
    M.toast(t('queue.failedOne', t('action.' + d.entry.kind), d.error.message), 'error');
    M.pending().then(function (q) {
      queued = q.filter(function (e) { return e.user === M.user; });
      // the server said no: show the visit as it now stands there
      if (current && String(current.id) === String(d.entry.visitId)) { showVisit(current.id); }
    });
  });

  route();
})();
