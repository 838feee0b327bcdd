// The graphgen page: draws the embedded graph with Cytoscape.js and wires the search box,
// the filters and the details panel. Names come from news text, so they are only ever put
// into the page as text (textContent), never as HTML.
'use strict';

(function () {
  // Above this many nodes a force-directed layout takes too long in a browser; concentric
  // circles by degree are instant and still put the hubs in the middle.
  const LARGE = 1000;

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const elements = data.graph.elements;
  const large = elements.nodes.length > LARGE;
  const $ = (id) => document.getElementById(id);

  // A deterministic sunflower spiral, so the layout starts (and ends) the same on every load.
  elements.nodes.forEach((n, i) => {
    const r = 30 * Math.sqrt(i), a = i * 2.399963;
    n.position = { x: r * Math.cos(a), y: r * Math.sin(a) };
  });

  const cy = cytoscape({
    container: $('cy'),
    elements: elements,
    layout: { name: 'preset' },
    minZoom: 0.001,
    maxZoom: 4,
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    style: [
      { selector: 'node', style: {
        'shape': 'data(shape)', 'width': 'data(size)', 'height': 'data(size)',
        'background-color': 'data(color)', 'border-color': 'data(border)', 'border-width': 'data(border_width)',
        'label': 'data(label)', 'font-size': 11, 'color': '#212121',
        'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': large ? 'none' : 'ellipsis', 'text-max-width': 160,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
        'min-zoomed-font-size': large ? 9 : 0,
      } },
      { selector: 'edge', style: {
        'width': (e) => 1 + e.data('width'), 'line-color': 'data(color)', 'line-style': 'data(line_style)',
        'target-arrow-shape': large ? 'none' : 'data(arrow)', 'target-arrow-color': 'data(color)',
        'target-arrow-fill': 'data(arrow_fill)', 'arrow-scale': 0.9,
        'curve-style': large ? 'haystack' : 'bezier', 'opacity': 0.8,
      } },
      { selector: '.hidden', style: { 'display': 'none' } },
      { selector: '.faded', style: { 'opacity': 0.15, 'text-opacity': 0.3 } },
      { selector: 'node.match', style: { 'border-color': '#d50000', 'border-width': 4, 'font-weight': 'bold', 'z-index': 10 } },
      { selector: ':selected', style: { 'overlay-color': '#ffeb3b', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    ],
  });

  // Communities (graphgen's Louvain numbering, 0 the largest) in twelve colours that stay
  // apart (ColorBrewer's Paired); communities past the twelfth, mostly lone pairs, share grey.
  const PALETTE = ['#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a', '#b15928',
    '#a6cee3', '#b2df8a', '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99'];
  function communityColour(c) { return c < PALETTE.length ? PALETTE[c] : '#bdbdbd'; }

  function colourBy(what) {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (what === 'community') {
          n.style('background-color', communityColour(n.data('community')));
        } else {
          n.removeStyle('background-color');
        }
      });
    });
    document.body.dataset.colour = what;
  }

  // For tests and the curious: `graphgen.cy` is the Cytoscape.js instance.
  const view = { cy: cy, ready: false, search: search, colourBy: colourBy };
  window.graphgen = view;

  // cose compares every pair of nodes at every step, so bigger graphs get fewer steps (they
  // cool faster) to keep the wait to a few seconds; drawing as it goes would cost more than
  // the steps. Above LARGE nodes even that is too slow, and concentric circles by degree
  // (hubs in the middle) take over.
  function layoutOptions(n) {
    if (large) {
      return { name: 'concentric', concentric: (node) => node.degree(), minNodeSpacing: 4, animate: false };
    }
    const steps = Math.max(50, Math.min(700, 4e7 / (n * n)));
    return {
      name: 'cose', randomize: false, animate: false,
      coolingFactor: Math.pow(0.001, 1 / steps), numIter: steps + 1,
      nodeRepulsion: () => 6000, idealEdgeLength: () => 70, componentSpacing: 60, padding: 30,
    };
  }

  function runLayout() {
    const layout = cy.layout(layoutOptions(cy.nodes().length));
    layout.one('layoutstop', () => {
      cy.resize();
      cy.fit(undefined, 30);
      view.ready = true;
      document.body.dataset.ready = 'true';
    });
    layout.run();
  }

  // ---- filters ----------------------------------------------------------------------

  function checkbox(name, count, swatch, onChange) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = name;
    box.addEventListener('change', onChange);
    const text = document.createElement('span');
    text.textContent = name;
    const n = document.createElement('span');
    n.className = 'count';
    n.textContent = count;
    label.append(box, swatch, text, n);
    return label;
  }

  function buildFilters() {
    const kindCount = countBy(cy.nodes(), 'kind');
    for (const k of data.kinds) {
      if (!kindCount[k.kind]) continue;
      const sw = document.createElement('span');
      sw.className = 'swatch ' + k.shape;
      sw.style.background = k.color;
      sw.style.borderColor = k.border;
      $('kind-filters').append(checkbox(k.kind, kindCount[k.kind], sw, applyFilters));
    }
    const relCount = countBy(cy.edges(), 'relation');
    for (const r of data.relations) {
      if (!relCount[r.relation]) continue;
      const sw = document.createElement('span');
      sw.className = 'line ' + r.line_style;
      sw.style.borderTopColor = r.color;
      $('relation-filters').append(checkbox(r.relation, relCount[r.relation], sw, applyFilters));
    }
    const slider = $('min-weight');
    slider.max = Math.max(1, ...cy.edges().map((e) => e.data('weight')));
    slider.disabled = slider.max === '1';
    slider.addEventListener('input', () => {
      $('min-weight-value').textContent = slider.value;
      applyFilters();
    });
  }

  // Every day some evidence carries, sorted; the two sliders pick a first and a last one.
  const days = [...new Set(cy.edges().map((e) => e.data('evidence_date')).flat().filter((d) => d))].sort();

  function buildDates() {
    if (days.length === 0) return;
    $('date-filter').hidden = false;
    const from = $('date-from'), to = $('date-to');
    from.max = to.max = String(days.length - 1);
    to.value = String(days.length - 1);
    const undated = cy.edges().filter((e) => e.data('evidence_date').some((d) => !d)).length;
    $('date-note').textContent = undated === 0 ? ''
      : (undated === 1 ? '1 relation has' : undated + ' relations have')
        + ' undated evidence; it shows only while the whole period is chosen.';
    const changed = () => {
      if (Number(from.value) > Number(to.value)) to.value = from.value;
      showDates();
      applyFilters();
    };
    from.addEventListener('input', changed);
    to.addEventListener('input', changed);
    showDates();
  }

  function showDates() {
    $('date-from-value').textContent = days[Number($('date-from').value)] || '';
    $('date-to-value').textContent = days[Number($('date-to').value)] || '';
  }

  /** The chosen period, or null when it is the whole corpus. */
  function period() {
    if (days.length === 0) return null;
    const from = Number($('date-from').value), to = Number($('date-to').value);
    if (from === 0 && to === days.length - 1) return null;
    return [days[from], days[to]];
  }

  /** True when some evidence of the edge falls in the period (a partial day: any of its days). */
  function inPeriod(edge, p) {
    return edge.data('evidence_date').some((d) => d && d <= p[1] + '\u007f' && d + '\u007f' >= p[0]);
  }

  function countBy(eles, field) {
    const counts = {};
    eles.forEach((e) => { counts[e.data(field)] = (counts[e.data(field)] || 0) + 1; });
    return counts;
  }

  function checked(containerId) {
    return new Set([...$(containerId).querySelectorAll('input:checked')].map((b) => b.value));
  }

  function applyFilters() {
    const kinds = checked('kind-filters');
    const relations = checked('relation-filters');
    const minWeight = Number($('min-weight').value);
    const p = period();
    cy.batch(() => {
      cy.nodes().forEach((n) => { n.toggleClass('hidden', !kinds.has(n.data('kind'))); });
      cy.edges().forEach((e) => {
        const off = !relations.has(e.data('relation')) || e.data('weight') < minWeight
          || (p !== null && !inPeriod(e, p))
          || e.source().hasClass('hidden') || e.target().hasClass('hidden');
        e.toggleClass('hidden', off);
      });
      // A period is a question about ties: the actors left without one in it go too.
      if (p !== null) {
        cy.nodes().forEach((n) => {
          if (!n.hasClass('hidden') && n.connectedEdges().not('.hidden').empty()) n.addClass('hidden');
        });
      }
    });
    showStats();
  }

  // Counted from the filters' own classes: Cytoscape.js settles `:visible` only when it
  // next draws.
  function showStats() {
    const nodes = cy.nodes().not('.hidden').length, edges = cy.edges().not('.hidden').length;
    $('stats').textContent = nodes + ' nodes, ' + edges + ' edges shown';
  }

  // ---- search -----------------------------------------------------------------------

  // Case, accents, hyphens and periods do not matter: "kim jong-un" finds "Kim Jong Un".
  function fold(s) {
    return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/['\u2019.]/g, '').replace(/[-\u2010-\u2015_\s]+/g, ' ').trim();
  }

  function matches(node, q) {
    const names = [node.data('label'), ...node.data('aliases')];
    return node.id() === q || names.some((name) => fold(name).includes(fold(q)));
  }

  /** Highlights the nodes matching `q` and returns them; an empty query clears. */
  function search(q) {
    cy.elements().removeClass('match faded');
    const found = fold(q) === '' ? cy.collection() : cy.nodes().filter((n) => matches(n, q));
    if (found.nonempty()) {
      cy.elements().not(found).not(found.connectedEdges()).addClass('faded');
      found.addClass('match');
    }
    $('search-count').textContent = fold(q) === '' ? '' : found.length + ' found';
    return found;
  }

  function focus(found) {
    if (found.empty()) return;
    cy.animate({ fit: { eles: found.closedNeighborhood(), padding: 60 } }, { duration: 300 });
    if (found.length === 1) select(found);
  }

  function select(ele) {
    cy.elements().unselect();
    ele.select();
    ele.isNode() ? showNode(ele) : showEdge(ele);
  }

  // ---- details ----------------------------------------------------------------------

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function nodeLink(node) {
    const b = el('button', node.data('label'), 'link');
    b.addEventListener('click', () => {
      select(node);
      cy.animate({ center: { eles: node } }, { duration: 300 });
    });
    return b;
  }

  function showNode(node) {
    const d = node.data();
    const box = $('details');
    box.replaceChildren(el('h3', d.label), el('p', d.kind + (d.kind === 'document' ? '' : ', ' + d.mentions + ' mentions'), 'kind'));
    const facts = el('dl');
    if (d.aliases.length) facts.append(el('dt', 'Also called'), el('dd', d.aliases.join(', ')));
    if (d.role) facts.append(el('dt', 'Role'), el('dd', d.role));
    if (d.country) facts.append(el('dt', 'Country'), el('dd', d.country));
    if (d.path) facts.append(el('dt', 'File'), el('dd', d.path));
    if (d.date) facts.append(el('dt', 'Published'), el('dd', d.date));
    if (d.url) facts.append(el('dt', 'Address'), el('dd', d.url));
    if (d.first) facts.append(el('dt', 'Reported'), el('dd', d.first === d.last ? d.first : d.first + ' to ' + d.last));
    if (d.kind !== 'document') facts.append(el('dt', 'Community'), el('dd', String(d.community)));
    if (d.documents.length) {
      facts.append(el('dt', 'Documents'));
      for (const doc of d.documents) facts.append(el('dd', doc));
    }
    box.append(facts);
    const edges = node.connectedEdges().sort((a, b) =>
      a.data('relation').localeCompare(b.data('relation')) || other(a, node).data('label').localeCompare(other(b, node).data('label')));
    box.append(el('dt', 'Relations (' + edges.length + ')'));
    edges.forEach((e) => box.append(...relationBlock(e, node)));
  }

  function other(edge, node) {
    return edge.source().same(node) ? edge.target() : edge.source();
  }

  function showEdge(edge) {
    $('details').replaceChildren(el('h3', edge.data('relation')), ...relationBlock(edge, null));
  }

  /** The relation's heading (the other end as a link) and its evidence sentences. */
  function relationBlock(edge, from) {
    const d = edge.data();
    const head = el('div', undefined, 'relation');
    const arrow = d.symmetric ? ' \u2194 ' : ' \u2192 ';
    if (from && !edge.source().same(from)) {
      head.append(nodeLink(edge.source()), document.createTextNode(arrow + d.relation));
    } else if (from) {
      head.append(document.createTextNode(d.relation + arrow), nodeLink(edge.target()));
    } else {
      head.append(nodeLink(edge.source()), document.createTextNode(arrow), nodeLink(edge.target()));
    }
    if (d.weight > 1) head.append(document.createTextNode(' \u00d7' + d.weight));
    const list = el('ul');
    d.evidence_sentence.forEach((sentence, i) => {
      const item = el('li', undefined, 'evidence');
      const where = (d.evidence_date[i] ? d.evidence_date[i] + ', ' : '') + d.evidence_document[i];
      item.append(...marked(sentence, d.evidence_trigger[i]), el('div', where, 'doc'));
      list.append(item);
    });
    return [head, list];
  }

  /** The sentence as text nodes, its trigger words inside <mark>. */
  function marked(sentence, trigger) {
    const at = trigger ? sentence.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
    if (at < 0) return [document.createTextNode(sentence)];
    return [
      document.createTextNode(sentence.slice(0, at)),
      el('mark', sentence.slice(at, at + trigger.length)),
      document.createTextNode(sentence.slice(at + trigger.length)),
    ];
  }

  function clearDetails() {
    $('details').replaceChildren(el('p', 'Click a node or an edge to see who it is and the sentences behind each relation.', 'hint'));
  }

  // ---- wiring -----------------------------------------------------------------------

  cy.on('tap', 'node, edge', (evt) => select(evt.target));
  cy.on('tap', (evt) => { if (evt.target === cy) { cy.elements().unselect(); clearDetails(); } });
  const box = $('search');
  box.addEventListener('input', () => search(box.value));
  box.addEventListener('keydown', (evt) => { if (evt.key === 'Enter') focus(search(box.value)); });

  buildFilters();
  buildDates();
  $('colour').addEventListener('change', (evt) => colourBy(evt.target.value));
  showStats();
  runLayout();
})();
