/**
 * The two fixed IPC channels. Kept free of zod so the sandboxed preload, which knows these and no
 * method names, stays tiny.
 */
export const IPC_REQUEST_CHANNEL = 'penpal:request';
export const IPC_EVENT_CHANNEL = 'penpal:event';
