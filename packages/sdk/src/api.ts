import {
  type TCheckUsernameResponse,
  type TMeResponse,
  type TMessageResponse,
  type TSendOtpResponse,
  type TSessionResponse,
  type TUploadResponse,
  ZErrorEnvelope,
} from '@guftagu/contracts';
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { type RequestOptions, requestJson } from './request.js';

/** A non-envelope failure (a proxy's HTML page, an empty body) keeps its status and says so. */
function failureOf(status: number, json: unknown): ApiError {
  const parsed = ZErrorEnvelope.safeParse(json);
  return new ApiError(
    status,
    parsed.success ? parsed.data : { success: false, error: `HTTP ${status}`, code: 'INTERNAL_ERROR' },
  );
}

/** One file for `uploadFiles`: bytes (or a browser Blob/File) and the name it had on disk. */
export interface UploadFile {
  name: string;
  data: Blob | Uint8Array;
  type?: string;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Typed REST client for Guftagu. In browsers the refresh cookie is handled by the browser; in Node
 * (tests, bench, bots) the client keeps the cookie itself so `refresh()` works the same way.
 */
export class ApiClient {
  token: string | undefined;
  private refreshCookie: string | undefined;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.doFetch = options.fetch ?? fetch;
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.doFetch(`${this.options.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(this.refreshCookie ? { cookie: this.refreshCookie } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: 'include',
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const match = /guftagu_rt=([^;]*)/.exec(setCookie);
      if (match) this.refreshCookie = match[1] ? `guftagu_rt=${match[1]}` : undefined;
    }
    const json: unknown = await response.json().catch(() => ({}));
    if (!response.ok) throw failureOf(response.status, json);
    return json as T;
  }

  /**
   * A request whose answer is parsed by its contract schema (what the web app uses): a response that
   * does not match is a BAD_RESPONSE error, never silently trusted.
   */
  call<S extends z.ZodType>(path: string, schema: S, options: Omit<RequestOptions, 'token'> = {}) {
    return requestJson(
      { baseUrl: this.options.baseUrl, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) },
      path,
      schema,
      {
        ...options,
        token: this.token ?? null,
        headers: { ...(this.refreshCookie ? { cookie: this.refreshCookie } : {}), ...options.headers },
      },
    );
  }

  /**
   * `POST /api/uploads`: sends 1–10 files as multipart/form-data and returns the stored attachments,
   * whose ids a message then carries. (Browsers that want progress events use XHR instead.)
   */
  async uploadFiles(files: UploadFile[]): Promise<TUploadResponse> {
    const form = new FormData();
    for (const file of files) {
      const blob =
        file.data instanceof Blob
          ? file.data
          : new Blob([new Uint8Array(file.data)], { type: file.type ?? '' });
      form.append('files', blob, file.name);
    }
    const response = await this.doFetch(`${this.options.baseUrl}/api/uploads`, {
      method: 'POST',
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: form,
      credentials: 'include',
    });
    const json: unknown = await response.json().catch(() => ({}));
    if (!response.ok) throw failureOf(response.status, json);
    return json as TUploadResponse;
  }

  private async session(promise: Promise<TSessionResponse>): Promise<TSessionResponse> {
    const result = await promise;
    this.token = result.token;
    return result;
  }

  sendOtp(email: string) {
    return this.request<TSendOtpResponse>('POST', '/api/auth/send-otp', { email });
  }
  verifyOtp(email: string, otp: string) {
    return this.session(this.request<TSessionResponse>('POST', '/api/auth/verify-otp', { email, otp }));
  }
  register(username: string, email: string, password: string) {
    return this.session(
      this.request<TSessionResponse>('POST', '/api/auth/register', { username, email, password }),
    );
  }
  login(email: string, password: string) {
    return this.session(this.request<TSessionResponse>('POST', '/api/auth/login', { email, password }));
  }
  refresh() {
    return this.session(this.request<TSessionResponse>('POST', '/api/auth/refresh'));
  }
  async logout() {
    const result = await this.request<TMessageResponse>('POST', '/api/auth/logout');
    this.token = undefined;
    return result;
  }
  me() {
    return this.request<TMeResponse>('GET', '/api/auth/me');
  }
  checkUsername(username: string) {
    return this.request<TCheckUsernameResponse>(
      'GET',
      `/api/user/check-username?username=${encodeURIComponent(username)}`,
    );
  }
  onboard(username: string, displayName?: string) {
    return this.request<TMeResponse>('POST', '/api/user/onboard', { username, displayName });
  }

  /** The stored refresh cookie value, for tests that replay an old token. */
  get refreshCookieValue(): string | undefined {
    return this.refreshCookie;
  }
  set refreshCookieValue(value: string | undefined) {
    this.refreshCookie = value;
  }
}
