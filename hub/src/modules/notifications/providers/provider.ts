/**
 * SMS and voice providers. One file per provider implements `TextProvider`; `fromEnv` below picks
 * the configured one. No provider configured: the channel is unavailable (nothing pretends to send).
 */
export interface TextMessage {
  /** Phone number (mainland numbers as 11 digits, others in E.164). */
  to: string;
  /** Template parameters: elder, what, link. */
  params: { elder: string; what: string; link: string };
}

export interface TextProvider {
  readonly name: string;
  send(m: TextMessage): Promise<void>;
}

export type Env = Record<string, string | undefined>;

/** A provider refused or failed the request. `permanent`: the number or template is wrong, retrying cannot help. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}
