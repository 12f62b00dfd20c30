import { StanceError } from '@stance/schema';

/** A parsed JSON object, or a StanceError at `where` saying what it was instead. */
export function plainObject(value: unknown, where: string, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new StanceError(`expected ${what} (a JSON object), got ${Array.isArray(value) ? 'an array' : typeof value}`, {
      where,
    });
  return value as Record<string, unknown>;
}

/** A required string field, or a StanceError naming the field. */
export function stringField(object: Record<string, unknown>, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw new StanceError(`field "${key}" must be a string`, { where });
  return value;
}

/** An optional string field (absent or null gives undefined), or a StanceError naming the field. */
export function optionalStringField(object: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new StanceError(`field "${key}" must be a string`, { where });
  return value;
}
