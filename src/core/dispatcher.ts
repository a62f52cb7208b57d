import { isMethod, methods, type Method, type Output, type ParsedInput } from '../shared/contract';
import { AppError, type Result } from '../shared/errors';

/** One plain async function per contract method; a missing one is a compile error. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> };

/** Routes a request by method name; transport-free, so every adapter shares it. */
export interface Dispatcher {
  handle(method: unknown, input: unknown): Promise<Result<unknown>>;
}

/** Turns anything thrown into a wire error without leaking internals or secrets. */
export function toWireError(error: unknown): Result<never> {
  if (error instanceof AppError) return { ok: false, error: error.toWire() };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message } };
}

/**
 * Creates the dispatcher: validates the input with the method's zod schema (the renderer is
 * untrusted), calls the handler and wraps the answer in the `{ok, data}` envelope.
 */
export function createDispatcher(handlers: Handlers): Dispatcher {
  return {
    async handle(method, input) {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'invalid_input', message: `Unknown method: ${String(method)}` } };
      }
      const parsed = methods[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
          .join('; ');
        return { ok: false, error: { code: 'invalid_input', message: detail } };
      }
      try {
        const handler = handlers[method] as (value: unknown) => Promise<unknown>;
        return { ok: true, data: await handler(parsed.data) };
      } catch (error) {
        return toWireError(error);
      }
    },
  };
}
