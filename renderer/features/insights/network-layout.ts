import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { ReferralNetwork } from '../../../shared/domain/insights.js';
import type { GraphNode } from './charts.js';

interface SimNode {
  id: string;
  name: string;
  x: number;
  y: number;
}

const TICKS = 60;

/** More people than this make a picture nobody can read (and a slow one): the table has all. */
export const DRAWN_PEOPLE = 150;

/**
 * The part of the network worth drawing: whole referral trees, largest first, up to
 * `DRAWN_PEOPLE` people (a tree is never cut in half); the rest is in the table.
 */
export function drawnPart(network: ReferralNetwork, limit = DRAWN_PEOPLE): ReferralNetwork {
  if (network.nodes.length <= limit) return network;
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const node of network.nodes) parent.set(node.id, node.id);
  for (const edge of network.edges) {
    const a = find(edge.from);
    const b = find(edge.to);
    if (a !== b) parent.set(a, b);
  }
  const trees = new Map<string, string[]>();
  for (const node of network.nodes) {
    const root = find(node.id);
    const list = trees.get(root);
    if (list === undefined) trees.set(root, [node.id]);
    else list.push(node.id);
  }
  const kept = new Set<string>();
  for (const tree of [...trees.values()].sort((a, b) => b.length - a.length)) {
    if (kept.size + tree.length > limit) continue;
    for (const id of tree) kept.add(id);
  }
  return {
    nodes: network.nodes.filter((node) => kept.has(node.id)),
    edges: network.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    brokenCycles: network.brokenCycles,
  };
}

/**
 * Places the referral network with d3-force, run to rest before it is drawn (no animation), from
 * starting points set by the node order so the same data always gives the same picture.
 */
export function layoutNetwork(
  network: ReferralNetwork,
  width: number,
): { nodes: GraphNode[]; size: { width: number; height: number } } {
  const count = network.nodes.length;
  const height = Math.max(240, Math.min(640, 120 + Math.sqrt(count) * 70));
  const nodes: SimNode[] = network.nodes.map((node, index) => {
    const angle = index * 2.399963; // the golden angle: an even spiral
    const radius = 12 * Math.sqrt(index + 1);
    return {
      id: node.id,
      name: node.name,
      x: width / 2 + radius * Math.cos(angle),
      y: height / 2 + radius * Math.sin(angle),
    };
  });
  const links = network.edges.map((edge) => ({ source: edge.from, target: edge.to }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((node) => node.id)
        .distance(70),
    )
    .force('charge', forceManyBody().strength(-160))
    .force('collide', forceCollide(30).iterations(1))
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY(height / 2).strength(0.1))
    // Cooled in TICKS steps instead of d3's 300: the picture settles as well for a few hundred
    // people, in well under a frame's budget per ten steps.
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .stop();
  for (let i = 0; i < TICKS; i += 1) simulation.tick();
  const pad = 40;
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      name: node.name,
      x: Math.max(pad, Math.min(width - pad, node.x)),
      y: Math.max(20, Math.min(height - 30, node.y)),
    })),
    size: { width, height },
  };
}
