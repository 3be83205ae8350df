// The explorer's map: vis-network drawn in the app page (a Streamlit bidirectional component).
// `vis` is defined above this code by explorer/network_map.py, which inlines the pinned copy.
//
// Text from the notes arrives only as data: labels are drawn on the canvas as text, tooltips,
// the legend and the evidence panel are built with textContent, never parsed as HTML.
//
// Sent back to Python: the triggers "focus" (a topic clicked) and "expand" (a topic
// double-clicked), one rerun each, and the state "positions" (where the user left the
// topics, sent only while the layout is frozen).

const maps = new WeakMap(); // the element a map is mounted in -> the map
const DOUBLE_CLICK_MS = 280; // a click waits this long in case it is the start of a double-click
const LABEL_PX = { most: 18, least: 12, hidden: 9 }; // on-screen label sizes at first sight
const BASE_FONT = 14;
const MAX_FIRST_SCALE = 1.1; // a small view is not blown up to fill the canvas

const OPTIONS = {
  autoResize: true,
  layout: { improvedLayout: false },
  physics: { enabled: false },
  interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: true, keyboard: false, multiselect: false,
                 navigationButtons: false, zoomSpeed: 0.6 },
  nodes: { font: { size: BASE_FONT, color: "#1f2328", strokeWidth: 4, strokeColor: "#ffffff" },
           scaling: { label: { enabled: false, maxVisible: 22, drawThreshold: LABEL_PX.hidden } } },
  edges: { smooth: false, width: 1, color: { highlight: "#000", hover: "#000" }, selectionWidth: 2.5,
           font: { size: 10, color: "#555", strokeWidth: 3, align: "middle" }, arrows: { to: { scaleFactor: 0.5 } },
           scaling: { label: { drawThreshold: 6 } } },
};

export default function (component) {
  const { data, parentElement } = component;
  let map = maps.get(parentElement);
  if (!map) {
    map = createMap(parentElement);
    maps.set(parentElement, map);
  }
  map.send = component; // the latest setTriggerValue and setStateValue
  map.show(data);
  return () => {
    map.destroy();
    maps.delete(parentElement);
  };
}

function createMap(parentElement) {
  const root = parentElement.appendChild(element("div", "kg-map"));
  const stage = root.appendChild(element("div", "kg-stage"));
  const canvas = stage.appendChild(element("div", "kg-canvas"));
  const side = root.appendChild(element("aside", "kg-side"));
  const panel = side.appendChild(element("section", "kg-panel"));
  panel.setAttribute("aria-live", "polite");
  const legend = side.appendChild(element("section", "kg-legend"));
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const network = new vis.Network(canvas, { nodes, edges }, OPTIONS);
  const status = { startedAt: null, drawnAt: null, nodes: 0, edges: 0, labelled: 0, shows: 0 };
  const map = { root, network, status, send: null, data: null, byEdge: new Map(), pending: null };
  root.notesGraph = { network, status, labels: () => drawnLabels(network, canvas, map.data), data: () => map.data };

  listen(map, panel);

  map.show = (data) => {
    status.startedAt = performance.now();
    status.drawnAt = null;
    status.shows += 1;
    root.style.height = `${data.height}px`;
    const kept = keptPositions(network, nodes, data);
    const items = data.nodes.map((node) => {
      const { tip, rank, type, ...item } = node;
      const where = kept.get(node.id);
      return { ...item, ...(where || {}), title: tooltip(tip), font: { size: BASE_FONT } };
    });
    const links = data.edges.map((edge) => {
      const { evidence, relation, kind, negated, count, ...item } = edge;
      return { ...item, title: edgeTip(edge) };
    });
    map.byEdge = new Map(data.edges.map((edge) => [edge.id, edge]));
    const fresh = kept.size === 0;
    if (fresh && !data.arranged) { fillCanvas(items, canvas.getBoundingClientRect()); }
    replaceItems(nodes, items);
    replaceItems(edges, links);
    if (fresh) {
      network.fit({ animation: false });
      network.moveTo({ scale: Math.min(network.getScale() * 0.92, MAX_FIRST_SCALE), animation: false });
    }
    status.labelled = labelTopics(network, nodes, data, fresh && !data.arranged, canvas.getBoundingClientRect());
    status.nodes = data.nodes.length;
    status.edges = data.edges.length;
    map.data = data;
    drawLegend(legend, data.legend);
    if (!map.byEdge.has(panel.dataset.edge || "")) { showHint(panel); }
    network.redraw();
  };
  map.destroy = () => {
    clearTimeout(map.pending);
    network.destroy();
    root.remove();
  };
  return map;
}

// What a click, a double-click and a drag do: open a topic's card (after waiting to see whether
// the click is the start of a double-click), expand a topic, show an edge's sentences, and keep
// where the user left the topics when the layout is frozen.
function listen(map, panel) {
  const { network, status } = map;
  network.on("afterDrawing", () => {
    if (status.drawnAt === null && status.startedAt !== null) { status.drawnAt = performance.now(); }
  });
  network.on("click", (params) => {
    clearTimeout(map.pending);
    if (params.nodes.length) {
      const topic = params.nodes[0];
      map.pending = setTimeout(() => {
        showOpening(panel, topic);
        map.send.setTriggerValue("focus", topic);
      }, DOUBLE_CLICK_MS);
    } else if (params.edges.length) {
      // Where edges cross, the one drawn on top is the one clicked (vis lists them in any order).
      const onTop = network.getEdgeAt(params.pointer.DOM);
      showEvidence(panel, map.byEdge.get(params.edges.includes(onTop) ? onTop : params.edges[0]));
    }
  });
  network.on("doubleClick", (params) => {
    clearTimeout(map.pending);
    if (params.nodes.length) { map.send.setTriggerValue("expand", params.nodes[0]); }
  });
  network.on("dragEnd", (params) => {
    if (params.nodes.length && map.data && map.data.frozen) {
      const positions = network.getPositions();
      Object.keys(positions).forEach((id) => {
        positions[id] = [Math.round(positions[id].x), Math.round(positions[id].y)];
      });
      map.send.setStateValue("positions", positions);
    }
  });
}

function replaceItems(dataSet, items) {
  const wanted = new Set(items.map((item) => item.id));
  dataSet.remove(dataSet.getIds().filter((id) => !wanted.has(id)));
  dataSet.update(items);
}
