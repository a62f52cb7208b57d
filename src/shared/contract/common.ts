import { z } from 'zod';

/** Pieces every domain of the contract shares. */

/** A request with no input. */
export const Empty = z.object({}).strict();
/** A request that only says it worked. */
export const Ok = z.object({ ok: z.literal(true) });
