/** An RFC 7807 problem as the server sends it (validation problems carry field errors). */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  errors?: Record<string, string[]>;
  currentVersion?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export interface ApiResponse<T> {
  body: T;
  etag: string | null;
  status: number;
}

/** Calls the server's JSON API with the page's cookie; a non-2xx answer throws an ApiError with the problem. */
export async function api<T>(url: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }

  const response = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    throw new ApiError(response.status, (body ?? {}) as Problem);
  }

  return { body: body as T, etag: response.headers.get('ETag'), status: response.status };
}

export async function getJson<T>(url: string): Promise<T> {
  return (await api<T>(url)).body;
}

export function postJson<T>(url: string, payload: unknown, headers?: HeadersInit): Promise<ApiResponse<T>> {
  return api<T>(url, { method: 'POST', body: JSON.stringify(payload), headers });
}
