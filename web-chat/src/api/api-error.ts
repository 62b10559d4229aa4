/** A failed API call: the HTTP status (0 when the server was not reached) and the server's message if it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Whether the key was refused (the user has to sign in again). */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}
