// Which edge a click on the drawing falls on. sigma can tell (enableEdgeEvents), but it
// reads a picking image of every edge back from the GPU at each mouse move: seconds a
// move with 100,000 edges in a software-rendered browser. Here, only on a click, the
// nearest shown edge within a few pixels, found from the positions.
const TOLERANCE = 5; // pixels

function segmentDistance2(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const k = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  const ex = ax + k * dx - px, ey = ay + k * dy - py;
  return ex * ex + ey * ey;
}

// The edge key nearest to viewport point p, or null; shown(key) says whether an edge is drawn.
export function edgeAt(sigma, graph, p, shown) {
  const at = sigma.viewportToGraph(p);
  const off = sigma.viewportToGraph({ x: p.x + TOLERANCE, y: p.y });
  const tolerance = Math.hypot(off.x - at.x, off.y - at.y);
  let best = null, bestD2 = tolerance * tolerance;
  graph.forEachEdge((key, attrs, s, t, sa, ta) => {
    if (!shown(key)) return;
    const d2 = segmentDistance2(at.x, at.y, sa.x, sa.y, ta.x, ta.y);
    if (d2 <= bestD2) { best = key; bestD2 = d2; }
  });
  return best;
}
