import { readFileSync } from 'node:fs';

/**
 * Heap-snapshot analysis for "where does the memory of one connection go". Two snapshots are taken
 * in the same server process (node ids are stable across them): `before` with no clients, `after`
 * with N idle clients. Only nodes that are new in `after` are considered.
 */

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

class HeapGraph {
  readonly nodeCount: number;
  private readonly stride: number;
  private readonly edgeStride: number;
  private readonly typeAt: number;
  private readonly nameAt: number;
  private readonly idAt: number;
  private readonly sizeAt: number;
  private readonly edgeCountAt: number;
  private readonly edgeTypeAt: number;
  private readonly edgeNameAt: number;
  private readonly edgeToAt: number;
  private readonly nodeTypes: string[];
  private readonly edgeTypes: string[];
  /** Index into `edges` (in edge records) of each node's first edge. */
  private readonly firstEdge: Uint32Array;

  constructor(private readonly raw: RawSnapshot) {
    const { meta } = raw.snapshot;
    this.stride = meta.node_fields.length;
    this.edgeStride = meta.edge_fields.length;
    this.typeAt = meta.node_fields.indexOf('type');
    this.nameAt = meta.node_fields.indexOf('name');
    this.idAt = meta.node_fields.indexOf('id');
    this.sizeAt = meta.node_fields.indexOf('self_size');
    this.edgeCountAt = meta.node_fields.indexOf('edge_count');
    this.edgeTypeAt = meta.edge_fields.indexOf('type');
    this.edgeNameAt = meta.edge_fields.indexOf('name_or_index');
    this.edgeToAt = meta.edge_fields.indexOf('to_node');
    this.nodeTypes = meta.node_types[0];
    this.edgeTypes = meta.edge_types[0];
    this.nodeCount = raw.nodes.length / this.stride;
    this.firstEdge = new Uint32Array(this.nodeCount + 1);
    for (let node = 0; node < this.nodeCount; node++) {
      this.firstEdge[node + 1] = (this.firstEdge[node] ?? 0) + this.field(node, this.edgeCountAt);
    }
  }

  private field(node: number, at: number): number {
    return this.raw.nodes[node * this.stride + at] ?? 0;
  }
  type(node: number): string {
    return this.nodeTypes[this.field(node, this.typeAt)] ?? '?';
  }
  name(node: number): string {
    return this.raw.strings[this.field(node, this.nameAt)] ?? '?';
  }
  id(node: number): number {
    return this.field(node, this.idAt);
  }
  size(node: number): number {
    return this.field(node, this.sizeAt);
  }

  /** Calls `visit(edgeName, target)` for each strong edge of `node`. */
  forEachEdge(node: number, visit: (edgeName: string, target: number) => void): void {
    const from = this.firstEdge[node] ?? 0;
    const to = this.firstEdge[node + 1] ?? 0;
    for (let edge = from; edge < to; edge++) {
      const base = edge * this.edgeStride;
      const type = this.edgeTypes[this.raw.edges[base + this.edgeTypeAt] ?? 0];
      if (type === 'weak') continue;
      const nameOrIndex = this.raw.edges[base + this.edgeNameAt] ?? 0;
      const edgeName =
        type === 'element' || type === 'hidden' ? String(nameOrIndex) : (this.raw.strings[nameOrIndex] ?? '');
      visit(edgeName, (this.raw.edges[base + this.edgeToAt] ?? 0) / this.stride);
    }
  }

  hasEdge(node: number, name: string): boolean {
    let found = false;
    this.forEachEdge(node, (edgeName) => {
      if (edgeName === name) found = true;
    });
    return found;
  }

  /** A readable kind: constructor name for JS objects, else the node type. */
  kind(node: number): string {
    const type = this.type(node);
    const name = this.name(node);
    if (type === 'object') return name;
    if (type === 'closure') return `closure ${name || '(anonymous)'}`;
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return '(strings)';
    if (type === 'code') return '(compiled code)';
    return `(${type}) ${name}`.trim();
  }
}

function load(file: string): HeapGraph {
  return new HeapGraph(JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot);
}

/**
 * Owners, in priority order: an object reachable from several owners is charged to the first.
 * `is` recognises an owner's own node; `via` re-labels what hangs off it under a named property.
 */
interface Owner {
  label: string;
  is: (graph: HeapGraph, node: number) => boolean;
  via?: Record<string, string>;
}

const objectNamed = (name: string, edge?: string) => (graph: HeapGraph, node: number) =>
  graph.type(node) === 'object' && graph.name(node) === name && (!edge || graph.hasEdge(node, edge));

const OWNERS: Owner[] = [
  {
    label: 'socket.io Socket',
    is: objectNamed('Socket', 'nsp'),
    via: {
      handshake: 'socket.io Socket: handshake (headers, auth token, query)',
      data: 'socket.io Socket: socket.data',
      _events: 'socket.io Socket: event listeners',
    },
  },
  { label: 'socket.io Client', is: objectNamed('Client', 'conn') },
  { label: 'engine.io Socket (+ ping timers)', is: objectNamed('Socket', 'transport') },
  { label: 'engine.io WebSocket transport', is: objectNamed('WebSocket', 'sid') },
  { label: 'ws WebSocket (+ Receiver, Sender)', is: objectNamed('WebSocket', '_receiver') },
  { label: 'net.Socket (+ TCP handle, stream state)', is: objectNamed('Socket', '<symbol kHandle>') },
  { label: 'HTTP upgrade request (IncomingMessage)', is: objectNamed('IncomingMessage') },
  { label: 'adapter: rooms and per-socket room sets', is: objectNamed('Adapter', 'rooms') },
  { label: 'namespace: sockets map', is: objectNamed('Namespace', 'sockets') },
  { label: 'engine.io server: clients map', is: objectNamed('Server', 'clients') },
];

