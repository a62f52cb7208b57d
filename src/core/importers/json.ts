/**
 * Careful narrowing of parsed JSON. ChatGPT exports are large and loosely shaped, so they are read
 * field by field rather than validated whole (a zod pass over 50 MB of nodes costs seconds).
 */

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string at `key`, or undefined when it is missing or not a string. */
export function getString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/** The finite number at `key`, or undefined. */
export function getNumber(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The object at `key`, or undefined. */
export function getObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isObject(value) ? value : undefined;
}

/** The array at `key`, or undefined. */
export function getArray(object: JsonObject, key: string): unknown[] | undefined {
  const value = object[key];
  return Array.isArray(value) ? value : undefined;
}

/**
 * A ChatGPT timestamp (unix seconds, possibly fractional) as an ISO string, or undefined when it is
 * missing or absurd. Values that look like milliseconds are accepted too, as some tools rewrite them.
 */
export function unixToIso(value: unknown): string | undefined {
  let millis: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    millis = value > 1e11 ? value : value * 1000;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Date.parse(value);
    millis = Number.isNaN(parsed) ? undefined : parsed;
  }
  // Dates past year 9999 cannot be written as ISO strings.
  if (millis === undefined || millis > 253_402_300_799_000) return undefined;
  return new Date(millis).toISOString();
}
