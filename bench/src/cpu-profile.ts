/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=<dir>): self time by function and by package or
 * source directory, so BENCHMARKS.md can say where a server's time goes.
 *
 *   npx tsx bench/src/cpu-profile.ts <file.cpuprofile> [top=25] [function]
 *
 * With a function name, also prints the call stacks (5 frames up) its self time came from.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/<pkg>` (scoped too), the app's source directory, or a node internal. */
function area(url: string): string {
  if (!url) return '(native / gc / idle)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  if (url.startsWith('node:')) return 'node internals';
  const app = /apps\/server\/dist\/src\/([^/]+(?:\/[^/]+)?)\//.exec(url);
  if (app) return `server: ${app[1]}`;
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

const [file, topArg, focus] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfByNode = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfByNode.values()].reduce((sum, value) => sum + value, 0);
const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const [id, micros] of selfByNode) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const key = frame.functionName === '(idle)' ? '(idle)' : area(frame.url);
  byArea.set(key, (byArea.get(key) ?? 0) + micros);
}
const print = (title: string, entries: Map<string, number>) => {
  process.stdout.write(`\n${title} (of ${(total / 1e6).toFixed(1)} s sampled)\n`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}\n`);
  }
};
print('self time by area', byArea);
print('self time by function', byFunction);

if (focus) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frameName = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}` : '?';
  };
  const stacks = new Map<string, number>();
  for (const [id, micros] of selfByNode) {
    if (byId.get(id)?.callFrame.functionName !== focus) continue;
    const chain: string[] = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 12; at = parent.get(at))
      chain.push(frameName(at));
    const key = chain.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + micros);
  }
  print(`callers of ${focus}`, stacks);
}
