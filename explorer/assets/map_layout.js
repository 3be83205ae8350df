// Where the map places topics and which labels it shows at first sight, and what it reports
// about the labels it draws. Part of the module network_map.py assembles.

// Where the topics already on the map stay: all of them when the layout is frozen or most of
// the topics are the same (a topic was expanded); topics new to the map go round a neighbour.
function keptPositions(network, nodes, data) {
  const kept = new Map();
  const before = new Set(nodes.getIds());
  if (before.size === 0) { return kept; }
  const shared = data.nodes.filter((node) => before.has(node.id)).length;
  if (!data.frozen && shared < 0.5 * before.size) { return kept; }
  const positions = network.getPositions(data.nodes.filter((node) => before.has(node.id)).map((node) => node.id));
  Object.entries(positions).forEach(([id, xy]) => kept.set(id, { x: xy.x, y: xy.y }));
  const around = new Map();
  data.edges.forEach((edge) => {
    [[edge.from, edge.to], [edge.to, edge.from]].forEach(([mine, other]) => {
      if (!kept.has(mine) && kept.has(other) && !around.has(mine)) { around.set(mine, other); }
    });
  });
  const count = new Map();
  around.forEach((other, id) => {
    const number = count.get(other) || 0;
    count.set(other, number + 1);
    const angle = number * 2.399963; // the golden angle: a spiral that never repeats
    const distance = 90 + 14 * Math.sqrt(number);
    const centre = kept.get(other);
    kept.set(id, { x: centre.x + distance * Math.cos(angle), y: centre.y + distance * Math.sin(angle) });
  });
  return kept;
}

// Shape a fresh layout to the canvas: stretched (by at most half again) towards the canvas'
// proportions, and a small one spread to about half the canvas, so that its topics, drawn at
// their own size, do not cover each other.
function fillCanvas(items, bounds) {
  if (items.length < 2 || !bounds.width || !bounds.height) { return; }
  const extent = () => {
    const xs = items.map((item) => item.x);
    const ys = items.map((item) => item.y);
    return [Math.max(...xs) - Math.min(...xs) || 1, Math.max(...ys) - Math.min(...ys) || 1];
  };
  const [width, height] = extent();
  const ratio = (width / height) / (bounds.width / bounds.height);
  const stretch = items.length < 3 ? 1 : Math.min(1.5, Math.max(ratio, 1 / ratio));
  const grow = Math.min(8, Math.max(1, (0.5 * Math.min(bounds.width, bounds.height)) / Math.max(width, height)));
  items.forEach((item) => {
    item.x *= grow * (ratio > 1 ? 1 : stretch);
    item.y *= grow * (ratio > 1 ? stretch : 1);
  });
}

// The `labelled` best-ranked topics get a font sized so their label reads at the current zoom
// (18 px for the most central down to 12 px); the others keep a small font, drawn only once
// zoomed in. On a fresh layout (`spread`), labelled topics that would cover each other's
// labels are moved apart until every label can be read.
function labelTopics(network, nodes, data, spread, bounds) {
  const scale = network.getScale();
  const measure = document.createElement("canvas").getContext("2d");
  const ranked = data.nodes.filter((node) => node.rank < data.labelled).sort((a, b) => a.rank - b.rank);
  const positions = network.getPositions(ranked.map((node) => node.id));
  const boxes = ranked.map((node) => {
    const px = LABEL_PX.most - (LABEL_PX.most - LABEL_PX.least) * (node.rank / Math.max(1, data.labelled - 1));
    measure.font = `${px}px arial`;
    const width = measure.measureText(node.label).width + 8;
    const centre = network.canvasToDOM(positions[node.id]);
    const radius = node.size * scale;
    return { node, px, radius, left: centre.x - width / 2, top: centre.y + radius + 1, width, height: px * 1.25 };
  });
  if (spread) {
    separate(boxes, bounds);
    nodes.update(boxes.map((box) => {
      const moved = network.DOMtoCanvas({ x: box.left + box.width / 2, y: box.top - box.radius - 1 });
      return { id: box.node.id, x: moved.x, y: moved.y };
    }));
  }
  nodes.update(boxes.map((box) => ({ id: box.node.id, font: { size: box.px / scale } })));
  return boxes.length;
}

// Push overlapping boxes apart (each pair along the axis where they overlap least), keeping
// them inside `bounds`; a few hundred rounds of a few dozen boxes take a millisecond or two.
function separate(boxes, bounds, gap = 3) {
  for (let round = 0; round < 300; round += 1) {
    let moved = false;
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        const dx = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left) + gap;
        const dy = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top) + gap;
        if (dx <= 0 || dy <= 0) { continue; }
        moved = true;
        if (dx < dy) {
          const way = a.left + a.width / 2 <= b.left + b.width / 2 ? -1 : 1;
          a.left += way * dx / 2;
          b.left -= way * dx / 2;
        } else {
          const way = a.top <= b.top ? -1 : 1;
          a.top += way * dy / 2;
          b.top -= way * dy / 2;
        }
      }
    }
    boxes.forEach((box) => {
      box.left = Math.min(Math.max(box.left, gap), bounds.width - box.width - gap);
      box.top = Math.min(Math.max(box.top, 2 * box.radius + gap), bounds.height - box.height - gap);
    });
    if (!moved) { return; }
  }
}

function overlap(a, b) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

// The labels vis-network draws now, in pixels from the canvas' top left corner, with the rank
// of their topic (0: the most central).
function drawnLabels(network, canvas, data) {
  const rank = new Map((data ? data.nodes : []).map((node) => [node.id, node.rank]));
  const bounds = canvas.getBoundingClientRect();
  const scale = network.getScale();
  const found = [];
  Object.values(network.body.nodes).forEach((node) => {
    const label = node.labelModule;
    if (!node.options.label || !label.visible() || !label.size || !label.size.width) { return; }
    const corner = network.canvasToDOM({ x: label.size.left, y: label.size.top });
    const width = label.size.width * scale;
    const height = label.size.height * scale;
    const inside = corner.x >= 0 && corner.y >= 0 && corner.x + width <= bounds.width && corner.y + height <= bounds.height;
    found.push({ id: node.id, rank: rank.get(node.id), left: corner.x, top: corner.y, width, height, inside,
                 px: Math.min(label.fontOptions.size * scale, node.options.scaling.label.maxVisible) });
  });
  return found;
}
