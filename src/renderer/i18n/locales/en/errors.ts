/** The "errors" strings in en. Keys must match the English file exactly (a test checks). */
export default {
  invalid_input: 'Some of the input is not valid.',
  not_found: 'This item no longer exists.',
  no_key: 'No API key is set. Add one in Settings.',
  key_not_for_this_address:
    'Your saved API key belongs to another address. Type the key again in Settings to use it with {{target}}.',
  key_over_plain_http:
    '{{target}} uses plain http:// outside your computer and local network, so the key would travel unencrypted. Confirm this in Settings, or use https://.',
  unauthorized: 'The API key was refused. Check the key in Settings.',
  forbidden: 'The service refused access to this model or feature.',
  model_not_found: 'The service has no model named “{{model}}”. Choose another model in Settings.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  rate_limited_retry: 'Too many requests. Try again in {{seconds}} s.',
  server_error: 'The service had a problem on its side. Try again in a moment.',
  bad_request: 'The service did not accept the request.',
  network: 'Cannot reach {{target}}. Check the Base URL and your internet connection.',
  bad_url: 'No OpenAI-compatible API at this URL. Base URLs usually end in /v1.',
  timeout: 'The service took too long to answer.',
  stalled: 'The answer stopped arriving.',
  incomplete: 'The answer was cut off before it finished.',
  context_length_exceeded:
    'The conversation is too long for this model. Start a new chat or delete some messages.',
  aborted: 'Stopped.',
  storage: 'Penpal could not save to its database.',
  disk_full: 'The disk is full. Free some space and try again.',
  read_only: 'Penpal’s data folder is read-only.',
  import_failed: 'The import failed. Nothing was changed.',
  busy: 'Penpal is busy. Try again in a moment.',
  shortcut_taken: 'That shortcut is already used by the system or another app. Choose another one.',
  proxy_unreachable:
    'The proxy could not be reached. Check the Proxy setting; the service itself was not tried.',
  proxy_auth: 'The proxy did not accept the user name or password.',
  fine_tuning_unsupported:
    'This provider does not offer fine-tuning (it has no /files or /fine_tuning/jobs endpoint).',
  local_model_invalid: 'This is not a model file Penpal can use (a GGUF file, complete).',
  local_model_unsupported: 'The built-in engine cannot run this kind of model.',
  local_model_no_template: 'This model has no chat template. Pick an instruct or chat model.',
  local_model_memory: 'This computer does not have enough free memory for this model. Try a smaller one.',
  local_model_crashed:
    'The model on this computer stopped unexpectedly. It starts again with your next message.',
  download_failed: 'The download failed. You can resume it.',
  checksum_mismatch: 'The downloaded file is not the expected one (checksum mismatch); it was not kept.',
  internal: 'Something went wrong inside Penpal.',
  unknown: 'Something went wrong.',
  theService: 'the service',
  thisModel: 'this model',
  detail: 'Details: {{detail}}',
} as const;
