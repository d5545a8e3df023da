// Reads a GEXF or GraphML file with graphology's own parsers, as a web
// application would, and prints what it read as JSON: the graph's type, and
// every node and edge with its attributes (their JavaScript types kept).
// usage: node read_graph.js gexf|graphml FILE
'use strict';
const fs = require('fs');
const {DOMParser} = require('@xmldom/xmldom');
const Graph = require('graphology');

global.DOMParser = DOMParser; // graphology's parsers use the browser's
const [format, path] = process.argv.slice(2);
const parser = {gexf: require('graphology-gexf'), graphml: require('graphology-graphml')}[format];
if (!parser || !path) {
  process.stderr.write('usage: node read_graph.js gexf|graphml FILE\n');
  process.exit(2);
}
let graph;
try {
  graph = parser.parse(Graph, fs.readFileSync(path, 'utf8'));
} catch (e) {
  process.stderr.write(`${path}: ${e.message}\n`);
  process.exit(1);
}
const out = {type: graph.type, multi: graph.multi, nodes: {}, edges: []};
graph.forEachNode((id, attributes) => {
  out.nodes[id] = attributes;
});
graph.forEachEdge((id, attributes, source, target) => {
  out.edges.push([source, target, attributes]);
});
process.stdout.write(JSON.stringify(out));
