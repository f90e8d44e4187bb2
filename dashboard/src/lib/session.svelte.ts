/** The signed-in user. The browser holds only the httpOnly session cookie; the token is ignored. */
import type { User } from '@eldercare/shared';
import { ApiError, setUnauthorizedHandler } from './api';
import { auth } from './endpoints';
import { router } from './router.svelte';
import { homeFor } from './routes';

class Session {
  user = $state<User | null>(null);
  /** False until the first `/api/auth/session` answered. */
  ready = $state(false);
  /** Where to go back to after logging in. */
  private returnTo = '';

  constructor() {
    setUnauthorizedHandler(() => this.expire());
  }

  async restore(): Promise<void> {
    try {
      this.user = (await auth.session()).user;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) console.warn('session restore failed', err);
      this.user = null;
    } finally {
      this.ready = true;
    }
  }

  async login(email: string, password: string): Promise<void> {
    const res = await auth.login(email, password);
    this.user = res.user;
    const back = this.returnTo;
    this.returnTo = '';
    router.go(back && !back.startsWith('#/login') && back !== '#/' ? back : homeFor(res.user.role));
  }

  async logout(): Promise<void> {
    try {
      await auth.logout();
    } catch (err) {
      console.warn('logout failed', err);
    }
    this.user = null;
    router.go('#/login');
  }

  /** Called on any 401: the session ended on the server. */
  expire(): void {
    if (window.location.hash && !window.location.hash.startsWith('#/login')) this.returnTo = window.location.hash;
    this.user = null;
    router.go('#/login');
  }
}

export const session = new Session();
