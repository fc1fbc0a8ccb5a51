import type { TAttachmentFileExtension } from '@guftagu/contracts';

/**
 * What a non-image attachment may be. The list is an allowlist by extension, and every entry with a
 * file signature must also carry it, so a renamed executable or web page is refused. Anything a browser
 * could run as active content (HTML, SVG, XML, scripts, executables) is never on the list; files are
 * served as downloads besides.
 */
export interface FileType {
  mime: string;
  /** True when the first bytes match this type's signature. */
  matches: (head: Buffer) => boolean;
}

const ascii = (head: Buffer, offset: number, text: string) =>
  head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;

const isPdf = (head: Buffer) => ascii(head, 0, '%PDF-');
// Local file header, or the end-of-central-directory record of an empty archive.
const isZip = (head: Buffer) => ascii(head, 0, 'PK\x03\x04') || ascii(head, 0, 'PK\x05\x06');
const isMp3 = (head: Buffer) =>
  ascii(head, 0, 'ID3') || (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0);
const isOgg = (head: Buffer) => ascii(head, 0, 'OggS');
const isWav = (head: Buffer) => ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE');
const isIsoMedia = (head: Buffer) => ascii(head, 4, 'ftyp');
const isMatroska = (head: Buffer) => head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3;
const is7z = (head: Buffer) => ascii(head, 0, '7z\xbc\xaf\x27\x1c');

const OFFICE = 'application/vnd.openxmlformats-officedocument';

export const FILE_TYPES: Readonly<Record<TAttachmentFileExtension, FileType>> = {
  pdf: { mime: 'application/pdf', matches: isPdf },
  txt: { mime: 'text/plain', matches: (head) => isPlainText(head) },
  md: { mime: 'text/markdown', matches: (head) => isPlainText(head) },
  csv: { mime: 'text/csv', matches: (head) => isPlainText(head) },
  zip: { mime: 'application/zip', matches: isZip },
  '7z': { mime: 'application/x-7z-compressed', matches: is7z },
  docx: { mime: `${OFFICE}.wordprocessingml.document`, matches: isZip },
  xlsx: { mime: `${OFFICE}.spreadsheetml.sheet`, matches: isZip },
  pptx: { mime: `${OFFICE}.presentationml.presentation`, matches: isZip },
  odt: { mime: 'application/vnd.oasis.opendocument.text', matches: isZip },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', matches: isZip },
  mp3: { mime: 'audio/mpeg', matches: isMp3 },
  ogg: { mime: 'audio/ogg', matches: isOgg },
  oga: { mime: 'audio/ogg', matches: isOgg },
  opus: { mime: 'audio/ogg', matches: isOgg },
  wav: { mime: 'audio/wav', matches: isWav },
  m4a: { mime: 'audio/mp4', matches: isIsoMedia },
  mp4: { mime: 'video/mp4', matches: isIsoMedia },
  m4v: { mime: 'video/mp4', matches: isIsoMedia },
  mov: { mime: 'video/quicktime', matches: isIsoMedia },
  webm: { mime: 'video/webm', matches: isMatroska },
};

export function fileTypeFor(extension: string): FileType | undefined {
  return Object.hasOwn(FILE_TYPES, extension) ? FILE_TYPES[extension as TAttachmentFileExtension] : undefined;
}

/** Markup a browser would render if it ever sniffed the file; refused even inside a .txt. */
const ACTIVE_MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed)\b/i;

/**
 * Text files have no signature, so the head must be valid UTF-8 without NUL bytes (which rules out
 * renamed binaries such as `MZ` executables) and must not open like a web page or SVG.
 */
export function isPlainText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  const text = decodeUtf8(head);
  if (text === undefined) return false;
  return !ACTIVE_MARKUP.test(text.replace(/^\uFEFF/, ''));
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    // `stream` leaves an incomplete character at the end undecoded instead of failing: the sampled head
    // may cut a multi-byte character in half.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

/** The lowercase extension of a sanitised name, without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
