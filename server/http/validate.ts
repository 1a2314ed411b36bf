import type { z } from 'zod';
import { type FieldError, validationProblem } from '../errors/problem';

type Location = FieldError['in'];

function joinPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.');
}

/** Turns zod issues into the field list of a validation problem. */
export function fieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>, location: Location): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = joinPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ in: location, field: base ? `${base}.${key}` : key, message: 'Unknown field.' });
      }
    } else {
      out.push({ in: location, field: base, message: issue.message });
    }
  }
  return out;
}

/** Parses a value or throws a 400 problem naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationProblem(fieldErrors(result.error.issues, location));
}
