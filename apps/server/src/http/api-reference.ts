import { createHash } from 'node:crypto';
import type { OpenApiDocument } from './openapi.js';

/**
 * The readable API reference: one self-contained HTML page rendered from the OpenAPI document, so it
 * can never disagree with it. No scripts and nothing fetched from elsewhere; it is sent with its own
 * CSP (`API_REFERENCE_CSP`) that admits only its one inline stylesheet, by hash.
 */

type Json = Record<string, unknown>;
interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  security?: ReadonlyArray<Json>;
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string; schema: Json }>;
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Markdown's inline code, the only markup the summaries and descriptions use. */
const inline = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const anchorOf = (method: string, path: string): string =>
  `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** `lower–upper unit`, `≥ lower` or `≤ upper`; bounds that only restate the number type are left out. */
function range(lower: unknown, upper: unknown, unit = ''): string | undefined {
  // A length or a count is never negative, so a lower bound of 0 says nothing there.
  const isBound = typeof lower === 'number' && lower > Number.MIN_SAFE_INTEGER && !(lower === 0 && unit);
  const low = isBound ? lower : undefined;
  const high = typeof upper === 'number' && upper < Number.MAX_SAFE_INTEGER ? upper : undefined;
  if (low !== undefined && high !== undefined)
    return low === high ? `${low}${unit}` : `${low}–${high}${unit}`;
  if (high !== undefined) return `≤ ${high}${unit}`;
  return low !== undefined ? `≥ ${low}${unit}` : undefined;
}

/** The limits a schema adds to its type, as a short note. */
function constraintsOf(schema: Json): string[] {
  const notes = [
    range(schema.minLength, schema.maxLength, ' chars'),
    range(schema.minimum, schema.maximum),
    range(schema.minItems, schema.maxItems, ' items'),
  ].filter((note): note is string => note !== undefined);
  if (typeof schema.pattern === 'string' && !schema.format) notes.push(`/${schema.pattern}/`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.description === 'string') notes.push(schema.description);
  return notes;
}

/** A JSON Schema as a TypeScript-like type, which reads faster than the schema itself. */
function typeOf(schema: Json, indent = ''): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'unknown';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (variants) return variants.map((variant) => typeOf(variant, indent)).join(' | ');
  if (Array.isArray(schema.type))
    return schema.type.map((type) => typeOf({ ...schema, type }, indent)).join(' | ');
  switch (schema.type) {
    case 'object':
      return objectTypeOf(schema, indent);
    case 'array': {
      const item = typeOf((schema.items as Json | undefined) ?? {}, indent);
      return /[|\n]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
    }
    case 'string':
      return typeof schema.format === 'string' ? `string<${schema.format}>` : 'string';
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return schema.type;
    default:
      return 'unknown';
  }
}

function objectTypeOf(schema: Json, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) {
    const values = schema.additionalProperties;
    return typeof values === 'object' && values
      ? `Record<string, ${typeOf(values as Json, indent)}>`
      : 'object';
  }
  const inner = `${indent}  `;
  const lines = names.map((name) => {
    const property = properties[name] ?? {};
    const notes = constraintsOf(property);
    const note = notes.length > 0 ? `  // ${notes.join(', ')}` : '';
    return `${inner}${name}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};${note}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The type as HTML: comments dimmed, so the shape stands out. */
const typeBlock = (schema: Json): string =>
  `<pre class="type">${escapeHtml(typeOf(schema)).replace(/(\/\/ .*)$/gm, '<span class="note">$1</span>')}</pre>`;

function authBadge(operation: Operation): string {
  if (!operation.security) return '<span class="badge open">public</span>';
  const isOptional = operation.security.some((requirement) => Object.keys(requirement).length === 0);
  return isOptional
    ? '<span class="badge optional">sign-in optional</span>'
    : '<span class="badge auth">bearer token</span>';
}

function parametersTable(operation: Operation): string {
  if (!operation.parameters?.length) return '';
  const rows = operation.parameters.map((parameter) => {
    const notes = constraintsOf(parameter.schema);
    return `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required ? '' : '<span class="note">?</span>'}</td><td>${parameter.in}</td><td><code>${escapeHtml(typeOf(parameter.schema))}</code></td><td>${escapeHtml(notes.join(', '))}</td></tr>`;
  });
  return `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>rules</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bodyBlock(operation: Operation): string {
  const content = operation.requestBody?.content ?? {};
  return Object.entries(content)
    .map(
      ([type, { schema }]) => `<h4>Request body <span class="note">${type}</span></h4>${typeBlock(schema)}`,
    )
    .join('');
}

function responseBlocks(operation: Operation): string {
  return Object.entries(operation.responses)
    .filter(([status]) => status !== 'default')
    .map(([status, response]) => {
      const schema = response.content?.['application/json']?.schema;
      return `<h4>Response <span class="status">${status}</span></h4>${schema ? typeBlock(schema) : ''}`;
    })
    .join('');
}

