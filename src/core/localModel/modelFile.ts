import { open, stat } from 'node:fs/promises';
import type { GgufInsights, Llama } from 'node-llama-cpp';
import { AppError } from '../../shared/errors';

/**
 * Checks a model file before the engine loads it, so bad input gets a human message instead of
 * a native error: not a GGUF, cut short, an architecture llama.cpp cannot run, no chat template.
 */

/** The four bytes every GGUF file starts with. */
const GGUF_MAGIC = 'GGUF';

/** Throws `local_model_invalid` unless the file starts like a GGUF model. Cheap: reads 8 bytes. */
export async function checkGgufMagic(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new AppError(
      'local_model_invalid',
      'The model file cannot be read (it may have been moved or deleted).',
    );
  }
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead < 8 || head.toString('latin1', 0, 4) !== GGUF_MAGIC) {
      throw new AppError(
        'local_model_invalid',
        'This file is not a GGUF model. Penpal runs models in the GGUF format (files ending in .gguf).',
      );
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads the whole header with node-llama-cpp's GGUF parser and refuses what would fail or crash
 * at load: a truncated file (its tensors end past the end of the file), an unsupported
 * architecture, a model without a chat template.
 */
export async function inspectModelFile(
  llama: Llama,
  path: string,
): Promise<{ architecture: string; trainContext: number | undefined; insights: GgufInsights }> {
  await checkGgufMagic(path);
  const { readGgufFileInfo, GgufInsights } = await import('node-llama-cpp');
  let info;
  try {
    info = await readGgufFileInfo(path, { logWarnings: false });
  } catch {
    throw new AppError(
      'local_model_invalid',
      'The model file is damaged or cut short: its header cannot be read. Download it again.',
    );
  }
  const insights = await GgufInsights.from(info, llama);
  const tensors = info.fullTensorInfo ?? [];
  const dataStart = tensors.reduce((min, t) => Math.min(min, Number(t.fileOffset)), Number.POSITIVE_INFINITY);
  const { size } = await stat(path);
  if (tensors.length === 0 || dataStart + insights.modelSize > size) {
    throw new AppError(
      'local_model_invalid',
      'The model file is cut short (an interrupted download?). Download it again or pick the whole file.',
    );
  }
  const architecture = String(info.metadata?.general?.architecture ?? 'unknown');
  if (!insights.isSupportedByLlamaCpp) {
    throw new AppError(
      'local_model_unsupported',
      `This model's architecture ("${architecture.slice(0, 60)}") is not one the built-in engine can run.`,
    );
  }
  const template = (info.metadata as { tokenizer?: { chat_template?: unknown } } | undefined)?.tokenizer
    ?.chat_template;
  if (typeof template !== 'string' || !template.trim()) {
    throw new AppError(
      'local_model_no_template',
      'This model file has no chat template, so Penpal cannot tell how to talk to it. Pick an instruct or chat model.',
    );
  }
  return { architecture, trainContext: insights.trainContextSize, insights };
}
