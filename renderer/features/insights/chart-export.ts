import { csvLine } from '../../../shared/domain/formula-guard.js';

/** A chart's data as the table toggle shows it and the CSV holds it. */
export interface ChartTable {
  headers: string[];
  rows: (string | number)[][];
}

export const tableToCsv = (table: ChartTable): string =>
  [table.headers, ...table.rows].map(csvLine).join('\r\n') + '\r\n';

/** The colours of the current theme, as attributes the saved picture keeps (no CSS there). */
export interface Palette {
  bars: string[];
  text: string;
  muted: string;
  grid: string;
  background: string;
  goal: string;
}

export function readPalette(element: Element | null = document.documentElement): Palette {
  const style = getComputedStyle(element ?? document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bars: [
      read('--chart-1', '#2f5fd0'),
      read('--chart-2', '#c2410c'),
      read('--chart-3', '#15803d'),
    ],
    text: read('--text', '#1b1f24'),
    muted: read('--text-muted', '#59636e'),
    grid: read('--border', '#d8dde3'),
    background: read('--surface', '#ffffff'),
    goal: read('--chart-goal', '#9a3412'),
  };
}

/**
 * The chart as a PNG (base64, without the data: prefix) at twice its size: the SVG drawn on a
 * canvas through a data: URL (the page's CSP allows data: images), on the theme's background.
 */
export async function svgToPngBase64(svg: SVGSVGElement, background: string): Promise<string> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  const text = new XMLSerializer().serializeToString(copy);
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('The picture could not be drawn.');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
