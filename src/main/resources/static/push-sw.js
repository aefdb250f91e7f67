// Service worker of the family's alarm page (/family/): shows Web Push messages (critical alarms) as system
// notifications even when no page is open, and opens the alarm page when one is tapped. The message is the JSON the
// platform encrypted for this browser (RFC 8291); the browser has already decrypted it: {title, body, link, reference, urgent}.
'use strict';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('push', function (event) {
  var d = {};
  try {
    d = event.data ? event.data.json() : {};
  } catch (e) {
    d = { body: event.data ? event.data.text() : '' };
  }
  var title = d.title || '居家养老 · 报警';
  event.waitUntil(self.registration.showNotification(title, {
    body: d.body || '',
    tag: d.reference || undefined,
    renotify: !!d.reference,
    requireInteraction: !!d.urgent,
    data: { link: d.link || '/family/alarms' }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var link = (event.notification.data && event.notification.data.link) || '/family/alarms';
  var url = new URL(link, self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].url === url && 'focus' in list[i]) { return list[i].focus(); }
    }
    return self.clients.openWindow(url);
  }));
});