function operationArticle(method: string, path: string, operation: Operation): string {
  return `<article id="${anchorOf(method, path)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code class="path">${escapeHtml(path)}</code> ${authBadge(operation)}</h3>
<p class="summary">${inline(operation.summary)}</p>
${operation.description ? `<p>${inline(operation.description)}</p>` : ''}
${parametersTable(operation)}${bodyBlock(operation)}${responseBlocks(operation)}
</article>`;
}

export function renderApiReference(document: OpenApiDocument, jsonUrl: string): string {
  const byTag = new Map<string, Array<[string, string, Operation]>>();
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), [method, path, operation]]);
    }
  const nav = [...byTag]
    .map(
      ([tag, operations]) =>
        `<li><a href="#tag-${tag}">${escapeHtml(tag)}</a><ul>${operations
          .map(
            ([method, path]) =>
              `<li><a href="#${anchorOf(method, path)}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path.replace(/^\/api/, ''))}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  const sections = [...byTag]
    .map(
      ([tag, operations]) =>
        `<section id="tag-${tag}"><h2>${escapeHtml(tag)}</h2>${operations
          .map(([method, path, operation]) => operationArticle(method, path, operation))
          .join('')}</section>`,
    )
    .join('');
  const { title, version, description } = document.info;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} reference</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>${STYLES}</style>
</head>
<body>
<nav><p class="brand">${escapeHtml(title)} <span class="note">v${escapeHtml(version)}</span></p><ul>${nav}</ul></nav>
<main>
<header><h1>${escapeHtml(title)} reference</h1><p>${inline(description)}</p>
<p>Generated from the route definitions the server validates with. Machine-readable: <a href="${escapeHtml(jsonUrl)}">OpenAPI 3.1 document (JSON)</a>.</p></header>
${sections}
</main>
</body>
</html>`;
}

const STYLES = `
:root{color-scheme:dark;--canvas:#0d0f14;--surface:#151821;--line:#262a36;--fg:#e6e8ee;--muted:#8b91a3;--accent:#8b7cf6}
*{box-sizing:border-box}
body{margin:0;display:grid;grid-template-columns:18rem 1fr;background:var(--canvas);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1.25rem 1rem;border-right:1px solid var(--line);background:var(--surface);font-size:13px}
nav ul{list-style:none;margin:0;padding:0}nav>ul>li{margin:.9rem 0}nav>ul>li>a{color:var(--fg);font-weight:600;text-transform:capitalize}
nav li li a{display:block;padding:.1rem 0;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav a{text-decoration:none}nav a:hover{color:var(--accent)}
.brand{font-weight:700;font-size:15px;margin:0 0 1rem}
main{padding:2rem 3rem;max-width:60rem}
h1{margin:0 0 .5rem;font-size:1.8rem}h2{margin:2.5rem 0 .75rem;text-transform:capitalize;border-bottom:1px solid var(--line);padding-bottom:.4rem}
h3{margin:0;font-size:1rem;display:flex;align-items:center;gap:.6rem;flex-wrap:wrap}h4{margin:1rem 0 .35rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}h4 .note{text-transform:none;letter-spacing:0;margin-left:.3rem}
article{background:var(--surface);border:1px solid var(--line);border-radius:10px;padding:1rem 1.25rem;margin:0 0 1rem}
.summary{margin:.5rem 0 0}
a{color:var(--accent)}code{font:13px/1.4 ui-monospace,"SFMono-Regular",Menlo,monospace}
p code,td code{background:#1e2230;padding:.05rem .3rem;border-radius:4px}
.path{font-size:14px}
pre.type{margin:0;padding:.75rem 1rem;background:var(--canvas);border:1px solid var(--line);border-radius:8px;overflow:auto;font:13px/1.45 ui-monospace,Menlo,monospace}
.note{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:500}
.method{display:inline-block;min-width:3.6rem;text-align:center;padding:.1rem .35rem;border-radius:5px;font:700 11px/1.5 ui-monospace,Menlo,monospace;color:#0d0f14}
nav .method{min-width:3.2rem;font-size:10px;margin-right:.3rem}
.get{background:#5ec58f}.post{background:#7aa7ff}.put{background:#f0b75e}.patch{background:#d59cf2}.delete{background:#f07a7a}
.badge{font-size:11px;font-weight:600;padding:.1rem .5rem;border-radius:999px;border:1px solid var(--line)}
.badge.auth{color:#f0b75e}.badge.optional{color:#7aa7ff}.badge.open{color:#5ec58f}
.status{color:#5ec58f}
@media (max-width:800px){body{grid-template-columns:1fr}nav{position:static;height:auto}main{padding:1.25rem}}
`;

/**
 * Stricter than the app's policy (which allows inline styles and scripts for Next.js): the page may
 * load nothing but its own stylesheet, so it stays safe whatever the document's text contains.
 */
export const API_REFERENCE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLES).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
