import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { STANCE_BIN } from './helpers/run-stance.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'stance-bench-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Chromium binary CI installs (`apt-get install -y chromium`), or null when there is none. */
function findChromium(): string | null {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    if (existsSync(path)) return path;
  const which = spawnSync(
    'sh',
    ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'],
    {
      encoding: 'utf8',
    },
  );
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}
const chromium = findChromium();
if (!chromium)
  console.warn('bench-html.test.ts: no chromium found (apt-get install -y chromium); headless render checks skipped');

/** Run headless Chromium on a page with extra flags; no network, a throwaway profile. */
function headless(page: string, ...flags: string[]) {
  return spawnSync(
    chromium!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`,
      ...flags,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
}

/** Decode an 8-bit RGB/RGBA PNG into its pixels (enough of the format for Chromium's screenshots). */
function decodePng(png: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

describe.skipIf(!chromium)('stance bench --html in headless Chromium (skipped without chromium)', () => {
  const lines = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const label = ['fact', 'quote', 'opinion'][i % 3]!;
      const text =
        label === 'opinion'
          ? `I think idea ${i} is bad.`
          : label === 'quote'
            ? `“Yes ${i},” she said.`
            : `It cost ${i} euros.`;
      return JSON.stringify({ id: `${prefix}${i}`, text, label, doc: `${prefix}d${i % 7}` });
    }).join('\n');
  writeFileSync(join(dir, 'train.jsonl'), lines('a', 90));
  writeFileSync(join(dir, 'test.jsonl'), lines('b', 45));
  const out = join(dir, 'report');
  const page = join(out, 'index.html');

  it('writes one self-contained page', () => {
    const r = spawnSync(
      process.execPath,
      [
        STANCE_BIN,
        'bench',
        ...['--train', join(dir, 'train.jsonl'), '--test', join(dir, 'test.jsonl')],
        ...['--model', 'majority', '--model', 'nb', '--curve', '--resamples', '100', '--html', out],
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`wrote ${page}`);
    expect(existsSync(join(out, 'report.json'))).toBe(true);
  });

  it('renders every chart with a real layout (--dump-dom after the page’s load script)', () => {
    const r = headless(page, '--dump-dom');
    expect(r.status).toBe(0);
    for (const id of ['per-class-f1', 'confusion-majority', 'confusion-nb', 'learning-curve'])
      expect(r.stdout).toContain(`<svg id="${id}"`);
    const layout = /data-layout="([^"]*)"/.exec(r.stdout)?.[1] ?? '';
    const sizes: Record<string, { w: number; h: number }> = Object.fromEntries(
      layout.split(' ').map((entry) => {
        const [id, size] = entry.split(':');
        const [w, h] = size!.split('x').map(Number);
        return [id, { w: w ?? 0, h: h ?? 0 }];
      }),
    );
    expect(Object.keys(sizes).sort()).toEqual(['confusion-majority', 'confusion-nb', 'learning-curve', 'per-class-f1']);
    for (const { w, h } of Object.values(sizes)) {
      expect(w).toBeGreaterThan(100);
      expect(h).toBeGreaterThan(100);
    }
  });

  it('paints a screenshot that is not blank', () => {
    const shot = join(dir, 'shot.png');
    const r = headless(page, `--screenshot=${shot}`, '--window-size=1000,1400', '--hide-scrollbars');
    expect(r.status).toBe(0);
    const { width, height, channels, pixels } = decodePng(readFileSync(shot));
    expect([width, height]).toEqual([1000, 1400]);
    let dark = 0;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += channels) {
      const [r0, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      if (r0 + g + b < 600) dark++;
      colours.add((r0 << 16) | (g << 8) | b);
    }
    // Text, bars and heat-map cells: well over 1% of pixels are not near-white, in many colours.
    expect(dark / (width * height)).toBeGreaterThan(0.01);
    expect(colours.size).toBeGreaterThan(50);
  });
});
