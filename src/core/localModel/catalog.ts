import type { z } from 'zod';
import type { CatalogModelSchema } from '../../shared/contract/localModel';

/** A model of the curated list. */
export type CatalogModel = z.infer<typeof CatalogModelSchema>;

const GB = 1_000_000_000;
const MB = 1_000_000;

/**
 * Small instruct models that run on an ordinary laptop, Q4_K_M quantised, from their publishers'
 * (or well-known quantisers') Hugging Face repositories. Sizes are approximate: the server's
 * Content-Length decides the free-space check. `sha256` is null where it could not be checked
 * from here (no network but npm): those files are still checked as GGUF before they are kept.
 */
export const CATALOG: readonly CatalogModel[] = [
  {
    id: 'qwen2.5-0.5b-instruct-q4_k_m',
    name: 'Qwen2.5 0.5B Instruct',
    parameters: '0.5 B',
    sizeBytes: 398 * MB,
    memoryBytes: 1 * GB,
    languages: ['zh', 'en', 'ja', 'ko', 'fr', 'de', 'es'],
    licence: 'Apache-2.0',
    url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    sha256: null,
  },
  {
    id: 'qwen2.5-1.5b-instruct-q4_k_m',
    name: 'Qwen2.5 1.5B Instruct',
    parameters: '1.5 B',
    sizeBytes: 1120 * MB,
    memoryBytes: 2 * GB,
    languages: ['zh', 'en', 'ja', 'ko', 'fr', 'de', 'es'],
    licence: 'Apache-2.0',
    url: 'https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf',
    sha256: null,
  },
  {
    id: 'llama-3.2-1b-instruct-q4_k_m',
    name: 'Llama 3.2 1B Instruct',
    parameters: '1.2 B',
    sizeBytes: 808 * MB,
    memoryBytes: 2 * GB,
    languages: ['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'],
    licence: 'Llama 3.2 Community License',
    url: 'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    sha256: null,
  },
  {
    id: 'smollm2-1.7b-instruct-q4_k_m',
    name: 'SmolLM2 1.7B Instruct',
    parameters: '1.7 B',
    sizeBytes: 1060 * MB,
    memoryBytes: 2 * GB,
    languages: ['en'],
    licence: 'Apache-2.0',
    url: 'https://huggingface.co/bartowski/SmolLM2-1.7B-Instruct-GGUF/resolve/main/SmolLM2-1.7B-Instruct-Q4_K_M.gguf',
    sha256: null,
  },
  {
    id: 'phi-3.5-mini-instruct-q4_k_m',
    name: 'Phi-3.5 mini Instruct',
    parameters: '3.8 B',
    sizeBytes: 2390 * MB,
    memoryBytes: 4 * GB,
    languages: ['en', 'zh', 'fr', 'de', 'es', 'ja'],
    licence: 'MIT',
    url: 'https://huggingface.co/bartowski/Phi-3.5-mini-instruct-GGUF/resolve/main/Phi-3.5-mini-instruct-Q4_K_M.gguf',
    sha256: null,
  },
];
