// The pipeline view (SPEC §8): one pipeline's graph as Logstash runs it, drawn as SVG from top to
// bottom, with live figures on its plugin boxes. The layout is a small layered (Sugiyama-style)
// layout written here rather than a library: dagre alone weighs more than the rest of the page, and
// a Logstash graph is a DAG that is mostly a chain with if/else branches. Everything Logstash
// supplies (ids, condition text, file names) goes in as text nodes, never as markup.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var W = 196, H_PLUGIN = 66, H_IF = 42, H_QUEUE = 28, DUMMY = 6, JUNCTION = 8;
  var GAP_X = 22, GAP_Y = 34, MARGIN = 12;
  var LINE = 15;
  var views = 0;

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function cut(text, max) {
    text = String(text);
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  function basename(file) { return String(file).split('/').pop(); }

  // "grok @ main.conf:42" tells an operator more than a 64-character generated id.
  function shownId(v) {
    var generated = v.explicitId === false || /^[0-9a-f]{32,}$/.test(v.id);
    if (generated && v.source && v.source.file) return basename(v.source.file) + (v.source.line ? ':' + v.source.line : '');
    return v.id;
  }

  function height(v) { return v.dummy ? 0 : v.kind === 'junction' ? JUNCTION : v.kind === 'if' ? H_IF : v.kind === 'queue' ? H_QUEUE : H_PLUGIN; }
  function width(v) { return v.dummy ? DUMMY : v.kind === 'junction' ? JUNCTION : W; }

  // ---- layout ---------------------------------------------------------------------------------

  // Layers by longest path from the sources, edges that close a cycle (none in a real Logstash graph,
  // but the input is not trusted) left out, long edges split by dummy nodes, each layer ordered by
  // the barycentre of its neighbours, then placed under their parents without overlapping.
  function layout(graph) {
    var nodes = graph.vertices.map(function (v) { return { v: v, id: v.id, ins: [], outs: [] }; });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var edges = [];
    graph.edges.forEach(function (e) {
      var a = byId[e.from], b = byId[e.to];
      if (a && b && a !== b) edges.push({ from: a, to: b, when: e.when });
    });
    edges = junctions(nodes, edges);
    // A true branch before a false one, so an if's true side is drawn to the left.
    edges.sort(function (x, y) { return rank(x.when) - rank(y.when); });
    edges.forEach(function (e) { e.from.outs.push(e); });

    var state = {}, order = [], kept = [];
    function visit(n) {
      var stack = [[n, 0]];
      state[n.id] = 1;
      while (stack.length) {
        var top = stack[stack.length - 1], node = top[0];
        if (top[1] < node.outs.length) {
          var e = node.outs[top[1]++];
          if (state[e.to.id] === 1) continue; // closes a cycle: not drawn
          kept.push(e);
          if (!state[e.to.id]) { state[e.to.id] = 1; stack.push([e.to, 0]); }
        } else {
          state[node.id] = 2;
          order.push(node);
          stack.pop();
        }
      }
    }
    var hasIn = {};
    edges.forEach(function (e) { hasIn[e.to.id] = true; });
    nodes.forEach(function (n) { if (!hasIn[n.id] && !state[n.id]) visit(n); });
    nodes.forEach(function (n) { if (!state[n.id]) visit(n); });
    order.reverse(); // a topological order of the kept edges

    nodes.forEach(function (n) { n.outs = []; n.ins = []; });
    kept.forEach(function (e) { e.from.outs.push(e); e.to.ins.push(e); });
    order.forEach(function (n) {
      n.layer = 0;
      n.ins.forEach(function (e) { n.layer = Math.max(n.layer, e.from.layer + 1); });
    });
    nodes.forEach(function (n) { n.outs = []; n.ins = []; });

    // Dummy nodes on edges longer than a layer; each drawn edge is then a chain of one-layer hops.
    var all = nodes.slice(), hops = [], drawn = [];
    kept.forEach(function (e) {
      var points = [e.from], prev = e.from;
      for (var l = e.from.layer + 1; l < e.to.layer; l++) {
        var d = { dummy: true, id: '~' + all.length, layer: l, ins: [], outs: [], v: { dummy: true } };
        all.push(d);
        hops.push({ from: prev, to: d });
        points.push(d);
        prev = d;
      }
      hops.push({ from: prev, to: e.to });
      points.push(e.to);
      drawn.push({ points: points, when: e.when });
    });
    hops.forEach(function (h) { h.from.outs.push(h); h.to.ins.push(h); });

    var layers = [];
    // First order: as a depth-first walk meets them, true branches first.
    var seen = {}, walk = [];
    function meet(n) {
      var stack = [n];
      while (stack.length) {
        var x = stack.pop();
        if (seen[x.id]) continue;
        seen[x.id] = true;
        walk.push(x);
        for (var i = x.outs.length - 1; i >= 0; i--) stack.push(x.outs[i].to);
      }
    }
    order.forEach(function (n) { if (!n.ins.length) meet(n); });
    all.forEach(meet);
    walk.forEach(function (n) { (layers[n.layer] = layers[n.layer] || []).push(n); });
    for (var li = 0; li < layers.length; li++) layers[li] = layers[li] || [];
    layers.forEach(function (layer) { layer.forEach(function (n, i) { n.pos = i; }); });

    var best = crossings(layers), bestOrder = layers.map(function (l) { return l.slice(); });
    for (var sweep = 0; sweep < 4 && best > 0; sweep++) {
      var down = sweep % 2 === 0;
      for (var k = down ? 1 : layers.length - 2; down ? k < layers.length : k >= 0; k += down ? 1 : -1) {
        layers[k].forEach(function (n) {
          var nb = down ? n.ins.map(function (h) { return h.from; }) : n.outs.map(function (h) { return h.to; });
          n.bary = nb.length ? nb.reduce(function (s, m) { return s + m.pos; }, 0) / nb.length : n.pos;
        });
        layers[k].sort(function (a, b) { return a.bary - b.bary || a.pos - b.pos; });
        layers[k].forEach(function (n, i) { n.pos = i; });
      }
      var now = crossings(layers);
      if (now < best) {
        best = now;
        bestOrder = layers.map(function (l) { return l.slice(); });
      }
    }
    layers = bestOrder;
    layers.forEach(function (layer) { layer.forEach(function (n, i) { n.pos = i; }); });

    // x: under the mean of the parents, pushed right to clear the left neighbour, then the layer
    // shifted back by the mean push, again clear of its neighbours.
    var y = MARGIN;
    layers.forEach(function (layer) {
      var tallest = 0;
      layer.forEach(function (n) {
        var parents = n.ins.map(function (h) { return h.from; });
        n.want = parents.length ? parents.reduce(function (s, p) { return s + p.x; }, 0) / parents.length : null;
        tallest = Math.max(tallest, height(n.v));
      });
      var next = 0;
      layer.forEach(function (n) {
        var w = width(n.v);
        var want = n.want === null ? next + w / 2 : n.want;
        n.x = Math.max(want, next + w / 2);
        next = n.x + w / 2 + (n.dummy ? GAP_X / 3 : GAP_X);
      });
      var shift = 0, count = 0;
      layer.forEach(function (n) { if (n.want !== null) { shift += n.x - n.want; count++; } });
      if (count) {
        shift /= count;
        var limit = -Infinity;
        layer.forEach(function (n) {
          n.x = Math.max(n.x - shift, limit + width(n.v) / 2);
          limit = n.x + width(n.v) / 2 + (n.dummy ? GAP_X / 3 : GAP_X);
        });
      }
      layer.forEach(function (n) { n.y = y; n.h = height(n.v); n.cy = y + tallest / 2; });
      y += (tallest || DUMMY) + GAP_Y;
    });
    var minX = Infinity, maxX = -Infinity;
    all.forEach(function (n) { minX = Math.min(minX, n.x - width(n.v) / 2); maxX = Math.max(maxX, n.x + width(n.v) / 2); });
    if (!all.length) { minX = 0; maxX = 0; }
    all.forEach(function (n) { n.x += MARGIN - minX; });
    return { nodes: nodes, edges: drawn, width: Math.ceil(maxX - minX + 2 * MARGIN), height: Math.ceil(y - GAP_Y + MARGIN) };
  }

  // Logstash's serializer removes the separators between a pipeline's sections, so every branch end
  // gets an edge to every vertex of the next section (10 branches × 2 outputs: 20 edges). Sources that
  // leave by the same branch for the same two or more vertices meet again at a junction point.
  function junctions(nodes, edges) {
    var groups = {};
    var bySource = {};
    edges.forEach(function (e) {
      var k = e.from.id + '\u0000' + rank(e.when);
      (bySource[k] = bySource[k] || { from: e.from, when: e.when, to: [] }).to.push(e.to);
    });
    Object.keys(bySource).forEach(function (k) {
      var g = bySource[k];
      if (g.to.length < 2) return;
      var key = g.to.map(function (n) { return n.id; }).sort().join('\u0000');
      (groups[key] = groups[key] || []).push(g);
    });
    var out = [], replaced = {};
    Object.keys(groups).forEach(function (key, i) {
      var members = groups[key];
      if (members.length < 2) return;
      var j = { v: { id: '+' + i, kind: 'junction' }, id: '+' + i, ins: [], outs: [] };
      nodes.push(j);
      members.forEach(function (g) {
        replaced[g.from.id + '\u0000' + rank(g.when)] = true;
        out.push({ from: g.from, to: j, when: g.when });
      });
      members[0].to.forEach(function (t) { out.push({ from: j, to: t, when: null }); });
    });
    edges.forEach(function (e) { if (!replaced[e.from.id + '\u0000' + rank(e.when)]) out.push(e); });
    return out;
  }

  // Edge crossings between each layer and the next, for the ordering sweeps to keep only what helps.
  function crossings(layers) {
    var total = 0;
    for (var k = 0; k + 1 < layers.length; k++) {
      var hs = [];
      layers[k].forEach(function (n) { n.outs.forEach(function (h) { hs.push([n.pos, h.to.pos]); }); });
      for (var i = 0; i < hs.length; i++) {
        for (var j = i + 1; j < hs.length; j++) {
          if ((hs[i][0] - hs[j][0]) * (hs[i][1] - hs[j][1]) < 0) total++;
        }
      }
    }
    return total;
  }

  function rank(when) { return when === true ? 0 : when === false ? 2 : 1; }

  // ---- drawing --------------------------------------------------------------------------------

  function top(n) { return n.dummy ? n.cy : n.cy - n.h / 2; }
  function bottom(n) { return n.dummy ? n.cy : n.cy + n.h / 2; }

  function edgePath(points) {
    var d = 'M' + points[0].x + ' ' + bottom(points[0]);
    for (var i = 1; i < points.length; i++) {
      var a = points[i - 1], b = points[i];
      var y0 = bottom(a), y1 = top(b), mid = (y0 + y1) / 2;
      d += ' C' + a.x + ' ' + mid + ' ' + b.x + ' ' + mid + ' ' + b.x + ' ' + y1;
      if (b.dummy && i < points.length - 1) d += ' L' + b.x + ' ' + bottom(b);
    }
    return d;
  }

  // A view of one pipeline: create once per graph, update at every refresh.
  function PipelineView(graph, options) {
    this.graph = graph;
    this.options = options || {};
    this.boxes = {};
    this.selected = null;
    this.element = document.createElement('div');
    this.element.className = 'graph';
    this.scroller = document.createElement('div');
    this.scroller.className = 'graph-scroll';
    this.details = document.createElement('div');
    this.details.className = 'graph-details';
    this.details.hidden = true;
    this.element.appendChild(this.scroller);
    this.element.appendChild(this.details);
    var started = performance.now();
    this.draw();
    this.element.dataset.drawnInMs = String(Math.round(performance.now() - started));
  }

  PipelineView.prototype.draw = function () {
    var self = this;
    var g = layout(this.graph);
    var marker = 'arrow-' + (++views);
    var root = svg('svg', { width: g.width, height: g.height, viewBox: '0 0 ' + g.width + ' ' + g.height, role: 'img',
      'aria-label': 'Pipeline ' + this.graph.pipeline + ': ' + this.graph.vertices.length + ' vertices' });
    var defs = svg('defs');
    var m = svg('marker', { id: marker, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    m.appendChild(svg('path', { d: 'M0 0 L10 5 L0 10 z', 'class': 'arrow-head' }));
    defs.appendChild(m);
    root.appendChild(defs);
    var edgeLayer = svg('g', { 'class': 'edges' });
    g.edges.forEach(function (e) {
      var into = e.points[e.points.length - 1].v.kind === 'junction';
      var path = svg('path', { d: edgePath(e.points), 'class': 'edge' + (e.when === false ? ' when-false' : '') });
      if (!into) path.setAttribute('marker-end', 'url(#' + marker + ')');
      edgeLayer.appendChild(path);
      if (e.when === true || e.when === false) {
        var a = e.points[0], b = e.points[1];
        var lx = a.x + (b.x - a.x) * 0.35 + (b.x >= a.x ? 4 : -4);
        edgeLayer.appendChild(svg('text', { x: lx, y: bottom(a) + 13, 'class': 'edge-label', 'text-anchor': b.x >= a.x ? 'start' : 'end' },
          e.when ? 'true' : 'false'));
      }
    });
    root.appendChild(edgeLayer);
    g.nodes.forEach(function (n) {
      root.appendChild(n.v.kind === 'junction' ? svg('circle', { cx: n.x, cy: n.cy, r: JUNCTION / 2, 'class': 'junction' }) : self.box(n));
    });
    this.scroller.replaceChildren(root);
  };

  PipelineView.prototype.box = function (n) {
    var self = this, v = n.v;
    var x = n.x - W / 2, y = n.cy - n.h / 2;
    var node = svg('g', { 'class': 'node kind-' + v.kind + (v.pluginType ? ' type-' + v.pluginType : ''), tabindex: '0',
      'data-vertex-id': v.id });
    var title = svg('title');
    node.appendChild(title);
    node.appendChild(svg('rect', { x: x, y: y, width: W, height: n.h, rx: v.kind === 'if' ? 14 : 5 }));
    var lines = [];
    if (v.kind === 'queue') {
      lines.push(svg('text', { x: n.x, y: y + 18, 'class': 'box-title', 'text-anchor': 'middle' }, 'queue'));
      title.textContent = 'The pipeline\'s queue: inputs write to it, workers take batches from it';
    } else if (v.kind === 'if') {
      lines.push(svg('text', { x: x + 10, y: y + 16, 'class': 'box-title' }, 'if'));
      lines.push(svg('text', { x: x + 10, y: y + 32, 'class': 'box-condition' }, cut(v.condition || '', 30)));
      title.textContent = 'if ' + (v.condition || '');
    } else {
      lines.push(svg('text', { x: x + 10, y: y + 16, 'class': 'box-title' }, cut((v.configName || '?') + ' · ' + (v.pluginType || ''), 30)));
      lines.push(svg('text', { x: x + 10, y: y + 16 + LINE, 'class': 'box-id' }, cut(shownId(v), 30)));
      var figures = svg('text', { x: x + 10, y: y + 16 + 2 * LINE, 'class': 'box-figures' }, '– ev/s · – ms/ev');
      var link = svg('text', { x: x + 10, y: y + 16 + 3 * LINE - 1, 'class': 'box-link' }, '');
      var badge = svg('text', { x: x + W - 8, y: y + 16 + 3 * LINE - 1, 'class': 'box-badge', 'text-anchor': 'end' }, '');
      lines.push(figures, link, badge);
      this.boxes[v.id] = { node: node, figures: figures, link: link, badge: badge, title: title, vertex: v };
      title.textContent = v.id;
    }
    lines.forEach(function (l) { node.appendChild(l); });
    var select = function (e) {
      if (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') return;
      if (e.type === 'keydown') e.preventDefault();
      var box = self.boxes[v.id];
      if (box && box.linkTarget && e.target === box.link && self.options.onLink) {
        self.options.onLink(box.linkTarget);
        return;
      }
      self.select(self.selected === v.id ? null : v.id);
    };
    node.addEventListener('click', select);
    node.addEventListener('keydown', select);
    if (v.kind !== 'plugin') this.boxes[v.id] = this.boxes[v.id] || { node: node, vertex: v, title: title };
    return node;
  };

  // figures: plugin id -> {rate, ms, bottleneck, link: {label, pipeline, vertex}, plugin}; the boxes' numbers
  // change, the layout does not.
  PipelineView.prototype.update = function (figures) {
    var self = this;
    this.figures = figures || {};
    Object.keys(this.boxes).forEach(function (id) {
      var box = self.boxes[id], f = self.figures[id] || {};
      if (!box.figures) return;
      // An input's worker time is not its own: it waits on the queue. Its rate is what it brings in.
      box.figures.textContent = (f.rate === null || f.rate === undefined ? '–' : fmt(f.rate)) + ' ev/s'
        + (box.vertex.pluginType === 'input' ? '' : ' · ' + (f.ms === null || f.ms === undefined ? '–' : fmt(f.ms)) + ' ms/ev');
      box.link.textContent = f.link ? cut(f.link.label, 22) : '';
      box.linkTarget = f.link || null;
      box.badge.textContent = f.bottleneck ? 'bottleneck' : '';
      box.node.classList.toggle('bottleneck', !!f.bottleneck);
      box.node.classList.toggle('linked', !!f.link);
    });
    if (this.selected) this.select(this.selected);
  };

  PipelineView.prototype.select = function (id) {
    var self = this;
    Object.keys(this.boxes).forEach(function (k) { self.boxes[k].node.classList.toggle('selected', k === id); });
    this.selected = id;
    var box = id ? this.boxes[id] : null;
    this.details.hidden = !box;
    if (!box) { this.details.replaceChildren(); return; }
    var v = box.vertex, f = (this.figures || {})[id] || {}, p = f.plugin || {};
    var rows = [];
    function row(label, value) { if (value !== null && value !== undefined && value !== '') rows.push([label, String(value)]); }
    if (v.kind === 'if') {
      row('Condition', v.condition);
    } else if (v.kind === 'queue') {
      row('Queue', 'inputs write to it; the workers take batches from it');
    } else {
      row('Plugin', (v.configName || '?') + ' (' + (v.pluginType || '?') + ')');
      row('Id', v.id + (v.explicitId === false ? ' (generated by Logstash)' : ''));
      var ev = p.events || {};
      row('Events in / out', (ev.in === undefined ? '–' : fmt(ev.in)) + ' / ' + (ev.out === undefined ? '–' : fmt(ev.out)));
      row('Events per second', f.rate === null || f.rate === undefined ? null : fmt(f.rate));
      row('Worker utilization', f.utilization === null || f.utilization === undefined ? null : fmt(f.utilization) + ' %');
      row('Worker ms per event', f.ms === null || f.ms === undefined ? null : fmt(f.ms));
      if (f.bottleneck) row('Bottleneck', f.bottleneck);
      if (p.sendTo && p.sendTo.length) row('Sends to', p.sendTo.join(', ') + (f.link ? ' (pipeline ' + f.link.pipeline + ')' : ''));
      row('Listens on', p.address);
      if (f.delivery) row('Delivery since start', f.delivery);
    }
    if (v.source && v.source.file) {
      row('Defined at', v.source.file + (v.source.line ? ':' + v.source.line + (v.source.column ? ':' + v.source.column : '') : ''));
    }
    var dl = document.createElement('dl');
    rows.forEach(function (r) {
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = r[0];
      dd.textContent = r[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    this.details.replaceChildren(dl);
  };

  PipelineView.prototype.focus = function (id) {
    var box = this.boxes[id];
    if (!box) return;
    this.select(id);
    box.node.focus();
    if (box.node.scrollIntoView) box.node.scrollIntoView({ block: 'nearest', inline: 'center' });
  };

  function fmt(v) {
    var a = Math.abs(v);
    var s = a >= 100 || a === Math.round(a) ? String(Math.round(v)) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  window.PipelineView = PipelineView;
}());
