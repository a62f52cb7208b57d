import { isLocalOrPrivateHost } from '../../shared/endpoint';

/** The endpoint's host as the user reads it, and whether it is on this machine or network. */
export function endpointHost(baseURL: string): { host: string; local: boolean } {
  try {
    const url = new URL(baseURL);
    return { host: url.host, local: isLocalOrPrivateHost(url.hostname) };
  } catch {
    return { host: baseURL, local: false };
  }
}
