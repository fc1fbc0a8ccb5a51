import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The module rules of ARCHITECTURE.md, checked on the source: a module is used only through its
 * `index.ts`, and each table is written only by the module that owns it.
 */

const SOURCE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(SOURCE, 'modules');
const DB_SCHEMA = path.join(SOURCE, 'platform', 'db', 'schema.ts');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface Import {
  /** Resolved path of the imported file, with `.ts` for `.js`. */
  target: string;
  /** Imported name → local name, for `{ a, b as c }` imports. */
  names: Map<string, string>;
}

const IMPORT = /(?:import|export)\s+(type\s+)?(?:\{([^}]*)\}|[\w*\s,]+?)\s+from\s+'(\.[^']+)'/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const names = new Map<string, string>();
    for (const part of (match[2] ?? '').split(',')) {
      const [imported, local] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (imported) names.set(imported, local ?? imported);
    }
    const target = path.resolve(path.dirname(file), match[3] ?? '').replace(/\.js$/, '.ts');
    return { target, names };
  });
}

/** `modules/<name>/…` → `<name>`; anything else → undefined. */
function moduleOf(file: string): string | undefined {
  const relative = path.relative(MODULES, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
}

const relativeName = (file: string) => path.relative(SOURCE, file);

/** Table variable → owning module, read from every `*.schema.ts` `pgTable` declaration. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(MODULES).filter((name) => name.endsWith('.schema.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/export const (\w+) = pgTable\(/g))
      owners.set(match[1] ?? '', moduleOf(file) ?? '');
  }
  return owners;
}

describe('module boundaries', () => {
  const files = sourceFiles(SOURCE);
  const owners = tableOwners();

  it('finds the modules and their tables', () => {
    expect(owners.get('users')).toBe('users');
    expect(owners.get('notifications')).toBe('notifications');
    expect(owners.get('blocks')).toBe('social');
  });

  it("imports another module only through its index.ts (a schema may reference another's table)", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const { target } of importsOf(file)) {
        const to = moduleOf(target);
        if (!to || to === from || path.basename(target) === 'index.ts') continue;
        // Drizzle needs the referenced table object for a foreign key: schema to schema only.
        if (file.endsWith('.schema.ts') && target.endsWith('.schema.ts')) continue;
        // The migration generator and relational queries see every table through one file.
        if (file === DB_SCHEMA && target.endsWith('.schema.ts')) continue;
        violations.push(`${relativeName(file)} → ${relativeName(target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("takes only the module's own tables from platform/db/schema.ts", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      if (!from) continue;
      for (const { target, names } of importsOf(file)) {
        if (target !== DB_SCHEMA) continue;
        for (const name of names.keys()) {
          const owner = owners.get(name);
          if (owner && owner !== from) violations.push(`${relativeName(file)}: ${name} (owned by ${owner})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('writes a table only in the module that owns it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      if (!from || file.endsWith('.test.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const { names } of importsOf(file)) {
        for (const [imported, local] of names) {
          const owner = owners.get(imported);
          if (!owner || owner === from) continue;
          const writes = new RegExp(
            `\\.(?:insert|update|delete)\\(\\s*${local}\\s*\\)|(?:insert\\s+into|update|delete\\s+from)\\s+\\$\\{${local}\\}`,
            'i',
          );
          if (writes.test(text))
            violations.push(`${relativeName(file)} writes ${imported} (owned by ${owner})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
