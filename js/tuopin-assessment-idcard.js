// What a 居民身份证号码 (GB 11643-1999) tells as it is typed: its check digit, the birth date
// (digits 7–14) and the sex (digit 17: odd = male, even = female). The element fills birth date
// and sex from it (still editable); the engine checks the same facts against each other.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** "ok" | "partial" (fewer than 18 characters so far) | "bad_format" | "bad_checksum" | "bad_date". */
export function idStatus(id) {
  if (!id) return "partial";
  if (!/^\d{0,17}[\dX]?$/.test(id) || (id.length < 18 && /X/.test(id))) return "bad_format";
  if (id.length < 18) return "partial";
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== id[17]) return "bad_checksum";
  return birthFromId(id) ? "ok" : "bad_date";
}

/** YYYY-MM-DD from digits 7–14 when that is a real calendar date, else null. */
export function birthFromId(id) {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id || "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function sexFromId(id) {
  if (!/^\d{17}/.test(id || "")) return null;
  return Number(id[16]) % 2 === 1 ? "male" : "female";
}
