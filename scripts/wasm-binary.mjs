// The two pieces of the WebAssembly binary format that the build's module rewriters
// (strip-target-features.mjs, pkg-short-imports.mjs) both read: the header and LEB128 numbers.

/** Throws unless `bytes` starts with the header of a version-1 WebAssembly module. */
export function checkHeader(bytes) {
  const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error("not a WebAssembly binary (version 1)");
  }
}

/** Reads an unsigned LEB128 number at `pos`; returns [value, next position]. */
export function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= bytes.length) throw new Error("truncated LEB128 number");
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
    if (shift > 35) throw new Error("LEB128 number too long");
  }
}

/**
 * The module's sections in order, after checking its header: each as { id, start, body, end }
 * (the section's first byte, the first byte of its content, and the byte after it).
 */
export function* sections(bytes) {
  checkHeader(bytes);
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    const [size, body] = leb(bytes, pos);
    const end = body + size;
    if (end > bytes.length) throw new Error(`section at byte ${start} runs past the end of the file`);
    yield { id, start, body, end };
    pos = end;
  }
}
