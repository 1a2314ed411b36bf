/**
 * Thrown for input the engine cannot judge (unknown jurisdiction, bad zone or
 * date, unknown request type or holiday slug). The HTTP layer maps it to a 400
 * problem response with `field` in the field list, so `field` uses the same
 * dotted/indexed path as the request body (e.g. `events[2].occurredAt`).
 */
export class DeadlineInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'DeadlineInputError';
    this.field = field;
  }
}
