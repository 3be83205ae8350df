// Draws the graph exported by graph/html_export.py. Text from the notes only ever reaches the page
// as JSON data: labels are drawn on the canvas as text and tooltips are built with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var status = { drawnAt: null, settledAt: null, nodes: data.nodes.length, edges: data.edges.length };
  window.graphStatus = status;

  // A tooltip is lines of [style, text] pairs; text is set with textContent, so it is never HTML.
  var STYLES = { b: "b", i: "i", s: "small", w: "strong" };
  function tooltip(lines) {
    var element = document.createElement("div");
    element.className = "kg-tip";
    lines.forEach(function (segments) {
      var line = element.appendChild(document.createElement("div"));
      segments.forEach(function (segment, index) {
        if (index) { line.appendChild(document.createTextNode(" ")); }
        var span = line.appendChild(document.createElement(STYLES[segment[0]] || "span"));
        if (segment[0] === "w") { span.className = "kg-warn"; }
        span.textContent = segment[1];
      });
    });
    return element;
  }
  function withTooltip(item) { item.title = tooltip(item.tip); delete item.tip; return item; }
  data.nodes.forEach(withTooltip);
  data.edges.forEach(withTooltip);

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;

  function settled() { if (status.settledAt === null) { status.settledAt = performance.now(); } }
  network.once("afterDrawing", function () {
    status.drawnAt = performance.now();
    if (!data.options.physics.enabled) { settled(); }
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);

  var physics = document.getElementById("kg-physics");
  physics.checked = data.options.physics.enabled;
  physics.addEventListener("change", function () { network.setOptions({ physics: { enabled: physics.checked } }); });

  // Find a topic by name: the list holds every label, set as text (never as HTML).
  var list = document.getElementById("kg-topics");
  var byLabel = {};
  data.nodes.forEach(function (node) {
    byLabel[node.label.toLowerCase()] = node.id;
    var option = document.createElement("option");
    option.value = node.label;
    list.appendChild(option);
  });
  document.getElementById("kg-find").addEventListener("change", function (event) {
    var id = byLabel[event.target.value.trim().toLowerCase()];
    if (id === undefined) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: { duration: 400 } });
    highlight(id);
  });

  // Selecting a topic fades everything not linked to it.
  var faded = false;
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    nodes.update(data.nodes.map(function (node) {
      return { id: node.id, color: keep[node.id] ? node.color : data.faded, font: { color: keep[node.id] ? "#222" : "#ccc" } };
    }));
    faded = true;
  }
  function reset() {
    if (!faded) { return; }
    nodes.update(data.nodes.map(function (node) { return { id: node.id, color: node.color, font: { color: "#222" } }; }));
    faded = false;
  }
  network.on("selectNode", function (params) { highlight(params.nodes[0]); });
  network.on("deselectNode", reset);
})();
