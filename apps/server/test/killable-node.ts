import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_ROOT } from '../src/platform/paths.js';
import { freePort } from './free-port.js';

export interface KillableNode {
  url: string;
  /** Ends the process the way a crash does: SIGKILL, no shutdown hooks, sockets left as they were. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The built server (`dist/src/main.js`) as its own OS process, like node-process.ts, but one the test
 * can kill with SIGKILL to prove what survives a node that dies without closing anything.
 */
export async function startKillableNode(env: Record<string, string>): Promise<KillableNode> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guftagu-node-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(SERVER_ROOT, 'dist/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      if (output.includes('Guftagu is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${output}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${port}`, crash: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
