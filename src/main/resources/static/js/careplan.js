// Signature pad of the care-plan agreement: draw with a finger, a pen or the mouse (pointer events), sent as a PNG.
(function () {
  var canvas = document.getElementById('sig-pad');
  var form = document.getElementById('sign-form');
  if (!canvas || !form) { return; }
  var ctx = canvas.getContext('2d');
  var strokes = 0, drawing = false, last = null;

  function size() {
    var ratio = Math.max(window.devicePixelRatio || 1, 1);
    var rect = canvas.getBoundingClientRect();
    canvas.width = Math.round(rect.width * ratio);
    canvas.height = Math.round(rect.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.lineWidth = 2.6;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1a2e';
    strokes = 0;
  }
  function point(e) {
    var rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }
  canvas.addEventListener('pointerdown', function (e) {
    e.preventDefault();
    try { canvas.setPointerCapture(e.pointerId); } catch (ignored) { /* synthetic or already released pointer */ }
    drawing = true;
    last = point(e);
    ctx.beginPath();
    ctx.arc(last.x, last.y, 1.2, 0, Math.PI * 2);
    ctx.fillStyle = '#1a1a2e';
    ctx.fill();
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drawing) { return; }
    e.preventDefault();
    var p = point(e);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last = p;
    strokes++;
    document.getElementById('pad-error').hidden = true;
  });
  function end() { drawing = false; }
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('pointerleave', end);
  document.getElementById('pad-clear').addEventListener('click', function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    strokes = 0;
  });

  var method = document.getElementById('sign-method');
  function toggle() {
    var drawn = method.value === 'DRAWN';
    document.getElementById('pad-box').hidden = !drawn;
    document.getElementById('witness-name').required = !drawn;
    document.getElementById('witness-box').hidden = drawn;
  }
  method.addEventListener('change', toggle);
  toggle();
  size();
  window.addEventListener('resize', function () { if (strokes === 0) { size(); } });

  form.addEventListener('submit', function (e) {
    var hidden = document.getElementById('signature-png');
    if (method.value === 'DRAWN') {
      if (strokes < 3) {
        e.preventDefault();
        document.getElementById('pad-error').hidden = false;
        return;
      }
      hidden.value = canvas.toDataURL('image/png');
    } else {
      hidden.value = '';
    }
  });
})();