export interface OwnerRow {
  owner: string;
  objectsPerConnection: number;
  bytesPerConnection: number;
  /** The biggest kinds of object charged to this owner, bytes per connection. */
  top: Record<string, number>;
}

export interface KindRow {
  kind: string;
  objectsPerConnection: number;
  bytesPerConnection: number;
}

export interface Attribution {
  sockets: number;
  /** Self size of every object that is new in `after`, per connection. */
  newBytesPerConnection: number;
  owners: OwnerRow[];
  kinds: KindRow[];
}

/**
 * Charges every object that is new in `after` to the connection-level owner it is reachable from
 * (breadth-first from each owner in priority order, never crossing into another owner or into
 * objects that existed in `before`), and also tallies new objects by kind.
 */
export function attribute(beforeFile: string, afterFile: string, sockets: number): Attribution {
  const before = load(beforeFile);
  const oldIds = new Set<number>();
  for (let node = 0; node < before.nodeCount; node++) oldIds.add(before.id(node));
  const graph = load(afterFile);

  const UNCLAIMED = -1;
  const labels: string[] = [];
  const labelIndex = (label: string) => {
    const index = labels.indexOf(label);
    if (index >= 0) return index;
    labels.push(label);
    return labels.length - 1;
  };
  const owner = new Int32Array(graph.nodeCount).fill(UNCLAIMED);
  const isNew = new Uint8Array(graph.nodeCount);
  const kinds = new Map<string, { count: number; size: number }>();
  let newBytes = 0;
  for (let node = 0; node < graph.nodeCount; node++) {
    if (oldIds.has(graph.id(node))) continue;
    isNew[node] = 1;
    newBytes += graph.size(node);
    const kind = graph.kind(node);
    const entry = kinds.get(kind) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += graph.size(node);
    kinds.set(kind, entry);
  }

  // Recognise every owner node first, so no owner's walk crosses into another owner.
  const seeds: number[][] = OWNERS.map(() => []);
  const ownerOf = new Int16Array(graph.nodeCount).fill(-1);
  for (let node = 0; node < graph.nodeCount; node++) {
    if (graph.type(node) !== 'object') continue;
    const index = OWNERS.findIndex((candidate) => candidate.is(graph, node));
    if (index < 0) continue;
    ownerOf[node] = index;
    seeds[index]?.push(node);
  }

  // Long-lived owners (the adapter, the namespace) hold connections through containers that existed
  // before the clients did (a Map whose backing table grew): walk up to two old objects deep for those.
  const OLD_HOPS = 2;
  const BLOCKED = new Set(['__proto__', 'map', 'constructor', 'prototype', 'context', 'shared', 'code']);
  OWNERS.forEach((spec, index) => {
    const base = labelIndex(spec.label);
    const queue: number[] = [];
    const hops: number[] = [];
    const visitedOld = new Set<number>();
    for (const seed of seeds[index] ?? []) {
      if (isNew[seed]) owner[seed] = base;
      queue.push(seed);
      hops.push(0);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] ?? 0;
      const oldHops = hops[head] ?? 0;
      const isSeed = ownerOf[node] === index;
      const label = isSeed || !isNew[node] ? base : (owner[node] ?? base);
      graph.forEachEdge(node, (edgeName, target) => {
        if ((ownerOf[target] ?? -1) >= 0) return;
        if (!isNew[target]) {
          if (oldHops >= OLD_HOPS || BLOCKED.has(edgeName) || visitedOld.has(target)) return;
          visitedOld.add(target);
          queue.push(target);
          hops.push(oldHops + 1);
          return;
        }
        if (owner[target] !== UNCLAIMED) return;
        const sub = isSeed ? spec.via?.[edgeName] : undefined;
        owner[target] = sub ? labelIndex(sub) : label;
        queue.push(target);
        hops.push(0);
      });
    }
  });

  const totals = [...labels, 'unclaimed'].map(() => ({
    count: 0,
    size: 0,
    kinds: new Map<string, number>(),
  }));
  const unclaimedIndex = labels.length;
  for (let node = 0; node < graph.nodeCount; node++) {
    if (!isNew[node]) continue;
    const bucket = totals[owner[node] === UNCLAIMED ? unclaimedIndex : (owner[node] ?? 0)];
    if (!bucket) continue;
    const kind = graph.kind(node);
    bucket.count += 1;
    bucket.size += graph.size(node);
    bucket.kinds.set(kind, (bucket.kinds.get(kind) ?? 0) + graph.size(node));
  }
  const owners: OwnerRow[] = [
    ...labels,
    '(not reachable from any of these: compiled code, caches, other)',
  ].map((label, index) => {
    const bucket = totals[index] ?? { count: 0, size: 0, kinds: new Map<string, number>() };
    const top = [...bucket.kinds]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([kind, size]) => [kind, Math.round(size / sockets)] as const);
    return {
      owner: label,
      objectsPerConnection: bucket.count / sockets,
      bytesPerConnection: bucket.size / sockets,
      top: Object.fromEntries(top),
    };
  });
  owners.sort((a, b) => b.bytesPerConnection - a.bytesPerConnection);

  const kindRows: KindRow[] = [...kinds].map(([kind, { count, size }]) => ({
    kind,
    objectsPerConnection: count / sockets,
    bytesPerConnection: size / sockets,
  }));
  kindRows.sort((a, b) => b.bytesPerConnection - a.bytesPerConnection);
  return { sockets, newBytesPerConnection: newBytes / sockets, owners, kinds: kindRows.slice(0, 30) };
}
