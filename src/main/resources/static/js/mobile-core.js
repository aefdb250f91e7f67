// The phone web app's core (/m/**): messages, the bearer token, API calls, the offline queue, formatting.
// No external scripts. Exposes window.JujiaMobile for mobile-caregiver.js and mobile-family.js.
(function () {
  'use strict';

  var cfg = document.getElementById('m-config').dataset;
  var MSG = JSON.parse(cfg.messages || '{}');
  var USER = String(cfg.userId);
  var ZONE = 'Asia/Shanghai';
  var listeners = {};

  // ---------- messages ----------
  function t(key) {
    var s = Object.prototype.hasOwnProperty.call(MSG, key) ? MSG[key] : key;
    for (var i = 1; i < arguments.length; i++) { s = s.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return s;
  }
  function tOr(key, fallback) { return Object.prototype.hasOwnProperty.call(MSG, key) ? MSG[key] : fallback; }

  function on(name, fn) {
    (listeners[name] = listeners[name] || []).push(fn);
    return function off() { listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; }); };
  }
  function emit(name, detail) { (listeners[name] || []).forEach(function (fn) { try { fn(detail); } catch (e) { console.error(e); } }); }

  // ---------- dates in Asia/Shanghai ----------
  var dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  var timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  function day(offsetDays) { return dayFmt.format(new Date(Date.now() + (offsetDays || 0) * 86400000)); }
  /** "HH:mm" of an instant, or of a local "…THH:mm…" / "HH:mm" value as it is. */
  function hhmm(v) {
    if (!v) { return ''; }
    if (/^\d{2}:\d{2}/.test(v)) { return v.slice(0, 5); }
    if (/[zZ]|[+-]\d{2}:\d{2}$/.test(v)) { return timeFmt.format(new Date(v)); }
    var m = /T(\d{2}:\d{2})/.exec(v);
    return m ? m[1] : v;
  }
  function dayOf(v) {
    if (!v) { return ''; }
    if (/[zZ]|[+-]\d{2}:\d{2}$/.test(v)) { return dayFmt.format(new Date(v)); }
    return String(v).slice(0, 10);
  }
  function dateTime(v) { return v ? dayOf(v).slice(5) + ' ' + hhmm(v) : ''; }
  function yuan(fen) { return '¥' + (Number(fen || 0) / 100).toFixed(2); }

  // ---------- DOM ----------
  /** el('div.cls#id', {attr: v, onclick: fn}, child, 'text', …) */
  function el(spec, attrs) {
    var m = /^([a-z0-9]+)((?:[.#][\w-]+)*)$/i.exec(spec);
    var node = document.createElement(m[1]);
    (m[2].match(/[.#][\w-]+/g) || []).forEach(function (p) {
      if (p[0] === '.') { node.classList.add(p.slice(1)); } else { node.id = p.slice(1); }
    });
    var start = 1;
    if (attrs && typeof attrs === 'object' && !(attrs instanceof Node) && !Array.isArray(attrs)) {
      start = 2;
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k.slice(0, 2) === 'on' && typeof v === 'function') { node.addEventListener(k.slice(2), v); }
        else if (k === 'text') { node.textContent = v; }
        else if (k in node && typeof v !== 'string') { node[k] = v; }
        else { node.setAttribute(k, v === true ? '' : v); }
      });
    }
    for (var i = start; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }
  function append(node, c) {
    if (c === null || c === undefined || c === false) { return; }
    if (Array.isArray(c)) { c.forEach(function (x) { append(node, x); }); return; }
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  var toastTimer;
  function toast(text, kind) {
    var box = document.getElementById('m-toast');
    box.textContent = text;
    box.className = 'm-toast' + (kind ? ' m-toast-' + kind : '');
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, 5000);
  }

  // ---------- the bearer token ----------
  function tokenKey(user) { return 'jujia.m.token.' + user; }
  function storedToken(user) {
    try { return JSON.parse(localStorage.getItem(tokenKey(user)) || 'null'); } catch (e) { return null; }
  }
  function AuthError(message) { this.name = 'AuthError'; this.message = message; }
  AuthError.prototype = Object.create(Error.prototype);
  function HttpError(status, problem) {
    this.name = 'HttpError'; this.status = status; this.problem = problem || {};
    this.message = problemText(status, this.problem);
  }
  HttpError.prototype = Object.create(Error.prototype);
  function problemText(status, p) {
    var parts = [];
    var errors = p.errors || [];
    if (errors.length > 1 || (!p.detail && errors.length)) {
      errors.forEach(function (v) { parts.push((v.field ? v.field + ': ' : '') + (v.message || v.code || '')); });
    } else if (p.detail || p.title) { parts.push(p.detail || p.title); }
    return '[' + status + '] ' + (parts.join('; ') || t('error.http'));
  }

  var issuing = null;
  /** A fresh token for the signed-in user from the console session (POST /m/token with the CSRF header). */
  function issueToken() {
    if (issuing) { return issuing; }
    var headers = { 'Accept': 'application/json' };
    var csrf = document.querySelector('meta[name="_csrf"]');
    var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
    if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
    issuing = fetch(cfg.tokenUrl, { method: 'POST', headers: headers, credentials: 'same-origin', redirect: 'manual' })
      .then(function (res) {
        if (!res.ok || (res.headers.get('content-type') || '').indexOf('json') < 0) {
          document.getElementById('m-auth').hidden = false;
          throw new AuthError(t('auth.expired'));
        }
        return res.json();
      })
      .then(function (tok) {
        localStorage.setItem(tokenKey(USER), JSON.stringify({ token: tok.accessToken, expiresAt: Date.parse(tok.expiresAt) }));
        document.getElementById('m-auth').hidden = true;
        return tok.accessToken;
      })
      .finally(function () { issuing = null; });
    return issuing;
  }
  /** The stored token of a user (the signed-in one gets a new one when missing or about to expire). */
  function token(user) {
    var s = storedToken(user);
    if (s && s.expiresAt - Date.now() > 10 * 60 * 1000) { return Promise.resolve(s.token); }
    if (user !== USER) {
      return s && s.expiresAt > Date.now() ? Promise.resolve(s.token) : Promise.reject(new AuthError(t('auth.otherUser')));
    }
    return issueToken();
  }
  function forgetToken(user) { localStorage.removeItem(tokenKey(user)); }

  // ---------- the REST API ----------
  function request(path, options, tok) {
    var headers = { 'Accept': 'application/json, application/problem+json', 'Authorization': 'Bearer ' + tok };
    var init = { method: options.method || 'GET', headers: headers, credentials: 'omit', cache: 'no-store' };
    if (options.body !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(options.body); }
    return fetch(cfg.api + path, init);
  }
  /**
   * Calls /api/v1{path} with the bearer token of options.user (default: the signed-in user). Resolves with the JSON
   * answer; rejects with HttpError (an answer that is not 2xx), AuthError (no usable token) or TypeError (no network).
   */
  function api(path, options) {
    options = options || {};
    var user = options.user || USER;
    return token(user)
      .then(function (tok) { return request(path, options, tok); })
      .then(function (res) {
        if (res.status === 401 && user === USER) {
          forgetToken(user);
          return issueToken().then(function (tok) { return request(path, options, tok); });
        }
        return res;
      })
      .then(function (res) {
        if (res.status === 401) {
          forgetToken(user);
          if (user === USER) { document.getElementById('m-auth').hidden = false; }
          throw new AuthError(t('auth.expired'));
        }
        if (!res.ok) {
          return res.json().catch(function () { return {}; }).then(function (p) { throw new HttpError(res.status, p); });
        }
        return res.status === 204 ? null : res.text().then(function (s) { return s ? JSON.parse(s) : null; });
      });
  }
  function isNetworkError(e) { return e instanceof TypeError; }

  // ---------- the offline queue (IndexedDB) ----------
  // Every check-in and check-out is written here first, with its original capturedAt, position and photo, then
  // sent in order. An entry leaves the queue only when the server answered 2xx (or, for a 4xx, into "failed").
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var r = indexedDB.open('jujia-mobile', 1);
        r.onupgradeneeded = function () {
          r.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
          r.result.createObjectStore('failed', { keyPath: 'seq' });
        };
        r.onsuccess = function () { resolve(r.result); };
        r.onerror = function () { reject(r.error); };
      });
    }
    return dbPromise;
  }
  function tx(stores, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var x = d.transaction(stores, mode);
        var result;
        x.oncomplete = function () { resolve(result); };
        x.onerror = function () { reject(x.error); };
        x.onabort = function () { reject(x.error); };
        work(x, function (v) { result = v; });
      });
    });
  }
  function all(store) {
    return tx([store], 'readonly', function (x, done) {
      var r = x.objectStore(store).getAll();
      r.onsuccess = function () { done(r.result || []); };
    });
  }
  function enqueue(entry) {
    entry.user = USER;
    entry.queuedAt = new Date().toISOString();
    return tx(['queue'], 'readwrite', function (x, done) {
      var r = x.objectStore('queue').add(entry);
      r.onsuccess = function () { done(r.result); };
    }).then(function (seq) { entry.seq = seq; refreshBar(); emit('queued', entry); return seq; });
  }
  function removeQueued(seq) {
    return tx(['queue'], 'readwrite', function (x) { x.objectStore('queue').delete(seq); });
  }
  function moveToFailed(entry, error) {
    var failed = Object.assign({}, entry, { failedAt: new Date().toISOString(), status: error.status, problem: error.problem, message: error.message });
    return tx(['queue', 'failed'], 'readwrite', function (x) {
      x.objectStore('failed').put(failed);
      x.objectStore('queue').delete(entry.seq);
    });
  }
  function removeFailed(seq) {
    return tx(['failed'], 'readwrite', function (x) { x.objectStore('failed').delete(seq); }).then(refreshBar);
  }
  function pending() {
    return all('queue').then(function (q) { return q.sort(function (a, b) { return a.seq - b.seq; }); });
  }

  /** Whether a 409 answer means the queued action already reached the server (its answer was lost on the way back). */
  function alreadyApplied(entry) {
    if (!entry.visitId || (entry.kind !== 'check-in' && entry.kind !== 'check-out')) { return Promise.resolve(null); }
    return api('/visits/' + entry.visitId, { user: entry.user }).then(function (v) {
      var e = entry.kind === 'check-in' ? visitCheckIn(v) : visitCheckOut(v);
      var at = e && (e.capturedAt || e.at);
      return at && Date.parse(at) === Date.parse(entry.body.capturedAt) ? v : null;
    }).catch(function () { return null; });
  }

  var flushing = null;
  /** Sends the queued actions in order; stops at the first that cannot be sent now (no network, server error). */
  function flush() {
    if (flushing) { return flushing; }
    flushing = pending().then(function (items) {
      var blockedUsers = {};
      return items.reduce(function (chain, entry) {
        return chain.then(function (stop) {
          if (stop || blockedUsers[entry.user]) { return stop; }
          return api(entry.path, { method: 'POST', body: entry.body, user: entry.user })
            .then(function (answer) {
              return removeQueued(entry.seq).then(function () { emit('sent', { entry: entry, answer: answer }); return false; });
            })
            .catch(function (e) {
              if (e instanceof HttpError && e.status === 409) {
                return alreadyApplied(entry).then(function (v) {
                  if (v) { return removeQueued(entry.seq).then(function () { emit('sent', { entry: entry, answer: v }); return false; }); }
                  return moveToFailed(entry, e).then(function () { emit('failed', { entry: entry, error: e }); return false; });
                });
              }
              if (e instanceof HttpError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
                return moveToFailed(entry, e).then(function () { emit('failed', { entry: entry, error: e }); return false; });
              }
              if (e instanceof AuthError) { blockedUsers[entry.user] = true; emit('stalled', { entry: entry, error: e }); return false; }
              emit('stalled', { entry: entry, error: e });
              return true; // no network or a server error: keep this and everything after it, in order
            });
        });
      }, Promise.resolve(false));
    }).finally(function () { flushing = null; refreshBar(); });
    return flushing;
  }

  /** Queues a POST and tries to send it at once. Resolves {sent: true, answer} or {sent: false} (queued). */
  function submit(entry) {
    return enqueue(entry).then(function (seq) {
      return new Promise(function (resolve) {
        var settled = false, offSent, offFailed;
        function done(v) { if (!settled) { settled = true; offSent(); offFailed(); resolve(v); } }
        offSent = on('sent', function (d) { if (d.entry.seq === seq) { done({ sent: true, answer: d.answer }); } });
        offFailed = on('failed', function (d) { if (d.entry.seq === seq) { done({ sent: false, failed: true, error: d.error }); } });
        // a flush already under way may have started before this entry: give it a second pass
        flush().then(function () { return settled ? null : flush(); }).then(function () { done({ sent: false }); });
      });
    });
  }

  // ---------- the network bar ----------
  function refreshBar() {
    var bar = document.getElementById('m-net');
    var online = navigator.onLine;
    bar.dataset.online = String(online);
    document.getElementById('m-net-state').textContent = online ? t('net.online') : t('net.offline');
    return Promise.all([all('queue'), all('failed')]).then(function (r) {
      var mine = function (e) { return e.user === USER; };
      var q = r[0].filter(mine), f = r[1].filter(mine);
      document.getElementById('m-queue').hidden = q.length === 0;
      document.getElementById('m-queue-count').textContent = String(q.length);
      document.getElementById('m-failed-toggle').hidden = f.length === 0;
      document.getElementById('m-failed-count').textContent = String(f.length);
      renderFailed(f);
      emit('queue', q);
    }).catch(function (e) { console.error(e); });
  }
  function renderFailed(failed) {
    var list = clear(document.getElementById('m-failed-list'));
    failed.sort(function (a, b) { return a.seq - b.seq; }).forEach(function (f) {
      list.appendChild(el('li.m-failed-item', { 'data-seq': String(f.seq), 'data-kind': f.kind },
        el('b', { text: t('action.' + f.kind) + (f.label ? ' · ' + f.label : '') }),
        el('div.m-small', { text: t('queue.capturedAt') + ' ' + dateTime(f.body && f.body.capturedAt || f.queuedAt) }),
        el('div.m-error', { text: f.message || ('[' + f.status + ']') }),
        el('button.m-btn.m-btn-small.m-btn-ghost', { type: 'button', text: t('queue.dismiss'),
          onclick: function () { if (confirm(t('queue.dismissConfirm'))) { removeFailed(f.seq); } } })));
    });
    if (!failed.length) { document.getElementById('m-failed').hidden = true; }
  }

  // ---------- visits: one reading of the API's fields ----------
  var STATUS_ORDER = { IN_PROGRESS: 0, SCHEDULED: 1, FLAGGED: 2, VERIFIED: 3, DISPUTED: 4, CONFIRMED: 5, FRAUD_CONFIRMED: 6, CANCELLED: 7 };
  var PRIORITY_ORDER = { URGENT: 0, RED: 1, ORANGE: 2, YELLOW: 3, GREEN: 4 };
  function pick(o) {
    for (var i = 1; i < arguments.length; i++) {
      var path = arguments[i].split('.'), v = o;
      for (var j = 0; j < path.length && v !== null && v !== undefined; j++) { v = v[path[j]]; }
      if (v !== null && v !== undefined) { return v; }
    }
    return null;
  }
  function visitCheckIn(v) { return pick(v, 'checkIn'); }
  function visitCheckOut(v) { return pick(v, 'checkOut'); }
  /** One reading of a visit of the API (GET /api/v1/visits…): the names the pages use. */
  function visit(v) {
    var dispute = pick(v, 'dispute');
    var confirmation = pick(v, 'confirmation');
    return {
      raw: v,
      id: v.id,
      orderId: pick(v, 'orderId'),
      elderId: pick(v, 'elderId', 'elder.id'),
      elderName: pick(v, 'elderName', 'elder.name') || '',
      caregiverName: pick(v, 'caregiverName') || '',
      lat: pick(v, 'elder.latitude'),
      lon: pick(v, 'elder.longitude'),
      itemCode: pick(v, 'itemCode') || '',
      itemName: pick(v, 'itemName') || pick(v, 'itemCode') || '',
      priority: pick(v, 'priority'),
      start: pick(v, 'windowStart'),
      end: pick(v, 'windowEnd'),
      minutes: pick(v, 'plannedMinutes'),
      actualMinutes: pick(v, 'actualMinutes'),
      status: pick(v, 'status') || 'SCHEDULED',
      flags: pick(v, 'flags') || [],
      checkIn: visitCheckIn(v),
      checkOut: visitCheckOut(v),
      delayedSync: !!(pick(v, 'checkIn.delayedSync') || pick(v, 'checkOut.delayedSync')),
      checks: pick(v, 'checks') || [],
      pin: pick(v, 'confirmationPin'),
      confirmation: confirmation,
      dispute: dispute,
      outcome: dispute || pick(v, 'status') === 'DISPUTED' ? 'DISPUTED' : (confirmation ? 'CONFIRMED' : null),
      rating: pick(v, 'rating'),
      record: pick(v, 'record')
    };
  }
  function sortVisits(list) {
    return list.slice().sort(function (a, b) {
      var sa = STATUS_ORDER[a.status] !== undefined ? STATUS_ORDER[a.status] : 9, sb = STATUS_ORDER[b.status] !== undefined ? STATUS_ORDER[b.status] : 9;
      var openA = sa <= 1, openB = sb <= 1;
      if (openA !== openB) { return openA ? -1 : 1; }
      if (openA && sa !== sb) { return sa - sb; }
      if (openA) {
        var pa = PRIORITY_ORDER[a.priority] !== undefined ? PRIORITY_ORDER[a.priority] : 5, pb = PRIORITY_ORDER[b.priority] !== undefined ? PRIORITY_ORDER[b.priority] : 5;
        if (pa !== pb) { return pa - pb; }
      }
      return String(a.start || '').localeCompare(String(b.start || ''));
    });
  }
  function chip(status) {
    return el('span.m-chip.m-st-' + status, { 'data-status': status, text: tOr('status.' + status, status) });
  }
  function flagChips(flags) {
    return flags.map(function (f) {
      var code = typeof f === 'string' ? f : (f.code || f.flag || f.type);
      return el('span.m-chip.m-flag', { 'data-flag': code, text: tOr('flag.' + code, code) });
    });
  }
  function priorityDot(p) { return p ? el('span.m-prio.m-prio-' + p, { title: tOr('priority.' + p, p), 'aria-label': tOr('priority.' + p, p) }) : null; }

  // ---------- local copies for reading offline ----------
  function save(key, value) { try { localStorage.setItem('jujia.m.' + USER + '.' + key, JSON.stringify(value)); } catch (e) { /* full: reading offline is a convenience */ } }
  function load(key) { try { return JSON.parse(localStorage.getItem('jujia.m.' + USER + '.' + key) || 'null'); } catch (e) { return null; } }

  // ---------- wiring ----------
  document.getElementById('m-failed-toggle').addEventListener('click', function () {
    var box = document.getElementById('m-failed');
    box.hidden = !box.hidden;
  });
  document.getElementById('m-logout').addEventListener('submit', function (ev) {
    // Revoke the phone's token on logout, unless actions still wait to be sent with it.
    var form = this;
    ev.preventDefault();
    pending().then(function (q) {
      var s = storedToken(USER);
      if (q.some(function (e) { return e.user === USER; }) || !s) { return null; }
      return fetch(cfg.api + '/auth/token', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + s.token } })
        .then(function () { forgetToken(USER); }).catch(function () { /* offline: it expires by itself */ });
    }).catch(function () { return null; }).then(function () {
      // the cached page shells carry this user's name: drop them
      return window.caches ? caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf('jujia-mobile-') === 0; }).map(function (k) { return caches.delete(k); }));
      }).catch(function () { return null; }) : null;
    }).then(function () { form.submit(); });
  });
  window.addEventListener('online', function () { refreshBar(); flush(); });
  window.addEventListener('offline', refreshBar);
  setInterval(function () { pending().then(function (q) { if (q.length && navigator.onLine) { flush(); } }); }, 30000);
  if ('serviceWorker' in navigator && cfg.sw) {
    navigator.serviceWorker.register(cfg.sw, { scope: cfg.scope }).catch(function (e) { console.warn('service worker: ' + e); });
  }
  refreshBar().then(flush);

  window.JujiaMobile = {
    cfg: cfg, t: t, tOr: tOr, on: on, el: el, clear: clear, toast: toast,
    day: day, hhmm: hhmm, dayOf: dayOf, dateTime: dateTime, yuan: yuan,
    api: api, isNetworkError: isNetworkError, HttpError: HttpError, AuthError: AuthError,
    submit: submit, flush: flush, pending: pending,
    visit: visit, sortVisits: sortVisits, chip: chip, flagChips: flagChips, priorityDot: priorityDot,
    save: save, load: load, user: USER
  };
})();
