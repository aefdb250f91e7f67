// Service worker of the phone pages (/m/**): keeps the page shells and their scripts so a caregiver can open the
// visit list and check in without network. The API is never cached here (the pages keep their own copies of the
// visits; queued check-ins live in IndexedDB).
'use strict';
var CACHE = 'jujia-mobile-v1';
var ASSETS = ['css/mobile.css', 'js/mobile-core.js', 'js/mobile-caregiver.js', 'js/mobile-family.js'].map(function (p) {
  return new URL(p, self.location).pathname;
});

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(ASSETS); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('jujia-mobile-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (req.mode === 'navigate' && url.pathname.indexOf(new URL('m/', self.location).pathname) === 0) {
    // network first: a fresh shell (and session check) when online, the last good shell when not
    event.respondWith(fetch(req).then(function (res) {
      if (res.ok && !res.redirected) {
        var copy = res.clone();
        caches.open(CACHE).then(function (c) { return c.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  if (ASSETS.indexOf(url.pathname) >= 0) {
    // stale while revalidate
    event.respondWith(caches.open(CACHE).then(function (c) {
      return c.match(url.pathname).then(function (hit) {
        var fresh = fetch(req).then(function (res) { if (res.ok) { c.put(url.pathname, res.clone()); } return res; });
        return hit ? (fresh.catch(function () { return hit; }), hit) : fresh;
      });
    }));
  }
});
