import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * False on the server and during hydration, true once the island runs in the browser. What an
 * island shows before then is what a browser without JavaScript keeps showing, so the first client
 * render must match the server's; the switch happens in the render right after hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
