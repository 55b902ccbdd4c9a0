import { DEVICE_COOKIE, DEVICE_DAYS } from '@labmig/core/accounts';
import type { RequestEvent } from '@sveltejs/kit';

/** The device token this browser holds, if any. */
export function deviceTokenOf(event: Pick<RequestEvent, 'cookies'>): string | undefined {
  return event.cookies.get(DEVICE_COOKIE);
}

/**
 * Keeps the device token of the user who just signed in (or reset the password) in this browser: httpOnly,
 * SameSite=Lax, Secure on https, for DEVICE_DAYS. Signing out keeps it; it only says which account signed in here.
 */
export function setDeviceCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string): void {
  event.cookies.set(DEVICE_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: DEVICE_DAYS * 86_400,
  });
}
