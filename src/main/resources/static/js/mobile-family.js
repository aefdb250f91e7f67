// The family's phone pages: the elder's coming visits (with the visit PIN for the caregiver), the visit history with
// its verification, confirm or dispute, rate, book an extra service (quote first) and the elder's alarms.
(function () {
  'use strict';
  var M = window.JujiaMobile, t = M.t, el = M.el;
  var elderSelect = document.getElementById('fm-elder');
  var elderId = null;
  var tab = 'schedule';
  var items = [];
  var DONE = ['VERIFIED', 'FLAGGED', 'CONFIRMED', 'DISPUTED', 'FRAUD_CONFIRMED'];
  var FULL_HISTORY = 20;

  function asList(answer) { return Array.isArray(answer) ? answer : (answer && answer.content) || []; }
  function failNote(listNode, e) {
    M.clear(listNode).appendChild(el('li.m-empty.m-error', { text: M.isNetworkError(e) ? t('family.offline') : e.message }));
  }

  // ---------- elders ----------
  function loadElders() {
    return M.api('/elders?size=50').then(function (answer) {
      var elders = asList(answer);
      M.save('elders', elders.map(function (e) { return { id: e.id, name: e.name }; }));
      return elders;
    }).catch(function (e) {
      var kept = M.load('elders');
      if (kept) { return kept; }
      throw e;
    }).then(function (elders) {
      M.clear(elderSelect);
      elders.forEach(function (e) { elderSelect.appendChild(el('option', { value: String(e.id), text: e.name })); });
      document.getElementById('fm-elder-field').hidden = elders.length < 2;
      var wanted = M.load('elder');
      elderId = elders.some(function (e) { return String(e.id) === String(wanted); }) ? String(wanted) : (elders[0] ? String(elders[0].id) : null);
      elderSelect.value = elderId || '';
      showElderName(elders);
      if (!elderId) { document.getElementById('fm-elder-name').textContent = t('family.noElder'); }
      return elders;
    });
  }
  function showElderName(elders) {
    var e = elders.filter(function (x) { return String(x.id) === String(elderId); })[0];
    document.getElementById('fm-elder-name').textContent = e ? e.name : '';
  }

  // ---------- visits ----------
  function visits(from, to) {
    var key = 'family.visits.' + elderId + '.' + from + '.' + to;
    return Promise.all([
      M.api('/visits?elderId=' + elderId + '&from=' + from + '&to=' + to),
      // the orders name the caregiver
      M.api('/orders?elderId=' + elderId + '&from=' + from + '&to=' + to).catch(function () { return []; })
    ]).then(function (r) {
      var byOrder = {};
      asList(r[1]).forEach(function (o) { byOrder[o.id] = o; });
      var raws = asList(r[0]).map(function (v) {
        var o = byOrder[v.orderId];
        return o ? Object.assign({}, v, { caregiverName: o.caregiverName, priority: o.priority }) : v;
      });
      M.save(key, raws);
      return raws;
    }).catch(function (e) {
      var kept = M.load(key);
      if (kept && M.isNetworkError(e)) { return kept; }
      throw e;
    }).then(function (raws) { return raws.map(M.visit); });
  }
  function visitCard(v) {
    return el('li.m-card.m-visit', { 'data-id': String(v.id), 'data-status': v.status },
      el('div.m-card-top', el('span.m-time', { text: M.dayOf(v.start) + ' ' + M.hhmm(v.start) + (v.end ? '–' + M.hhmm(v.end) : '') }),
        M.chip(v.status), v.delayedSync ? el('span.m-chip.m-delayed', { text: t('caregiver.delayedSync') }) : null),
      el('div.m-card-title', { text: v.itemName }),
      v.caregiverName ? el('div.m-card-sub', { text: t('family.caregiver', v.caregiverName) }) : null,
      v.flags.length ? el('div.m-flags', M.flagChips(v.flags)) : null);
  }

  function showSchedule() {
    var listNode = document.getElementById('fm-schedule-list');
    return visits(M.day(0), M.day(14)).then(function (vs) {
      M.clear(listNode);
      var coming = vs.filter(function (v) { return v.status === 'SCHEDULED' || v.status === 'IN_PROGRESS'; })
        .sort(function (a, b) { return String(a.start).localeCompare(String(b.start)); });
      if (!coming.length) { listNode.appendChild(el('li.m-empty', { text: t('family.noComing') })); }
      coming.forEach(function (v) {
        var card = visitCard(v);
        if (v.pin) {
          card.appendChild(el('div.m-pin', el('span', { text: t('family.pin') }), el('b.m-pin-code', { text: String(v.pin) })));
          card.appendChild(el('div.m-note', { text: t('family.pinHint') }));
        }
        listNode.appendChild(card);
      });
    }).catch(function (e) { failNote(listNode, e); });
  }

  function showHistory() {
    var listNode = document.getElementById('fm-history-list');
    return visits(M.day(-30), M.day(0)).then(function (vs) {
      M.clear(listNode);
      var past = vs.filter(function (v) { return DONE.indexOf(v.status) >= 0; })
        .sort(function (a, b) { return String(b.start).localeCompare(String(a.start)); });
      if (!past.length) { listNode.appendChild(el('li.m-empty', { text: t('family.noHistory') })); }
      // the list leaves out ratings and disputes: read the newest completed visits in full (older ones are listed only)
      return Promise.all(past.map(function (v, i) {
        if (i >= FULL_HISTORY) { return Promise.resolve(null); }
        return M.api('/visits/' + v.id).then(function (raw) {
          return M.visit(Object.assign(raw, { caregiverName: v.caregiverName }));
        }).catch(function () { return null; });
      })).then(function (full) {
        full.forEach(function (v, i) { listNode.appendChild(v ? historyCard(v) : summaryCard(past[i])); });
      });
    }).catch(function (e) { failNote(listNode, e); });
  }
  function summaryCard(v) {
    var card = visitCard(v);
    if (v.checkIn) { card.appendChild(el('div.m-note', { text: t('family.arrived', M.dateTime(v.checkIn.capturedAt)) })); }
    return card;
  }
  function historyCard(v) {
    var card = visitCard(v);
    var times = [];
    if (v.checkIn) { times.push(t('family.arrived', M.dateTime(v.checkIn.capturedAt || v.checkIn.at))); }
    if (v.checkOut) { times.push(t('family.left', M.dateTime(v.checkOut.capturedAt || v.checkOut.at))); }
    if (times.length) { card.appendChild(el('div.m-note', { text: times.join(' · ') })); }
    card.appendChild(el('div.m-note', { text: t('family.verification.' + (v.status === 'VERIFIED' || v.status === 'CONFIRMED' ? 'ok' : v.status === 'FLAGGED' ? 'flagged' : 'other')) }));
    if ((v.status === 'VERIFIED' || v.status === 'FLAGGED') && !v.confirmation && !v.dispute) {
      card.appendChild(confirmBox(v));
    } else if (v.outcome) {
      card.appendChild(el('div.m-note.m-confirmation', { 'data-outcome': v.outcome,
        text: t('caregiver.confirmationDone', M.tOr('outcome.' + v.outcome, v.outcome), M.tOr('method.' + (v.confirmation || {}).method, (v.confirmation || {}).method || t('method.APP')))
          + (v.dispute && v.dispute.reason ? ' · ' + v.dispute.reason : '') }));
    }
    if (v.rating) {
      card.appendChild(el('div.m-rated', { 'data-stars': String(v.rating.stars) }, el('span.m-stars', { text: '★★★★★'.slice(0, v.rating.stars) + '☆☆☆☆☆'.slice(0, 5 - v.rating.stars) }),
        v.rating.comment ? ' ' + v.rating.comment : ''));
    } else if (v.status !== 'FRAUD_CONFIRMED') {
      card.appendChild(ratingBox(v));
    }
    return card;
  }
  function confirmBox(v) {
    var reason = el('textarea.m-reason', { rows: 2, maxlength: 1000, placeholder: t('family.disputeReason'), hidden: true });
    var ok = el('button.m-btn.m-confirm', { type: 'button', text: t('family.confirm') });
    var dispute = el('button.m-btn.m-btn-danger.m-dispute', { type: 'button', text: t('family.dispute') });
    function send(body, button) {
      button.disabled = true;
      return M.api('/visits/' + v.id + '/confirmation', { method: 'POST', body: body })
        .then(function () { M.toast(body.outcome === 'CONFIRMED' ? t('family.confirmedToast') : t('family.disputedToast'), 'ok'); return showHistory(); })
        .catch(function (e) { button.disabled = false; M.toast(M.isNetworkError(e) ? t('family.offline') : e.message, 'error'); });
    }
    ok.addEventListener('click', function () { send({ outcome: 'CONFIRMED', method: 'APP' }, ok); });
    dispute.addEventListener('click', function () {
      if (reason.hidden) { reason.hidden = false; reason.focus(); dispute.textContent = t('family.disputeSend'); return; }
      if (!reason.value.trim()) { M.toast(t('family.reasonRequired'), 'error'); return; }
      send({ outcome: 'DISPUTED', method: 'APP', reason: reason.value.trim() }, dispute);
    });
    return el('div.m-actions', ok, dispute, reason);
  }
  function ratingBox(v) {
    var stars = 0;
    var row = el('div.m-star-row', { role: 'radiogroup', 'aria-label': t('family.rate') });
    var comment = el('input.m-comment', { type: 'text', maxlength: 500, placeholder: t('family.comment') });
    var send = el('button.m-btn.m-btn-small.m-rate', { type: 'button', text: t('family.rateSend'), disabled: true });
    for (var i = 1; i <= 5; i++) {
      (function (n) {
        row.appendChild(el('button.m-star', { type: 'button', 'data-stars': String(n), role: 'radio', 'aria-checked': 'false', 'aria-label': String(n), text: '☆',
          onclick: function () {
            stars = n;
            row.querySelectorAll('.m-star').forEach(function (b) {
              var on = Number(b.dataset.stars) <= n;
              b.textContent = on ? '★' : '☆';
              b.setAttribute('aria-checked', String(Number(b.dataset.stars) === n));
            });
            send.disabled = false;
          } }));
      })(i);
    }
    send.addEventListener('click', function () {
      send.disabled = true;
      M.api('/visits/' + v.id + '/rating', { method: 'POST', body: { stars: stars, comment: comment.value.trim() || null } })
        .then(function () { M.toast(t('family.ratedToast'), 'ok'); return showHistory(); })
        .catch(function (e) { send.disabled = false; M.toast(M.isNetworkError(e) ? t('family.offline') : e.message, 'error'); });
    });
    return el('div.m-rating', el('span.m-note', { text: t('family.rate') }), row, comment, send);
  }

  // ---------- booking: quote first, then book ----------
  function loadItems() {
    if (items.length) { return Promise.resolve(items); }
    return M.api('/catalogue/items').then(function (list) {
      items = list.filter(function (i) { return i.active !== false; });
      var select = M.clear(document.getElementById('bk-item'));
      var groups = {};
      items.forEach(function (i) {
        var g = i['package'] || '';
        if (!groups[g]) { groups[g] = el('optgroup', { label: M.tOr('package.' + g, g) }); select.appendChild(groups[g]); }
        groups[g].appendChild(el('option', { value: i.code, text: (M.cfg.lang === 'en' ? i.nameEn : i.nameZh) + ' · ' + M.yuan(i.unitPriceFen) }));
      });
      return items;
    });
  }
  function booking() {
    return {
      elderId: Number(elderId),
      itemCode: document.getElementById('bk-item').value,
      date: document.getElementById('bk-date').value,
      windowFrom: document.getElementById('bk-from').value,
      windowTo: document.getElementById('bk-to').value,
      quantity: Number(document.getElementById('bk-qty').value || 1),
      note: document.getElementById('bk-note').value.trim() || null
    };
  }
  function showQuote(b, quote) {
    var box = M.clear(document.getElementById('bk-quote-box'));
    var line = (quote.lines || [])[0] || {};
    var payers = line.payers || quote.totals || {};
    box.hidden = false;
    box.appendChild(el('h2.m-h2', { text: t('book.quoteTitle') }));
    box.appendChild(el('p', { text: (M.cfg.lang === 'en' ? line.nameEn : line.nameZh) + ' × ' + b.quantity + ' · ' + b.date + ' ' + b.windowFrom + '–' + b.windowTo }));
    box.appendChild(el('ul.m-elements#bk-quote-lines',
      el('li', el('b', { text: t('book.amount') + ' ' }), M.yuan(line.amountFen !== undefined ? line.amountFen : quote.totalFen)),
      Object.keys(payers).filter(function (k) { return payers[k]; }).map(function (k) {
        return el('li', el('b', { text: M.tOr('payer.' + k, k) + ' ' }), M.yuan(payers[k]));
      }),
      el('li.m-self', { 'data-fen': String(quote.selfAfterSubsidiesFen) }, el('b', { text: t('book.familyPays') + ' ' }), M.yuan(quote.selfAfterSubsidiesFen))));
    box.appendChild(el('p.m-note', { text: t('book.quoteNote') }));
    var confirmBtn = el('button#bk-confirm.m-btn.m-btn-big', { type: 'button', text: t('book.confirm') });
    confirmBtn.addEventListener('click', function () {
      confirmBtn.disabled = true;
      M.api('/bookings', { method: 'POST', body: b }).then(function (order) {
        box.hidden = true;
        M.toast(t('book.booked'), 'ok');
        document.getElementById('fm-book-form').reset();
        document.getElementById('bk-date').value = M.day(1);
        return showOrders(order);
      }).catch(function (e) { confirmBtn.disabled = false; M.toast(M.isNetworkError(e) ? t('family.offline') : e.message, 'error'); });
    });
    box.appendChild(confirmBtn);
  }
  document.getElementById('fm-book-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var b = booking();
    if (!b.itemCode || !b.date || !b.windowFrom || !b.windowTo) { M.toast(t('book.incomplete'), 'error'); return; }
    if (b.windowTo <= b.windowFrom) { M.toast(t('book.windowOrder'), 'error'); return; }
    M.api('/quotes', { method: 'POST', body: { elderId: b.elderId, month: b.date.slice(0, 7), lines: [{ itemCode: b.itemCode, quantity: b.quantity }] } })
      .then(function (q) { showQuote(b, q); })
      .catch(function (e) { M.toast(M.isNetworkError(e) ? t('family.offline') : e.message, 'error'); });
  });
  function showOrders(justBooked) {
    var listNode = document.getElementById('fm-orders');
    return M.api('/orders?elderId=' + elderId + '&from=' + M.day(-7) + '&to=' + M.day(60)).then(function (answer) {
      var orders = asList(answer).filter(function (o) { return o.source === 'BOOKING'; })
        .sort(function (a, b) { return String(b.createdAt || '').localeCompare(String(a.createdAt || '')); });
      M.clear(listNode);
      if (!orders.length) { listNode.appendChild(el('li.m-empty', { text: t('book.none') })); }
      orders.slice(0, 20).forEach(function (o) {
        var name = o.itemName;
        listNode.appendChild(el('li.m-card.m-order', { 'data-id': String(o.id), 'data-status': o.status || '', 'class': justBooked && justBooked.id === o.id ? 'm-card m-order m-new' : null },
          el('div.m-card-top', el('span.m-time', { text: (o.serviceDate || M.dayOf(o.windowStart)) + ' ' + M.hhmm(o.windowStart) + (o.windowEnd ? '–' + M.hhmm(o.windowEnd) : '') }),
            el('span.m-chip.m-order-status', { 'data-status': o.status || '', text: M.tOr('order.' + o.status, o.status || '') })),
          el('div.m-card-title', { text: (name || o.itemCode || '') + (o.quantity > 1 ? ' × ' + o.quantity : '') }),
          el('div.m-card-sub', { text: [o.providerName, o.caregiverName ? t('family.caregiver', o.caregiverName) : null, M.yuan(o.amountFen)].filter(Boolean).join(' · ') }),
          o.note ? el('div.m-note', { text: o.note }) : null));
      });
    }).catch(function (e) { failNote(listNode, e); });
  }
  function showBook() {
    var date = document.getElementById('bk-date');
    date.min = M.day(0);
    if (!date.value) { date.value = M.day(1); }
    return loadItems().then(function () { return showOrders(); })
      .catch(function (e) { M.toast(M.isNetworkError(e) ? t('family.offline') : e.message, 'error'); });
  }

  // ---------- alarms (the same API as the live family alarm page) ----------
  function showAlarms() {
    var listNode = document.getElementById('fm-alarm-list');
    return M.api('/alarms?open=false&elderId=' + elderId + '&size=30').then(function (alarms) {
      M.clear(listNode);
      if (!alarms.length) { listNode.appendChild(el('li.m-empty', { text: t('family.noAlarms') })); }
      alarms.forEach(function (a) {
        listNode.appendChild(el('li.m-card.m-alarm.m-sev-' + a.severity, { 'data-id': String(a.id), 'data-status': a.status },
          el('div.m-card-top', el('span.m-time', { text: M.dateTime(a.raisedAt) }), el('span.m-chip.m-sev', { text: M.tOr('alarmType.' + a.type, a.type) }),
            el('span.m-chip', { text: M.tOr('alarmStatus.' + a.status, a.status) })),
          el('div.m-card-title', { text: a.summary || '' }),
          a.responderName ? el('div.m-card-sub', { text: t('family.responder', a.responderName) }) : null));
      });
    }).catch(function (e) { failNote(listNode, e); });
  }

  var panes = { schedule: showSchedule, history: showHistory, book: showBook, alarms: showAlarms };
  function show(name) {
    tab = name;
    document.querySelectorAll('#fm-app > .m-tabs .m-tab').forEach(function (b) { b.setAttribute('aria-selected', String(b.dataset.tab === name)); });
    Object.keys(panes).forEach(function (k) { document.getElementById('fm-' + k).hidden = k !== name; });
    if (elderId) { return panes[name](); }
    return null;
  }
  document.querySelectorAll('#fm-app > .m-tabs .m-tab').forEach(function (b) {
    b.addEventListener('click', function () { history.replaceState(null, '', '#' + b.dataset.tab); show(b.dataset.tab); });
  });
  elderSelect.addEventListener('change', function () {
    elderId = elderSelect.value;
    M.save('elder', elderId);
    showElderName(Array.prototype.map.call(elderSelect.options, function (o) { return { id: o.value, name: o.textContent }; }));
    show(tab);
  });

  loadElders().then(function () {
    var wanted = location.hash.slice(1);
    show(panes[wanted] ? wanted : 'schedule');
  }).catch(function (e) { M.toast(e.message, 'error'); });
})();
