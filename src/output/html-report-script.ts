/**
 * The HTML report's script (plain ES2017, inlined and allowed by its hash in the page's CSP):
 * filters by service, minimum severity and kind, and a search, over the tree the page already
 * holds; hides what does not match and recounts every node. It only reads data-* attributes
 * and sets textContent, never HTML.
 */
export const HTML_REPORT_SCRIPT = `(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var all = function (root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); };
  var rank = { high: 3, medium: 2, low: 1 };
  var f = { service: byId('f-service'), severity: byId('f-severity'), kind: byId('f-kind'), search: byId('f-search') };
  var status = byId('status');
  var services = all(byId('tree'), 'details.service').map(function (s) {
    return {
      el: s, name: s.getAttribute('data-service'), n: s.querySelector(':scope > summary .n'),
      actions: all(s, 'details.action').map(function (a) {
        return {
          el: a, n: a.querySelector(':scope > summary .n'),
          changes: all(a, 'li.change').map(function (li) {
            return { el: li, sev: li.getAttribute('data-sev'), kind: li.getAttribute('data-kind'), text: li.getAttribute('data-text') };
          })
        };
      })
    };
  });
  var total = services.reduce(function (t, s) { return t + s.actions.reduce(function (u, a) { return u + a.changes.length; }, 0); }, 0);
  var plural = function (n, one, many) { return n.toLocaleString('en-US') + ' ' + (n === 1 ? one : many); };
  var count = function (shown, of) { return shown === of ? plural(of, 'change', 'changes') : shown.toLocaleString('en-US') + ' of ' + plural(of, 'change', 'changes'); };
  function apply() {
    var svc = f.service.value, min = rank[f.severity.value] || 0, kind = f.kind.value, q = f.search.value.trim().toLowerCase();
    var shown = 0, shownServices = 0;
    services.forEach(function (s) {
      var inService = 0, of = 0;
      s.actions.forEach(function (a) {
        var inAction = 0;
        a.changes.forEach(function (c) {
          var ok = (!svc || s.name === svc) && rank[c.sev] >= min && (!kind || c.kind === kind) && (!q || c.text.indexOf(q) >= 0);
          c.el.hidden = !ok;
          if (ok) inAction++;
        });
        a.el.hidden = inAction === 0;
        a.n.textContent = count(inAction, a.changes.length);
        inService += inAction;
        of += a.changes.length;
      });
      s.el.hidden = inService === 0;
      s.n.textContent = count(inService, of);
      if (inService > 0) shownServices++;
      if (inService > 0 && (q || svc)) s.el.open = true;
      shown += inService;
    });
    status.textContent = 'Showing ' + count(shown, total) + ' in ' + plural(shownServices, 'service', 'services') + '.';
  }
  [f.service, f.severity, f.kind].forEach(function (el) { el.addEventListener('change', apply); });
  f.search.addEventListener('input', apply);
  byId('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  byId('f-clear').addEventListener('click', function () { f.service.value = ''; f.severity.value = ''; f.kind.value = ''; f.search.value = ''; apply(); });
  byId('f-open').addEventListener('click', function () { services.forEach(function (s) { if (!s.el.hidden) s.el.open = true; }); });
  byId('f-close').addEventListener('click', function () { services.forEach(function (s) { s.el.open = false; }); });
  document.body.classList.add('js');
  apply();
})();
`;
