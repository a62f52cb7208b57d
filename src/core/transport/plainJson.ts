/**
 * Serialises a value the way every Penpal transport does: plain JSON. Dates become ISO strings,
 * `undefined` fields disappear, Maps and class instances lose their behaviour — so a test over the
 * in-memory pair sees exactly what a renderer sees over IPC or the WebSocket.
 */
export function toWireText(value: unknown): string {
  // JSON.stringify(undefined) is undefined, which no wire can carry: send null instead.
  return JSON.stringify(value) ?? 'null';
}

/** Parses what `toWireText` produced; throws a SyntaxError on anything else. */
export function fromWireText(text: string): unknown {
  return JSON.parse(text) as unknown;
}

/** A round trip through the wire format. */
export function asPlainJson<T>(value: T): unknown {
  return fromWireText(toWireText(value));
}
