// The map's text: tooltips, the legend and the panel beside the map, every text from the notes
// set with textContent (never parsed as HTML). Part of the module network_map.py assembles.

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) { made.className = className; }
  if (text !== undefined) { made.textContent = text; }
  return made;
}

// A tooltip is lines of [style, text] pairs, each text set with textContent.
const STYLES = { b: "b", i: "i", s: "small", w: "strong" };
function tooltip(lines) {
  const box = element("div", "kg-tip");
  lines.forEach((segments) => {
    const line = box.appendChild(element("div"));
    segments.forEach(([style, text], index) => {
      if (index) { line.appendChild(document.createTextNode(" ")); }
      line.appendChild(element(STYLES[style] || "span", style === "w" ? "kg-warn" : "", text));
    });
  });
  return box;
}

function edgeTip(edge) {
  const lines = [[["b", edge.from], [edge.negated ? "w" : "", edge.label || edge.relation], ["b", edge.to]],
                 [["s", `${edge.kind} · ${edge.count} sentence(s) · click for the evidence`]]];
  edge.evidence.slice(0, 1).forEach((item) => lines.push([["i", `“${item.sentence}”`]]));
  return tooltip(lines);
}

function place(item) {
  return [item.doc, item.section, item.line ? `line ${item.line}` : ""].filter(Boolean).join(" · ");
}

function drawLegend(legend, entries) {
  legend.replaceChildren(element("h3", "", entries.heading));
  const topics = legend.appendChild(element("ul"));
  entries.topics.forEach((entry) => {
    const item = topics.appendChild(element("li"));
    const swatch = item.appendChild(element("span", `kg-swatch${entry.shape === "diamond" ? " kg-diamond" : ""}`));
    swatch.style.background = entry.colour;
    if (entry.leader) { item.appendChild(element("span", "kg-leader", entry.leader)); }
    item.appendChild(element("span", "", entry.text));
  });
  legend.appendChild(element("h3", "", "Edges"));
  const lines = legend.appendChild(element("ul"));
  entries.edges.forEach((entry) => {
    const item = lines.appendChild(element("li"));
    const line = item.appendChild(element("span", "kg-line"));
    line.style.borderTopColor = entry.colour;
    line.style.borderTopStyle = entry.dash ? "dashed" : "solid";
    item.appendChild(element("span", "", entry.text));
  });
  legend.appendChild(element("p", "kg-note", "Size and label: how central a topic is."));
}

function showHint(panel) {
  delete panel.dataset.edge;
  panel.replaceChildren(element("h3", "", "How to explore"),
    element("p", "", "Click a topic to open its card. Double-click a topic to show its neighbours too."),
    element("p", "", "Click an edge to read the sentences behind it. Drag to move, scroll to zoom."));
}

function showOpening(panel, topic) {
  delete panel.dataset.edge;
  panel.replaceChildren(element("h3", "", "Opening the card of"), element("p", "kg-topic", topic));
}

function showEvidence(panel, edge) {
  if (!edge) { return; }
  panel.dataset.edge = edge.id;
  const heading = element("h3", "kg-edge");
  heading.append(element("span", "kg-topic", edge.from), " ",
                 element("span", edge.negated ? "kg-warn" : "kg-relation", edge.label || edge.relation), " ",
                 element("span", "kg-topic", edge.to));
  const about = element("p", "kg-meta", `${edge.kind} · ${edge.count} sentence(s)${edge.negated ? " · negated" : ""}`);
  panel.replaceChildren(heading, about);
  edge.evidence.forEach((item) => {
    panel.appendChild(element("blockquote", "kg-sentence", `“${item.sentence}”`));
    panel.appendChild(element("p", "kg-place", place(item)));
  });
  if (edge.count > edge.evidence.length) {
    panel.appendChild(element("p", "kg-meta", `…and ${edge.count - edge.evidence.length} more sentence(s)`));
  }
}
