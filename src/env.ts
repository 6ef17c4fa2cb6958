import type { CurrentUser } from './domain/auth/current-user';
import type { Deps } from './domain/deps';

/** Hono's typed context: what middleware puts on every request. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    user: CurrentUser | null;
    csrfToken: string | null;
    locale: 'zh' | 'en';
  };
}
