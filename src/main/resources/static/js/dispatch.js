// Order board: "select all pending" ticks every pending order's box for the bulk accept.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.getElementById('select-all');
  if (!all) {
    return;
  }
  all.addEventListener('change', () => {
    document.querySelectorAll('#orders input.pick').forEach(box => { box.checked = all.checked; });
  });
});
