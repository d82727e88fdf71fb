import type { ReactNode } from 'react';
import { useAccount } from '../../session.tsx';
import { NoAccess } from './NoAccess.tsx';

/**
 * A page only some may use: anyone else (who reached it by its address) is told so, and nothing
 * of it is fetched. The server refuses them anyway.
 */
export function RequireGrant({
  check,
  title,
  children,
}: {
  check: (grants: readonly string[]) => boolean;
  title: string;
  children: ReactNode;
}) {
  const { grants } = useAccount();
  return check(grants) ? children : <NoAccess title={title} />;
}
