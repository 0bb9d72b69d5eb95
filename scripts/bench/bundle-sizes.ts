/**
 * Sizes of a built extension: every file, and what each page and script really loads (its own
 * file plus every chunk and stylesheet it pulls in), since hashed chunk names change with the code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

export interface FileSize {
  path: string;
  bytes: number;
  gzip: number;
}

export interface Budgets {
  /** Max bytes (minified, not compressed) per built file. */
  files: Record<string, number>;
  /** Max bytes of JS + CSS each page or script loads, all its chunks included. */
  loads: Record<string, number>;
  /** Max bytes of the whole unpacked extension. */
  total: number;
  /** Max time(1 MB) / time(100 KB) of extractAdCodes on the worst-case inputs. */
  linearity: { bench: number; test: number };
}

export function readBudgets(root: string): Budgets {
  return JSON.parse(readFileSync(join(root, 'scripts/bench/budgets.json'), 'utf8')) as Budgets;
}

export function listFiles(dir: string, base = ''): FileSize[] {
  return readdirSync(join(dir, base))
    .sort()
    .flatMap((name) => {
      const rel = base ? `${base}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) return listFiles(dir, rel);
      const body = readFileSync(join(dir, rel));
      return [{ path: rel, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }];
    });
}

/** Files a JS module imports statically (Vite emits `import … from "./x.js"` and `import "./x.js"`). */
function importsOf(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  const found = [...code.matchAll(/(?:import|export)\s*(?:[^"'`;]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]);
  return found.map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)));
}

/** Everything an HTML page or a script file causes the browser to load from the package. */
export function loadedBy(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  if (entry.endsWith('.html')) {
    const html = readFileSync(join(dir, entry), 'utf8');
    for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) queue.push(m[1]);
  } else queue.push(entry);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...importsOf(dir, file));
  }
  return [...seen].sort();
}

export function loadSize(dir: string, entry: string): number {
  return loadedBy(dir, entry).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}
