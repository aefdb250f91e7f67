// Web Push on the family's alarm page: offers "turn on alarm alerts on this phone" where the browser supports it
// (service worker + PushManager + Notification), subscribes with the platform's VAPID key and saves the subscription;
// where unsupported the panel simply stays hidden (the page still updates live over SSE while open).
(function () {
  'use strict';
  var box = document.getElementById('push-panel');
  if (!box || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) { return; }
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  var enableBtn = box.querySelector('[data-push=enable]');
  var disableBtn = box.querySelector('[data-push=disable]');
  var state = box.querySelector('[data-push=state]');
  var key = null;
  var registration = null;

  function headers(json) {
    var h = {};
    if (json) { h['Content-Type'] = 'application/json'; }
    if (token && header) { h[header.content] = token.content; }
    return h;
  }
  function show(which) {
    ['on', 'denied', 'failed'].forEach(function (k) { var el = box.querySelector('[data-msg=' + k + ']'); if (el) { el.hidden = k !== which; } });
  }
  function keyBytes(b64) {
    var s = (b64 + '===='.substring(0, (4 - b64.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(s);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function render(sub) {
    box.hidden = false;
    enableBtn.hidden = !!sub;
    disableBtn.hidden = !sub;
    state.dataset.subscribed = sub ? 'true' : 'false';
    show(sub ? 'on' : (Notification.permission === 'denied' ? 'denied' : null));
  }
  function save(sub) {
    return fetch(box.dataset.subscribe, { method: 'POST', credentials: 'same-origin', headers: headers(true), body: JSON.stringify(sub.toJSON()) })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return sub; });
  }

  fetch(box.dataset.status, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (st) {
      if (!st || !st.enabled || !st.publicKey) { return null; }
      key = st.publicKey;
      return navigator.serviceWorker.register(box.dataset.sw, { scope: box.dataset.scope });
    })
    .then(function (reg) {
      if (!reg) { return; }
      registration = reg;
      return reg.pushManager.getSubscription().then(function (sub) {
        // a subscription of this browser made with another key (the platform's key changed) is replaced on the next "turn on"
        if (sub) { return save(sub).then(render, function () { render(sub); }); }
        render(null);
      });
    })
    .catch(function () { /* no push here: the panel stays hidden */ });

  enableBtn.addEventListener('click', function () {
    Notification.requestPermission().then(function (p) {
      if (p !== 'granted') { show('denied'); return; }
      return registration.pushManager.getSubscription()
        .then(function (old) { return old ? old.unsubscribe() : true; })
        .then(function () { return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }); })
        .then(save).then(render);
    }).catch(function () { show('failed'); });
  });

  disableBtn.addEventListener('click', function () {
    registration.pushManager.getSubscription().then(function (sub) {
      if (!sub) { render(null); return; }
      var endpoint = sub.endpoint;
      return sub.unsubscribe().then(function () {
        return fetch(box.dataset.subscribe + '?endpoint=' + encodeURIComponent(endpoint), { method: 'DELETE', credentials: 'same-origin', headers: headers(false) });
      }).then(function () { render(null); });
    }).catch(function () { show('failed'); });
  });
})();
