/** Thrown when a row that must exist does not; mapped to the GraphQL NOT_FOUND code. */
export class NotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = 'NotFoundError';
  }
}
