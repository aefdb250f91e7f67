// The inbox page: new notifications arrive over server-sent events and are put on top of the list.
(function () {
  var list = document.getElementById('inbox');
  if (!list || !window.EventSource) { return; }
  var status = document.getElementById('live-status');
  var counter = document.getElementById('unread-count');
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function setUnread(n) {
    counter.dataset.unread = n;
    counter.textContent = counter.dataset.template.replace('{n}', n);
  }

  function entry(n) {
    var li = document.createElement('li');
    li.className = 'inbox-entry unread fresh' + (n.urgent ? ' urgent' : '');
    li.id = 'inbox-' + n.id;
    li.dataset.id = n.id;
    var head = document.createElement('div');
    head.className = 'inbox-head';
    var title = document.createElement('strong');
    title.className = 'inbox-title';
    title.textContent = n.title || '';
    var time = document.createElement('span');
    time.className = 'hint';
    time.textContent = list.dataset.newLabel + ' · ' + new Date(n.createdAt).toLocaleString();
    head.appendChild(title);
    head.appendChild(time);
    var body = document.createElement('div');
    body.className = 'inbox-body';
    body.textContent = n.body || '';
    var actions = document.createElement('div');
    actions.className = 'inbox-actions';
    if (n.link && n.link.charAt(0) === '/' && n.link.charAt(1) !== '/') {
      var a = document.createElement('a');
      a.href = n.link;
      a.textContent = list.dataset.openLabel;
      actions.appendChild(a);
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'link mark-read';
    button.textContent = list.dataset.readLabel;
    button.addEventListener('click', function () {
      var headers = {};
      if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
      fetch('/notifications/inbox/' + n.id + '/read', { method: 'POST', headers: headers, redirect: 'manual' }).then(function () {
        li.classList.remove('unread');
        li.classList.add('read');
        button.remove();
        setUnread(Math.max(0, Number(counter.dataset.unread) - 1));
      });
    });
    actions.appendChild(button);
    li.appendChild(head);
    li.appendChild(body);
    li.appendChild(actions);
    return li;
  }

  var source = new EventSource(list.dataset.stream);
  source.addEventListener('ready', function (e) {
    status.textContent = status.dataset.live;
    status.dataset.state = 'live';
    setUnread(JSON.parse(e.data).unread);
  });
  source.addEventListener('notification', function (e) {
    var n = JSON.parse(e.data);
    if (document.getElementById('inbox-' + n.id)) { return; }
    var empty = list.querySelector('.empty');
    if (empty) { empty.remove(); }
    list.insertBefore(entry(n), list.firstChild);
    setUnread(Number(counter.dataset.unread) + 1);
  });
  source.onerror = function () {
    status.textContent = status.dataset.offline;
    status.dataset.state = 'offline';
  };
})();
