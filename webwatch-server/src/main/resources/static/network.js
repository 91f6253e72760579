// Ego network of an account dossier, drawn by Cytoscape.js from /api/accounts/{site}/{account}/network.
(function () {
  'use strict';
  function draw() {
    var el = document.getElementById('network');
    if (!el || typeof cytoscape === 'undefined') return;
    fetch(el.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (g) {
        cytoscape({
          container: el,
          elements: { nodes: g.nodes, edges: g.edges },
          layout: { name: 'concentric', concentric: function (n) { return n.data('kind') === 'ego' ? 3 : n.data('kind') === 'same-person' ? 2 : 1; }, levelWidth: function () { return 1; } },
          style: [
            { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'background-color': '#6b7280', 'width': 18, 'height': 18 } },
            { selector: 'node[kind = "ego"]', style: { 'background-color': '#b91c1c', 'width': 28, 'height': 28 } },
            { selector: 'node[kind = "same-person"]', style: { 'background-color': '#d97706' } },
            { selector: 'edge', style: { 'width': 'mapData(weight, 1, 20, 1, 6)', 'line-color': '#9ca3af' } },
            { selector: 'edge[kind = "same-person"]', style: { 'line-style': 'dashed', 'line-color': '#d97706' } }
          ]
        }).on('tap', 'node', function (e) {
          var id = e.target.id();
          var i = id.indexOf(':');
          if (i > 0) window.location.href = '/account/' + encodeURIComponent(id.substring(0, i)) + '/' + encodeURIComponent(id.substring(i + 1));
        });
      });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
