import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { readRegularFile } from './regular-file.js';

/** Topics are hand-written text; anything bigger is a mistake, not content. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a UTF-8 text file (BOM and CRLF accepted). Problems come back as diagnostics. */
export async function readTextFile(path: string, file: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const at = { file, line: 1, col: 1 };
  const read = readRegularFile(path, MAX_TEXT_BYTES);
  if ('problem' in read) {
    const { problem } = read;
    if (problem === 'folder')
      return {
        diagnostics: [
          error(Codes.fileRead, 'expected a file, found a folder', {
            ...at,
            hint: 'give the path of a file, not a folder',
          }),
        ],
      };
    // A FIFO or device would block the read forever.
    if (problem === 'not-regular')
      return {
        diagnostics: [error(Codes.fileRead, 'not a regular file', { ...at, hint: 'give the path of a text file' })],
      };
    if (problem === 'too-large')
      return {
        diagnostics: [
          error(
            Codes.fileTooLarge,
            `file is ${((read.size ?? 0) / 1048576).toFixed(1)} MiB; the limit is ${MAX_TEXT_BYTES / 1048576} MiB`,
            { ...at, hint: 'split the topic into several files' },
          ),
        ],
      };
    return {
      diagnostics: [
        error(Codes.fileRead, `cannot read file (${problem === 'missing' ? 'ENOENT' : problem.code})`, {
          ...at,
          hint: 'check that the file exists and is readable',
        }),
      ],
    };
  }
  const bytes = read.bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      diagnostics: [
        error(Codes.fileEncoding, 'file is UTF-16, not UTF-8', {
          ...at,
          hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
        }),
      ],
    };
  }
  if (bytes.includes(0)) {
    return {
      diagnostics: [
        error(Codes.fileEncoding, 'file is binary (contains NUL bytes), not UTF-8 text', {
          ...at,
          hint: 'save the file as UTF-8 text',
        }),
      ],
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes); // drops a leading BOM
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      diagnostics: [
        error(Codes.fileEncoding, 'file is not valid UTF-8', {
          file,
          ...bad,
          hint: 'save the file as UTF-8 (not Latin-1 or UTF-16)',
        }),
      ],
    };
  }
  if (text.trim() === '')
    return {
      diagnostics: [
        error(Codes.fileEmpty, 'file is empty', { ...at, hint: 'a topic needs at least a title and one section' }),
      ],
    };
  return { text: text.replace(/\r\n?/g, '\n'), diagnostics: [] };
}

function firstInvalidUtf8(bytes: Buffer): { line: number; col: number } {
  // The lenient decode marks the first bad byte with U+FFFD; its position in the text is the answer.
  const text = new TextDecoder('utf-8').decode(bytes);
  const before = text.slice(0, Math.max(0, text.indexOf('\uFFFD')));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}
