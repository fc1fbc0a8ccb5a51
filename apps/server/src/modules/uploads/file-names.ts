/** Longest display name kept, in code points; longer names keep their extension. */
const NAME_MAX = 200;

/**
 * Makes an uploaded file name safe to show and to put in a header: the base name only (no directory
 * from either separator), Unicode NFC, no control or format characters (so no CR/LF header injection
 * and no right-to-left override that disguises `gpj.exe` as `exe.jpg`), trimmed, and never empty.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|\s+$/gu, '');
  const chars = [...cleaned];
  if (chars.length === 0) return 'file';
  if (chars.length <= NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)].slice(0, 16).join('') : '';
  return chars.slice(0, NAME_MAX - [...extension].length).join('') + extension;
}

/** Replaces (or adds) the extension, for images that were re-encoded to another format. */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

/** A lowercase ASCII slug for the storage key, so a download from a bare URL still has a usable name. */
export function storageSlug(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const extension =
    dot > 0
      ? name
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 8)
      : '';
  return `${stem || 'file'}${extension ? `.${extension}` : ''}`;
}

/**
 * `Content-Disposition` per RFC 6266: a quoted ASCII fallback for old clients and the exact name as
 * RFC 5987 `filename*`. The name is sanitised first, and both forms are built from an escaped alphabet,
 * so no quote, semicolon or line break from a user can end the header or add a parameter.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const safe = sanitizeFileName(name);
  const fallback = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
