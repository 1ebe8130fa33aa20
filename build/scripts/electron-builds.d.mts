import type { BuildOptions, Plugin } from 'esbuild';

export function contractNames(
  root: string,
): Promise<{ channels: string[]; eventNames: string[]; inputs: string[] }>;
export function channelNamesPlugin(root: string): Plugin;
export function electronBuilds(root: string): BuildOptions[];
