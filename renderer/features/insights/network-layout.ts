import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { ReferralNetwork } from '../../../shared/domain/insights.js';
import type { GraphNode } from './charts.js';

interface SimNode {
  id: string;
  name: string;
  x: number;
  y: number;
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
    .force('collide', forceCollide(34))
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY(height / 2).strength(0.1))
    .stop();
  const ticks = Math.min(300, Math.max(80, 30_000 / Math.max(1, count)));
  for (let i = 0; i < ticks; i += 1) simulation.tick();
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
